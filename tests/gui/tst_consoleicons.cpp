// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// High-DPI icons: every icon the console shows (ConsoleIcons, the page list of the running
// window and its menu) rendered at device pixel ratio 2 has twice the pixels, drawn at that size
// rather than blown up from a small bitmap.

#include <QAction>
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "console/consolecontroller.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "theme/consoleicons.h"

using namespace d4;
using d4::ui::ConsoleIcons;

namespace {

/**
 * Why @p icon is not crisp at @p logical × 2, or an empty string. QIcon never enlarges a bitmap:
 * an icon whose largest bitmap is smaller than the device pixels asked for comes back smaller,
 * with a fractional device pixel ratio, and the painter blows it up.
 */
QString notCrispAtDpr2(const QIcon &icon, int logical)
{
    if (icon.isNull()) {
        return QStringLiteral("null icon");
    }
    const QPixmap pixmap = icon.pixmap(QSize(logical, logical), 2.0);
    if (pixmap.size() != QSize(2 * logical, 2 * logical) || pixmap.devicePixelRatio() != 2.0) {
        return QStringLiteral("%1 px at ratio %2 for %3 logical px")
            .arg(pixmap.width())
            .arg(pixmap.devicePixelRatio())
            .arg(logical);
    }
    const QImage image = pixmap.toImage();
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            opaque += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
        }
    }
    if (opaque < image.width() * image.height() / 20) {
        return QStringLiteral("almost nothing drawn (%1 opaque pixels)").arg(opaque);
    }
    return {};
}

} // namespace

class TestConsoleIcons : public QObject
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
        QCoreApplication::setApplicationName(QStringLiteral("tst_consoleicons"));
    }

    void theCheckCatchesAnUpscaledBitmap()
    {
        // A 16 px bitmap, as the style's standard icons are: not crisp at 20 px × 2.
        QPixmap small(16, 16);
        small.fill(Qt::darkBlue);
        QVERIFY(!notCrispAtDpr2(QIcon(small), 20).isEmpty());
        // A 48 px one is enough for 20 px × 2, and is scaled down, not up.
        QPixmap large(48, 48);
        large.fill(Qt::darkBlue);
        QCOMPARE(notCrispAtDpr2(QIcon(large), 20), QString());
    }

    void everyConsoleIconIsCrispAtRatio2_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<int>("logical");
        for (const ConsoleIcons::Id id : ConsoleIcons::all()) {
            const QString name = ConsoleIcons::resourcePath(id).section(QLatin1Char('/'), -1);
            // 16: menus; 20: the page list; 22/24: toolbars and trays; 48 and 128: desktops.
            for (const int logical : {16, 20, 22, 24, 48, 128}) {
                QTest::addRow("%s@%d", qPrintable(name), logical) << int(id) << logical;
            }
        }
    }
    void everyConsoleIconIsCrispAtRatio2()
    {
        QFETCH(int, id);
        QFETCH(int, logical);
        const auto icon = static_cast<ConsoleIcons::Id>(id);
        QVERIFY(QFile::exists(ConsoleIcons::resourcePath(icon)));
        QVERIFY(ConsoleIcons::resourcePath(icon).endsWith(QStringLiteral(".svg")));
        const QString problem = notCrispAtDpr2(ConsoleIcons::icon(icon), logical);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void theIconsAreDrawnNotScaled()
    {
        // At 40 device pixels an SVG is drawn anew; a 20 px rendering blown up to 40 is blurred.
        // The two must differ on the edges of every icon.
        for (const ConsoleIcons::Id id : ConsoleIcons::all()) {
            const QIcon icon = ConsoleIcons::icon(id);
            const QImage sharp =
                icon.pixmap(QSize(20, 20), 2.0).toImage().convertToFormat(QImage::Format_ARGB32);
            const QImage blurred = icon.pixmap(QSize(20, 20), 1.0)
                                       .toImage()
                                       .scaled(40, 40, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                       .convertToFormat(QImage::Format_ARGB32);
            int different = 0;
            for (int y = 0; y < 40; ++y) {
                for (int x = 0; x < 40; ++x) {
                    different += qAbs(qAlpha(sharp.pixel(x, y)) - qAlpha(blurred.pixel(x, y))) > 48 ? 1 : 0;
                }
            }
            QVERIFY2(different >= 20, qPrintable(ConsoleIcons::resourcePath(id) +
                                                 QStringLiteral(": only %1 pixels differ").arg(different)));
        }
    }

    void theRunningWindowShowsCrispIcons()
    {
        management::ManagementOptions options; // never started: the icons need no Redis
        management::ManagementService service(options);
        ui::MainWindow window;
        ui::ConsoleController controller(&window, &service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation->count() >= 5);
        for (int i = 0; i < navigation->count(); ++i) {
            const QString problem =
                notCrispAtDpr2(navigation->item(i)->icon(), navigation->iconSize().width());
            QVERIFY2(problem.isEmpty(),
                     qPrintable(navigation->item(i)->text() + QStringLiteral(": ") + problem));
        }
        // View › Pages shows the same icons at menu size.
        QMenu *pages = nullptr;
        for (QAction *action : window.viewMenu()->actions()) {
            pages = action->menu() ? action->menu() : pages;
        }
        QVERIFY(pages);
        QCOMPARE(pages->actions().size(), navigation->count());
        for (QAction *action : pages->actions()) {
            const QString problem = notCrispAtDpr2(action->icon(), 16);
            QVERIFY2(problem.isEmpty(), qPrintable(action->text() + QStringLiteral(": ") + problem));
        }
    }
};

QTEST_MAIN(TestConsoleIcons)
#include "tst_consoleicons.moc"
