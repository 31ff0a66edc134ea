# SPDX-License-Identifier: AGPL-3.0-or-later
# IP fragment reassembly of the import's DNS path (docs/import.md). Paths relative to this file.
d4_add_test(NAME tst_ipfragmentreassembler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ipfragmentreassembler.cpp
    LABELS unit)
d4_add_test(NAME tst_dnsfragments SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsfragments.cpp LABELS unit)
