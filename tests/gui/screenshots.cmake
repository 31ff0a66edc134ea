# SPDX-License-Identifier: AGPL-3.0-or-later
# The Passive DNS and Backscatter pages grabbed with real data (included by tests/gui/CMakeLists.txt);
# D4_SCREENSHOT_DIR=$PWD/docs/screenshots saves them for docs/console.md.
d4_add_test(NAME tst_screenshots SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_screenshots.cpp LABELS gui integration
    LIBRARIES d4ui)
