// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "mainwindow/mainwindow.h"

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void showsMenusAndQuitsFromTheKeyboard()
    {
        d4::ui::MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("D4 Console"));
        QStringList menus;
        for (QAction *action : window.menuBar()->actions()) {
            menus.append(action->text());
        }
        QCOMPARE(menus,
                 (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!window.isVisible());
    }

    void pagesAreReachableFromTheKeyboard()
    {
        d4::ui::MainWindow window;
        QList<QLabel *> pages;
        for (int i = 0; i < 10; ++i) {
            auto *page = new QLabel(QStringLiteral("page %1").arg(i));
            pages.append(page);
            QCOMPARE(window.addPage(QStringLiteral("Page %1").arg(i), QIcon(), page), i);
        }
        QCOMPARE(window.pageCount(), 10);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentPageIndex(), 0);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPageIndex(), 2);
        QTest::keyClick(&window, Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(window.currentPageIndex(), 8);
        QCOMPARE(window.pageByTitle(QStringLiteral("Page 5")), pages[5]);
        // The side list follows the keyboard too.
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(window.currentPageIndex(), 9);
        window.showPage(pages[1]);
        QCOMPARE(window.currentPageIndex(), 1);
        window.setConnectionStatus(QStringLiteral("Redis down"), false);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionStatus"))->text(),
                 QStringLiteral("Redis down"));
    }

    void remembersWindowStateAndPage()
    {
        {
            d4::ui::MainWindow window;
            for (int i = 0; i < 3; ++i) {
                window.addPage(QStringLiteral("Page %1").arg(i), QIcon(), new QLabel);
            }
            window.resize(900, 600);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(2);
            window.close();
        }
        d4::ui::MainWindow window;
        for (int i = 0; i < 3; ++i) {
            window.addPage(QStringLiteral("Page %1").arg(i), QIcon(), new QLabel);
        }
        window.restoreWindowState();
        QCOMPARE(window.currentPageIndex(), 2);
        QCOMPARE(window.size(), QSize(900, 600));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
