// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "i18n/languageloader.h"

#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

namespace d4::ui {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "d4.ui.i18n")

const QString kCatalogue = QStringLiteral("d4console");
const QString kSourceLanguage = QStringLiteral("en");

/** The translators currently installed; replaced as a whole by each successful install(). */
struct InstalledTranslators
{
    std::unique_ptr<QTranslator> application;
    std::unique_ptr<QTranslator> qt;
    QString language = kSourceLanguage;
};

InstalledTranslators &installed()
{
    static InstalledTranslators translators;
    return translators;
}

/** Where our catalogues are searched, first match wins: embedded, then installed. */
QStringList catalogueDirectories()
{
    QStringList directories{QStringLiteral(":/i18n")};
    if (QCoreApplication::instance() != nullptr) {
        directories.append(QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                                           QStringLiteral(D4_TRANSLATIONS_RELATIVE_DIR)));
    }
    return directories;
}

/** "de_CH" -> "de_CH"; the code of a catalogue file name such as "d4console_de_CH.qm". */
QString languageOfCatalogue(const QString &fileName)
{
    const QString prefix = kCatalogue + QLatin1Char('_');
    if (!fileName.startsWith(prefix) || !fileName.endsWith(QLatin1String(".qm"))) {
        return {};
    }
    return fileName.mid(prefix.size(), fileName.size() - prefix.size() - 3);
}

/** Loads the best catalogue for @p locale (its uiLanguages in order, then less specific codes). */
std::unique_ptr<QTranslator> loadApplicationCatalogue(const QLocale &locale)
{
    for (const QString &directory : catalogueDirectories()) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(locale, kCatalogue, QStringLiteral("_"), directory)) {
            return translator;
        }
    }
    return nullptr;
}

std::unique_ptr<QTranslator> loadQtCatalogue(const QLocale &locale)
{
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        return translator;
    }
    return nullptr;
}

/** True when the first language @p locale prefers is English, the source language. */
bool prefersSourceLanguage(const QLocale &locale)
{
    const QStringList languages = locale.uiLanguages();
    return !languages.isEmpty() && languages.constFirst().startsWith(kSourceLanguage);
}

void replaceTranslators(std::unique_ptr<QTranslator> application, std::unique_ptr<QTranslator> qt,
                        const QString &language)
{
    InstalledTranslators &current = installed();
    for (QTranslator *old : {current.application.get(), current.qt.get()}) {
        if (old != nullptr) {
            QCoreApplication::removeTranslator(old);
        }
    }
    current.application = std::move(application);
    current.qt = std::move(qt);
    current.language = language;
    for (QTranslator *translator : {current.qt.get(), current.application.get()}) {
        if (translator != nullptr) {
            QCoreApplication::installTranslator(translator);
        }
    }
}

} // namespace

QStringList LanguageLoader::availableLanguages()
{
    QStringList languages{kSourceLanguage};
    for (const QString &directory : catalogueDirectories()) {
        const QStringList files =
            QDir(directory).entryList({kCatalogue + QStringLiteral("_*.qm")}, QDir::Files);
        for (const QString &file : files) {
            const QString language = languageOfCatalogue(file);
            if (!language.isEmpty() && !languages.contains(language)) {
                languages.append(language);
            }
        }
    }
    languages.sort();
    return languages;
}

QString LanguageLoader::installedLanguage()
{
    return installed().language;
}

bool LanguageLoader::install(const QString &languageCode)
{
    const bool followSystem = languageCode.trimmed().isEmpty();
    const QLocale locale = followSystem ? QLocale::system() : QLocale(languageCode.trimmed());
    if (!followSystem && locale == QLocale::c()) {
        qCWarning(lcI18n) << "unknown language code" << languageCode;
        return false;
    }

    std::unique_ptr<QTranslator> application;
    if (followSystem ? !prefersSourceLanguage(locale) : !languageCode.startsWith(kSourceLanguage)) {
        application = loadApplicationCatalogue(locale);
        if (application == nullptr && !followSystem) {
            qCWarning(lcI18n) << "no translation for language" << languageCode;
            return false;
        }
    }

    // Qt's dialogs and context menus follow the language we show, English included.
    const QLocale shown =
        application != nullptr ? QLocale(application->language()) : QLocale(QLocale::English);
    std::unique_ptr<QTranslator> qt = application != nullptr ? loadQtCatalogue(shown) : nullptr;
    const QString language = application != nullptr ? application->language() : kSourceLanguage;
    qCDebug(lcI18n) << "installing language" << language << "(Qt catalogue" << (qt != nullptr) << ')';
    replaceTranslators(std::move(application), std::move(qt), language);
    QLocale::setDefault(followSystem ? locale : shown);
    return true;
}

} // namespace d4::ui
