// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>
#include <QStringList>

namespace d4::ui {

/**
 * Installs the console's translation (d4console_<lang>.qm) and Qt's own (qtbase_<lang>.qm) into the
 * application. Our catalogues are embedded under :/i18n/ by qt_add_translations; the installed copy
 * under <datadir>/d4-console/translations/ is also searched, so a packager can add a language
 * without rebuilding. Qt's catalogues come from QLibraryInfo's TranslationsPath (Debian package
 * qt6-translations-l10n) and are optional.
 *
 * English is the source language: it needs no catalogue and is always available. Call install()
 * after the QCoreApplication exists and before any window is created (widgets translate their
 * texts when they are built). GUI thread only.
 */
class LanguageLoader
{
public:
    /** Language codes that can be installed ("de", "en", "fr", …), sorted, English included. */
    static QStringList availableLanguages();

    /** The language installed by the last successful install(): "en" before any, or a code. */
    static QString installedLanguage();

    /**
     * Installs @p languageCode ("fr", "de_CH", "en"). An empty code follows the system locale (the
     * user's LANGUAGE/LC_MESSAGES/LANG preferences, in order), falling back to English. Returns
     * false, and leaves the current translators in place, when no catalogue exists for an explicit
     * code.
     */
    static bool install(const QString &languageCode);
};

} // namespace d4::ui
