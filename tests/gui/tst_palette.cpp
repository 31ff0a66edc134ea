// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Light and dark palettes: View › Dark palette, chosen with the mouse and keyboard in the window,
// changes the application's and the widgets' colours, is remembered as QSettings ui/dark, and is
// what the next start applies (ConsoleSettings::load, then applyPalette, as d4-console does).

#include <cmath>

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

#include "console/consolecontroller.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "settings/consolesettings.h"
#include "theme/palette.h"

using namespace d4;

namespace {

const QColor kDarkWindow(0x2b, 0x2d, 0x31);
const QColor kDarkBase(0x1e, 0x1f, 0x22);

/** WCAG relative luminance, to check that text stays readable on each palette. */
double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;
    QLineEdit *m_edit = nullptr;

    QAction *darkAction() const
    {
        return m_window->findChild<QAction *>(QStringLiteral("darkPaletteAction"));
    }

    /** View › Dark palette: a click opens the menu, D picks the item. */
    void toggleFromTheViewMenu()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QMenu *view = m_window->viewMenu();
        QMenuBar *bar = m_window->menuBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(view->menuAction()).center());
        QTRY_VERIFY(view->isVisible());
        QTest::keyClick(view, Qt::Key_D);
        QTRY_VERIFY(!view->isVisible());
    }

    void openWindow()
    {
        management::ManagementOptions options; // never started: the palette needs no Redis
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
        m_edit = new QLineEdit(QStringLiteral("some text"));
        m_window->addPage(QStringLiteral("Edit"), QIcon(), m_edit);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_palette"));
        ui::applyPalette(false);
        openWindow();
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_window.reset();
        m_service.reset();
    }

    void startsLight()
    {
        QVERIFY(contrast(ui::errorTextColor(), QApplication::palette().color(QPalette::Window)) >= 4.5);
        QVERIFY(!ui::isDarkPalette());
        QVERIFY(!darkAction()->isChecked());
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 QApplication::style()->standardPalette().color(QPalette::Window));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    }

    void viewMenuSwitchesToDarkAndBack()
    {
        toggleFromTheViewMenu();
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(darkAction()->isChecked());
        QCOMPARE(QApplication::palette().color(QPalette::Window), kDarkWindow);
        QCOMPARE(QApplication::palette().color(QPalette::Base), kDarkBase);
        QVERIFY(ui::isDarkPalette());
        // The widgets already shown follow.
        QTRY_COMPARE(m_window->palette().color(QPalette::Window), kDarkWindow);
        QCOMPARE(m_edit->palette().color(QPalette::Base), kDarkBase);
        QCOMPARE(QSettings().value(QStringLiteral("ui/dark")).toBool(), true);
        // Readable: text on base and on window at least 7:1 (WCAG AAA), disabled text 3:1.
        const QPalette dark = QApplication::palette();
        QVERIFY(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(dark.color(QPalette::WindowText), dark.color(QPalette::Window)) >= 7.0);
        QVERIFY(contrast(dark.color(QPalette::Disabled, QPalette::Text), dark.color(QPalette::Base)) >= 3.0);
        QVERIFY(contrast(dark.color(QPalette::HighlightedText), dark.color(QPalette::Highlight)) >= 3.0);
        // The dialogs' error messages stay readable (WCAG AA, 4.5:1) on either palette.
        QVERIFY(contrast(ui::errorTextColor(), dark.color(QPalette::Window)) >= 4.5);

        toggleFromTheViewMenu();
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!darkAction()->isChecked());
        QVERIFY(!ui::isDarkPalette());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 QApplication::style()->standardPalette().color(QPalette::Window));
        QTRY_COMPARE(m_window->palette().color(QPalette::Window),
                     QApplication::style()->standardPalette().color(QPalette::Window));
        QTRY_COMPARE(m_edit->palette().color(QPalette::Base),
                     QApplication::style()->standardPalette().color(QPalette::Base));
        QCOMPARE(QSettings().value(QStringLiteral("ui/dark")).toBool(), false);
    }

    void theChoiceIsRestoredAtTheNextStart()
    {
        toggleFromTheViewMenu(); // dark, remembered
        QVERIFY(!QTest::currentTestFailed());
        cleanupTestCase();
        ui::applyPalette(false); // a new process starts with the style's palette

        // What d4-console does at start-up.
        QSettings stored;
        const ui::ConsoleSettings settings = ui::ConsoleSettings::load(stored);
        QVERIFY(settings.darkPalette);
        ui::applyPalette(settings.darkPalette);
        QCOMPARE(QApplication::palette().color(QPalette::Window), kDarkWindow);

        // The new window's View › Dark palette shows the palette in force.
        openWindow();
        QVERIFY(darkAction()->isChecked());
        QTRY_COMPARE(m_window->palette().color(QPalette::Window), kDarkWindow);
        ui::applyPalette(false);
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
