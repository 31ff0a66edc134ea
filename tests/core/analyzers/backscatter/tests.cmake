# SPDX-License-Identifier: AGPL-3.0-or-later
# Backscatter analyzer unit tests. Paths are relative to this file so that it works wherever it is
# included from (tests/core/analyzers/tests.cmake, or tests/core/capture/tests.cmake as a fallback
# while the former resolves its include against tests/core/); the guard makes a second include a no-op.
if(NOT TARGET tst_backscatteranalyzer)
    d4_add_test(NAME tst_backscatteranalyzer SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatteranalyzer.cpp
        LABELS unit)
    d4_add_test(NAME tst_backscatterreporter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterreporter.cpp
        LABELS unit)
    d4_add_test(NAME tst_backscatterretention SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterretention.cpp
        LABELS unit)
endif()
