# SPDX-License-Identifier: AGPL-3.0-or-later
include(${CMAKE_CURRENT_LIST_DIR}/passivedns/tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/backscatter/tests.cmake OPTIONAL)
