# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding filters: passive DNS line filter and pcap filter (core/forward/filters.cmake).
d4_add_test(NAME tst_linefilter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_linefilter.cpp LABELS unit)
d4_add_test(NAME tst_pcapfilter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pcapfilter.cpp LABELS unit)
