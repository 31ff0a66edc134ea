# SPDX-License-Identifier: AGPL-3.0-or-later
# Unit tests of core/forward/; each part lists its own.
include(${CMAKE_CURRENT_LIST_DIR}/filters.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/spool.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/rulejson.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/rules.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/editor.cmake OPTIONAL)
