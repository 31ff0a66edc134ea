# SPDX-License-Identifier: AGPL-3.0-or-later
# Paths are relative to this file so that it works wherever it is included from.
d4_add_test(NAME tst_pdnslineparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnslineparser.cpp LABELS unit)
d4_add_test(NAME tst_pdnskeys SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnskeys.cpp LABELS unit)
include(${CMAKE_CURRENT_LIST_DIR}/dnsextract.cmake OPTIONAL)
d4_add_test(NAME tst_pdnsstatus SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnsstatus.cpp LABELS unit)
