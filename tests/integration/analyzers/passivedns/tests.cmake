# SPDX-License-Identifier: AGPL-3.0-or-later
# Paths are relative to this file so that it works wherever it is included from.
add_library(d4pdnstestsupport STATIC ${CMAKE_CURRENT_LIST_DIR}/httptestclient.h ${CMAKE_CURRENT_LIST_DIR}/httptestclient.cpp)
target_include_directories(d4pdnstestsupport PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(d4pdnstestsupport PUBLIC d4testsupport Qt6::Network)
d4_add_test(NAME tst_pdnsstore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnsstore.cpp LABELS integration
    LIBRARIES d4pdnstestsupport TIMEOUT 300)
d4_add_test(NAME tst_pdnslookup SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnslookup.cpp LABELS integration
    LIBRARIES d4pdnstestsupport TIMEOUT 300)
d4_add_test(NAME tst_pdnsend2end SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pdnsend2end.cpp LABELS integration
    LIBRARIES d4pdnstestsupport TIMEOUT 300)
