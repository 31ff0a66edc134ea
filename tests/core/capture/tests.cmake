# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture reader and packet decoder unit tests (included by tests/core/CMakeLists.txt).
d4_add_test(NAME tst_capturereader SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_capturereader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/capturetestutil.h LABELS unit)
d4_add_test(NAME tst_packetdecoder SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_packetdecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/capturetestutil.h LABELS unit)
target_include_directories(tst_capturereader PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_include_directories(tst_packetdecoder PRIVATE ${CMAKE_CURRENT_LIST_DIR})
# tests/core/analyzers/tests.cmake includes backscatter/tests.cmake relative to tests/core/, where it
# is not found; include it from here too (guarded against a double include).
include(${CMAKE_CURRENT_LIST_DIR}/../analyzers/backscatter/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/../../integration/analyzers/backscatter/tests.cmake)
