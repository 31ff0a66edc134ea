# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import page (docs/import.md): real drops of tests/data files, offscreen.
if(TARGET d4importtestdata)
    d4_add_test(NAME tst_importpage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_importpage.cpp LABELS gui
        LIBRARIES d4ui d4importtestdata TIMEOUT 300)
endif()
