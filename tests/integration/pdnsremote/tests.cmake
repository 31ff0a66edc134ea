# SPDX-License-Identifier: AGPL-3.0-or-later
# Paths are relative to this file so that it works wherever it is included from.
d4_add_test(NAME tst_pdnsremote SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnsremote.cpp LABELS integration
    LIBRARIES d4pdnstestsupport TIMEOUT 300)
