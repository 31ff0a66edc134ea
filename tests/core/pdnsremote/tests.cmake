# SPDX-License-Identifier: AGPL-3.0-or-later
# Paths are relative to this file so that it works wherever it is included from.
d4_add_test(NAME tst_pdnsconfig SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnsconfig.cpp LABELS unit)
