// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Silence alerts: a sensor streaming over TLS to a real d4-server is named and monitored from the
// Sensor page; when it disconnects the console raises a desktop notification that names it, and
// another when it is back. The offscreen platform has no system tray, so the test observes the
// notifications through the AlertNotifier seam that TrayAlertNotifier implements on a desktop.

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include "console/consolecontroller.h"
#include "d4serverprocess.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/trayalertnotifier.h"
#include "management/managementkeys.h"
#include "management/managementservice.h"
#include "models/sensortablemodel.h"
#include "pages/sensorpage.h"
#include "pages/sensorspage.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"
#include "testsensor.h"
#include "theme/consoleicons.h"

using namespace d4;
using d4::test::D4ServerProcess;
using d4::test::RedisServerFixture;
using d4::test::TestSensor;
using d4::ui::AlertNotifier;
namespace keys = d4::store::keys;

namespace {

struct Notification
{
    QString title;
    QString message;
    AlertNotifier::Severity severity;
};

/** Keeps what the console asked to show, in a list the test owns. */
class RecordingNotifier final : public AlertNotifier
{
public:
    explicit RecordingNotifier(QList<Notification> *shown)
        : m_shown(shown)
    {
    }
    void notify(const QString &title, const QString &message, Severity severity) override
    {
        m_shown->append({title, message, severity});
    }

private:
    QList<Notification> *m_shown;
};

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget) {
        qWarning("no child %s", name);
    }
    return widget;
}

} // namespace

class TestTrayAlerts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RedisServerFixture m_redis;
    D4ServerProcess m_server;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;
    QList<Notification> m_shown;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trayalerts"));
        D4_START_REDIS(m_redis);
        QVERIFY2(m_server.start(m_redis), qPrintable(m_server.errorString()));
        m_redis.command({"SADD", keys::acceptedTypes(), "3"}, D4ServerProcess::kMetadataDb);

        management::ManagementOptions options;
        options.roles = store::RedisRoles{m_redis.endpoint(D4ServerProcess::kStreamDb),
                                          m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb)};
        options.refreshIntervalMs = 200;
        options.monitoringIntervalMs = 300; // d4-core evaluates every 10 s
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
        m_service->start();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (m_service) {
            m_service->stop();
        }
        m_controller.reset();
        m_window.reset();
        m_service.reset();
        m_server.stop();
    }

    void theTrayIsUsedWhenTheDesktopHasOne()
    {
        // The real path: a TrayAlertNotifier exactly when QSystemTrayIcon can be shown.
        QCOMPARE(m_controller->alertNotifier() != nullptr, ui::TrayAlertNotifier::isAvailable());
        QVERIFY(dynamic_cast<ui::TrayAlertNotifier *>(m_controller->alertNotifier()) ||
                !ui::TrayAlertNotifier::isAvailable());
        m_controller->setAlertNotifier(std::make_unique<RecordingNotifier>(&m_shown));
    }

    void theTrayIconShowsTheApplicationAndRaisesTheWindow()
    {
        // What a desktop gets: the application icon in the tray; activating it restores the window.
        ui::TrayAlertNotifier tray(ui::ConsoleIcons::icon(ui::ConsoleIcons::Id::Application), m_window.get());
        QVERIFY(!tray.trayIcon()->icon().isNull());
        QCOMPARE(tray.trayIcon()->toolTip(), QStringLiteral("D4 Console"));
        QCOMPARE(tray.trayIcon()->isVisible(), true);
        m_window->showMinimized();
        QTRY_VERIFY(m_window->isMinimized());
        Q_EMIT tray.trayIcon()->activated(QSystemTrayIcon::Trigger);
        QTRY_VERIFY(!m_window->isMinimized());
        QVERIFY(m_window->isVisible());
        // Without a tray, messages cannot be shown; notify() must then do nothing harmful.
        tray.notify(QStringLiteral("D4 sensor monitoring"), QStringLiteral("a test message"),
                    AlertNotifier::Severity::Warning);
    }

    void aMonitoredSensorThatGoesSilentRaisesANotificationWithItsName()
    {
        const protocol::Uuid uuid = protocol::generateUuidV4();
        const QByteArray hex = QByteArray::fromStdString(protocol::uuidToHex(uuid));
        auto sensor = std::make_unique<TestSensor>(uuid, 3);
        QVERIFY(sensor->connectTo(m_server.port()));
        QVERIFY(sensor->send("a first line\n"));
        ui::SensorsPage *sensors = m_controller->sensorsPage();
        QTRY_VERIFY_WITH_TIMEOUT(
            sensors->model()->rowCount() == 1 && sensors->model()->sensorAt(0)->connected, 10000);

        // Monitored at once, before the server has written its last_seen (its statistics are
        // flushed every second): no alert may come while it stays connected.
        // Name it and monitor it from its page, as an analyst would.
        m_controller->openSensor(hex);
        ui::SensorPage *page = m_controller->sensorPage();
        QTRY_VERIFY(page->detail() && page->detail()->summary.uuid == hex);
        QTest::keyClicks(child<QLineEdit>(page, "nameEdit"), QStringLiteral("roof-sensor"));
        QTest::mouseClick(child<QPushButton>(page, "saveNameButton"), Qt::LeftButton);
        auto *maxSilence = child<QSpinBox>(page, "maxSilenceSpin");
        maxSilence->setValue(30);
        QTest::mouseClick(child<QPushButton>(page, "monitorButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis
                         .command({"SISMEMBER", management::keys::monitoredSensors(), hex},
                                  D4ServerProcess::kMetadataDb)
                         .integer,
                     1LL);
        QTRY_VERIFY(sensors->model()->sensorAt(0)->name == QStringLiteral("roof-sensor"));

        // Connected and heard from: several evaluations pass without an alert.
        QTest::qWait(1200);
        QVERIFY(m_shown.isEmpty());

        // It disconnects: one warning that names it.
        sensor->close();
        QTRY_COMPARE_WITH_TIMEOUT(m_shown.size(), 1, 10000);
        QCOMPARE(m_shown[0].title, QStringLiteral("D4 sensor monitoring"));
        QVERIFY2(m_shown[0].message.contains(QStringLiteral("roof-sensor")), qPrintable(m_shown[0].message));
        QVERIFY(m_shown[0].message.contains(QString::fromLatin1(hex)));
        QVERIFY(m_shown[0].message.contains(QStringLiteral("silent or disconnected")));
        QCOMPARE(m_shown[0].severity, AlertNotifier::Severity::Warning);
        QCOMPARE(m_window->statusBar()->currentMessage(), m_shown[0].message);
        QCOMPARE(m_controller->lastAlert(), m_shown[0].message);
        QTest::qWait(1000);
        QCOMPARE(m_shown.size(), 1); // one alert per change, not one per evaluation

        // It comes back: an information notification.
        sensor = std::make_unique<TestSensor>(uuid, 3);
        QVERIFY(sensor->connectTo(m_server.port()));
        QVERIFY(sensor->send("back again\n"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shown.size(), 2, 10000);
        QVERIFY(m_shown[1].message.contains(QStringLiteral("roof-sensor")));
        QVERIFY(m_shown[1].message.contains(QStringLiteral("is back")));
        QCOMPARE(m_shown[1].severity, AlertNotifier::Severity::Information);
        sensor->close();
    }
};

QTEST_MAIN(TestTrayAlerts)
#include "tst_trayalerts.moc"
