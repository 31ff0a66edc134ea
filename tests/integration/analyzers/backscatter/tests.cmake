# SPDX-License-Identifier: AGPL-3.0-or-later
# Backscatter integration tests: `d4-server analyze` and a live sensor -> d4-server -> tap run.
# Paths are relative to this file; the guard makes a second include a no-op (it is also included
# from tests/core/capture/tests.cmake while tests/integration/analyzers/tests.cmake resolves
# backscatter/tests.cmake against tests/integration/).
if(NOT TARGET tst_analyzecommand)
    d4_add_test(NAME tst_analyzecommand SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_analyzecommand.cpp
        LABELS integration TIMEOUT 300)
    add_dependencies(tst_analyzecommand d4-server)
    d4_add_test(NAME tst_backscatterlive SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterlive.cpp
        LABELS integration LIBRARIES d4workertestbase TIMEOUT 300)
    add_dependencies(tst_backscatterlive d4-server)
    d4_add_test(NAME tst_capturequeue SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_capturequeue.cpp
        LABELS integration TIMEOUT 120)
    d4_add_test(NAME tst_backscatterreport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterreport.cpp
        LABELS integration LIBRARIES d4workertestbase TIMEOUT 300)
    add_dependencies(tst_backscatterreport d4-server)
endif()
