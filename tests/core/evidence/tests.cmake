# SPDX-License-Identifier: AGPL-3.0-or-later
# Evidence packets of backscatter attacks and their capture files (docs/captures-and-backscatter.md),
# included by tests/core/CMakeLists.txt.
d4_add_test(NAME tst_attackevidence SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_attackevidence.cpp LABELS unit)
d4_add_test(NAME tst_evidencewriter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_evidencewriter.cpp LABELS unit)
