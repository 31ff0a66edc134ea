# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import (docs/import.md). Paths relative to this file so that it works wherever included.
add_library(d4importtestdata STATIC ${CMAKE_CURRENT_LIST_DIR}/capturefiles.h ${CMAKE_CURRENT_LIST_DIR}/capturefiles.cpp)
target_include_directories(d4importtestdata PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(d4importtestdata PUBLIC d4testsupport)
d4_add_test(NAME tst_importjob SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_importjob.cpp LABELS integration
    LIBRARIES d4importtestdata TIMEOUT 300)
if(TARGET d4-server)
    d4_add_test(NAME tst_analyzepassivedns SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_analyzepassivedns.cpp
        LABELS integration TIMEOUT 120)
    add_dependencies(tst_analyzepassivedns d4-server)
endif()
