# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_forwardruleloader SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwardruleloader.cpp LABELS unit)
