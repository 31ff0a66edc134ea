# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_dnspage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnspage.cpp LABELS gui LIBRARIES d4ui)
