# SPDX-License-Identifier: AGPL-3.0-or-later
# The Sharing page (forwarding rules), offscreen on a real redis-server (included by
# tests/gui/CMakeLists.txt).
d4_add_test(NAME tst_forwardpage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwardpage.cpp LABELS gui
    LIBRARIES d4ui)
d4_add_test(NAME tst_forwardruledialog SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwardruledialog.cpp LABELS gui
    LIBRARIES d4ui)
