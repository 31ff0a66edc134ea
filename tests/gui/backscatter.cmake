# SPDX-License-Identifier: AGPL-3.0-or-later
# The Backscatter page, offscreen (included by tests/gui/CMakeLists.txt).
d4_add_test(NAME tst_backscatterpage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterpage.cpp LABELS gui
    LIBRARIES d4ui)
