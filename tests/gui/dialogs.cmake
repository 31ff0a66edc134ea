# SPDX-License-Identifier: AGPL-3.0-or-later
# The console's dialogs, alerts, palette, icons and log view (tests/gui/tst_addsensordialog.cpp and the
# files named below), included by tests/gui/CMakeLists.txt.
d4_add_test(NAME tst_addsensordialog SOURCES tst_addsensordialog.cpp modaldialogdriver.h
    LABELS gui integration LIBRARIES d4ui TIMEOUT 180)
# It runs the built d4-sensor against the built d4-server.
add_dependencies(tst_addsensordialog d4-sensor d4-server)
d4_add_test(NAME tst_settingsdialog SOURCES tst_settingsdialog.cpp modaldialogdriver.h
    LABELS gui integration LIBRARIES d4ui)
d4_add_test(NAME tst_trayalerts SOURCES tst_trayalerts.cpp LABELS gui integration LIBRARIES d4ui TIMEOUT 120)
add_dependencies(tst_trayalerts d4-server)
d4_add_test(NAME tst_queuedialog SOURCES tst_queuedialog.cpp modaldialogdriver.h
    LABELS gui integration LIBRARIES d4ui)
d4_add_test(NAME tst_consoleicons SOURCES tst_consoleicons.cpp LABELS gui LIBRARIES d4ui)
d4_add_test(NAME tst_palette SOURCES tst_palette.cpp LABELS gui LIBRARIES d4ui)
d4_add_test(NAME tst_logpage SOURCES tst_logpage.cpp LABELS gui LIBRARIES d4ui)
