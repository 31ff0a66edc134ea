# SPDX-License-Identifier: AGPL-3.0-or-later
# Extra sources of d4-server (included by app/CMakeLists.txt after add_executable(d4-server)).
target_sources(d4-server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/analyze.h
    ${CMAKE_CURRENT_LIST_DIR}/analyzebackscatter.h
    ${CMAKE_CURRENT_LIST_DIR}/analyzesection.h
    ${CMAKE_CURRENT_LIST_DIR}/analyze.cpp
    ${CMAKE_CURRENT_LIST_DIR}/analyzebackscatter.cpp
)
