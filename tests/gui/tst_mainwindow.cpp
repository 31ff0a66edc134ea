// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "import/importcontroller.h"
#include "import/importpage.h"
#include "mainwindow/mainwindow.h"
#include "testenvironment.h"

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

    // A real drop of capture files on the main window reaches the import, as the console wires it:
    // the window accepts the drag, the files are imported off the GUI thread, and the result
    // holds their packets; a drag of something that is not a local file is not accepted.
    void dropOnTheWindowImportsCaptures()
    {
        d4::ui::MainWindow window;
        d4::ui::ImportController importer;
        auto *importPage = new d4::ui::ImportPage(&importer);
        window.addPage(QStringLiteral("Import"), QIcon(), importPage);
        window.setDropHandlers([&importer](const QMimeData *mime) { return importer.canImport(mime); },
                               [&importer, &window, importPage](const QMimeData *mime) {
                                   window.showPage(importPage);
                                   return importer.importMimeData(mime);
                               });
        window.show();
        QVERIFY(window.acceptDrops());
        QSignalSpy finished(&importer, &d4::ui::ImportController::importFinished);

        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.org/capture.pcap"))});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData files;
        files.setUrls(
            {QUrl::fromLocalFile(d4::test::testDataPath(QStringLiteral("pcap/tcp-handshake-nano.pcap"))),
             QUrl::fromLocalFile(d4::test::testDataPath(QStringLiteral("pcap/edns-opts.pcap")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(window.currentPageIndex(), window.pageCount() - 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const auto result = finished.constFirst().constFirst().value<d4::import::ImportResult>();
        QCOMPARE(result.files.size(), 2);
        QCOMPARE(result.packets, quint64(3 + 42));
        QVERIFY(!result.cancelled);
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
