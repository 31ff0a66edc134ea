# SPDX-License-Identifier: AGPL-3.0-or-later
# The console's models, dialogs and pages (tests/gui/tst_console*.cpp).
d4_add_test(NAME tst_consolemodels SOURCES tst_consolemodels.cpp LABELS gui LIBRARIES d4ui)
d4_add_test(NAME tst_consolesettings SOURCES tst_consolesettings.cpp LABELS gui LIBRARIES d4ui)
d4_add_test(NAME tst_consolepages SOURCES tst_consolepages.cpp LABELS gui integration LIBRARIES d4ui d4appcommon
    TIMEOUT 300)
