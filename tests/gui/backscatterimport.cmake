# SPDX-License-Identifier: AGPL-3.0-or-later
# Imported captures on the Backscatter page, and its evidence pcaps: a real drop on the main window,
# offscreen (included by tests/gui/CMakeLists.txt).
d4_add_test(NAME tst_backscatterimport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backscatterimport.cpp LABELS gui
    LIBRARIES d4ui TIMEOUT 300)
