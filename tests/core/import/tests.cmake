# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import (docs/import.md). Paths relative to this file so that it works wherever included.
d4_add_test(NAME tst_dnssink SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnssink.cpp LABELS unit)
d4_add_test(NAME tst_tcpdnsreassembler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tcpdnsreassembler.cpp LABELS unit)
