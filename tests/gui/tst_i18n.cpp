// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

#include "i18n/languageloader.h"
#include "mainwindow/mainwindow.h"
#include "testenvironment.h"

namespace {

/** Every text of the window a user reads first: the title and the menu bar's menus. */
QStringList menuTitles(const d4::ui::MainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions()) {
        titles.append(action->text());
    }
    return titles;
}

QStringList menuItems(const d4::ui::MainWindow &window)
{
    QStringList items;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() == nullptr) {
            continue;
        }
        for (QAction *action : menuAction->menu()->actions()) {
            if (!action->isSeparator() && !action->text().isEmpty()) {
                items.append(action->text());
            }
        }
    }
    return items;
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("en"))); }

    void listsTheShippedLanguages()
    {
        const QStringList languages = d4::ui::LanguageLoader::availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("en")), qPrintable(languages.join(u',')));
        QVERIFY2(languages.contains(QStringLiteral("fr")), qPrintable(languages.join(u',')));
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(u',')));
        QStringList sorted = languages;
        sorted.sort();
        QCOMPARE(languages, sorted);
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), QStringLiteral("en"));
    }

    void showsTheMainWindowInFrench()
    {
        d4::ui::MainWindow english;
        const QStringList englishTitles = menuTitles(english);
        const QStringList englishItems = menuItems(english);

        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("fr")));
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), QStringLiteral("fr"));

        d4::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Console D4"));
        const QStringList titles = menuTitles(window);
        QVERIFY2(titles.contains(QStringLiteral("&Fichier")), qPrintable(titles.join(u'|')));
        QVERIFY2(titles.contains(QStringLiteral("&Aide")), qPrintable(titles.join(u'|')));
        const QStringList items = menuItems(window);
        QVERIFY2(items.contains(QStringLiteral("&Quitter")), qPrintable(items.join(u'|')));
        QVERIFY2(items.contains(QStringLiteral("À &propos de la Console D4")), qPrintable(items.join(u'|')));

        // No menu is left in English: each top-level menu title differs from the English window's.
        QCOMPARE(titles.size(), englishTitles.size());
        for (qsizetype i = 0; i < titles.size(); ++i) {
            QVERIFY2(titles.at(i) != englishTitles.at(i), qPrintable(titles.at(i)));
        }
        QCOMPARE(items.size(), englishItems.size());
        QVERIFY(items != englishItems);
    }

    void showsTheMainWindowInGerman()
    {
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("de")));
        d4::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("D4-Konsole"));
        const QStringList titles = menuTitles(window);
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(u'|')));
        QVERIFY2(titles.contains(QStringLiteral("&Hilfe")), qPrintable(titles.join(u'|')));
    }

    void switchesBackToEnglish()
    {
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("fr")));
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("en")));
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), QStringLiteral("en"));
        d4::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("D4 Console"));
    }

    void acceptsARegionalVariant()
    {
        // fr_CH has no catalogue of its own: the French one serves it.
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("fr_CH")));
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), QStringLiteral("fr"));
        d4::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("Console D4"));
    }

    void refusesALanguageWithoutCatalogue()
    {
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("de")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no translation for language")));
        QVERIFY(!d4::ui::LanguageLoader::install(QStringLiteral("ja")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown language code")));
        QVERIFY(!d4::ui::LanguageLoader::install(QStringLiteral("not a language")));
        // The previous language stays.
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), QStringLiteral("de"));
        d4::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("D4-Konsole"));
    }

    void loadsQtsOwnTranslations()
    {
        const QString qtCatalogue =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_fr.qm");
        if (!QFileInfo::exists(qtCatalogue)) {
            if (d4::test::runningInCi()) {
                QFAIL("qtbase_fr.qm is missing; run scripts/install-deps.sh (qt6-translations-l10n)");
            }
            QSKIP("qt6-translations-l10n is not installed");
        }
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QVERIFY(d4::ui::LanguageLoader::install(QStringLiteral("fr")));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    }

    /** Run by the ctest tst_i18n_systemlocale with a German locale in the environment. */
    void followsTheSystemLocale()
    {
        const QString expected = qEnvironmentVariable("D4_EXPECT_SYSTEM_LANGUAGE");
        if (expected.isEmpty()) {
            QSKIP("run by tst_i18n_systemlocale, which sets a system locale");
        }
        QVERIFY(d4::ui::LanguageLoader::install(QString()));
        QCOMPARE(d4::ui::LanguageLoader::installedLanguage(), expected);
        d4::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("D4-Konsole"));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
