// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTest>

#include "mainwindow/mainwindow.h"

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
