# SPDX-License-Identifier: AGPL-3.0-or-later
# Translations: the console in French and German (offscreen), following the system locale, and a
# completeness check that fails on any tr() string without a French or German translation.
d4_add_test(NAME tst_i18n SOURCES tst_i18n.cpp LABELS gui LIBRARIES d4ui)

# The same binary with a German system locale and no explicit language: install("") follows it.
add_test(NAME tst_i18n_systemlocale COMMAND tst_i18n followsTheSystemLocale)
set_tests_properties(tst_i18n_systemlocale PROPERTIES
    LABELS gui
    TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANGUAGE=de_DE;LC_ALL=de_DE.UTF-8;LANG=de_DE.UTF-8;D4_EXPECT_SYSTEM_LANGUAGE=de")

find_program(XMLLINT_PROGRAM xmllint)
if(XMLLINT_PROGRAM)
    add_test(NAME translations_complete COMMAND "${CMAKE_SOURCE_DIR}/scripts/update-translations.sh" --check)
    set_tests_properties(translations_complete PROPERTIES
        LABELS unit
        TIMEOUT 120
        ENVIRONMENT "LUPDATE=$<TARGET_FILE:Qt6::lupdate>;LRELEASE=$<TARGET_FILE:Qt6::lrelease>")
else()
    message(WARNING "xmllint (libxml2-utils) not found: the translations_complete test is not registered")
endif()
