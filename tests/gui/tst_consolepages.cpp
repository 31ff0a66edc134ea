// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The console's pages driven offscreen with QTest against a running embedded server (the same
// ServerRuntime as d4-server, on a real redis-server) and real TLS sensors: what the analyst
// clicks must change what the server does. With D4_SCREENSHOT_DIR set, each page is saved as PNG.

#include <atomic>
#include <functional>
#include <map>

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStringBuilder>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "charts/barchart.h"
#include "common/serverruntime.h"
#include "console/consolecontroller.h"
#include "dialogs/queuedialog.h"
#include "ingest/ingestserver.h"
#include "log/logpage.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "models/queuetablemodel.h"
#include "models/rowtablemodel.h"
#include "models/sensortablemodel.h"
#include "pages/dashboardpage.h"
#include "pages/sensorpage.h"
#include "pages/sensorspage.h"
#include "pages/serverpage.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"
#include "testsensor.h"

using namespace d4;
using d4::test::RedisServerFixture;
using d4::test::TestSensor;
namespace keys = d4::store::keys;

namespace {

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget) {
        qWarning("no child %s", name);
    }
    return widget;
}

/**
 * Real TLS sensors driven from a thread of their own: TestSensor blocks while it connects and
 * writes, and the embedded server accepts on this (the GUI) thread, which must keep running.
 */
class SensorRunner final
{
public:
    SensorRunner()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~SensorRunner()
    {
        run([this] {
            m_sensors.clear();
            m_context.moveToThread(QCoreApplication::instance()->thread());
            return true;
        });
        m_thread.quit();
        m_thread.wait();
    }

    bool connect(const QByteArray &name, const protocol::Uuid &uuid, quint16 port)
    {
        return run([=, this] {
            auto sensor = std::make_unique<TestSensor>(uuid, 3);
            const bool ok = sensor->connectTo(port);
            m_sensors[name] = std::move(sensor);
            return ok;
        });
    }
    bool stream(const QByteArray &name, int lines)
    {
        return run([=, this] {
            bool ok = true;
            for (int i = 0; i < lines; ++i) {
                ok = m_sensors.at(name)->send("line " + QByteArray::number(i) + " of a log\n") && ok;
            }
            return ok;
        });
    }
    bool waitForClose(const QByteArray &name, int ms)
    {
        return run([=, this] { return m_sensors.at(name)->waitForClose(ms); });
    }
    void close(const QByteArray &name)
    {
        run([=, this] {
            m_sensors.at(name)->close();
            return true;
        });
    }

private:
    /** Runs @p function on the sensor thread while this thread keeps processing events. */
    bool run(std::function<bool()> function)
    {
        std::atomic<int> result{-1};
        QMetaObject::invokeMethod(
            &m_context, [&] { result = function() ? 1 : 0; }, Qt::QueuedConnection);
        while (result.load() < 0) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        }
        return result.load() == 1;
    }

    QThread m_thread;
    QObject m_context;
    std::map<QByteArray, std::unique_ptr<TestSensor>> m_sensors;
};

} // namespace

class TestConsolePages : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ServerRuntime> m_runtime;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;

    QByteArrayList members(const QByteArray &key, int db = 0)
    {
        return m_redis.command({"SMEMBERS", key}, db).sortedStrings();
    }

    void screenshot(QWidget *page, const QString &name)
    {
        const QString directory = qEnvironmentVariable("D4_SCREENSHOT_DIR");
        if (directory.isEmpty()) {
            return;
        }
        m_window->showPage(page);
        QTest::qWait(700);
        QDir().mkpath(directory);
        QVERIFY(m_window->grab().save(QDir(directory).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        D4_START_REDIS(m_redis);
        config::ServerConfig config;
        config.serverPort = 0;
        config.listenAddress = QStringLiteral("127.0.0.1");
        config.serverMode = config::ServerMode::SharedSecret;
        config.dataDirectory = m_dir.path();
        config.externalRedis =
            store::RedisRoles{m_redis.endpoint(4), m_redis.endpoint(0), m_redis.endpoint(2)};
        m_runtime = std::make_unique<app::ServerRuntime>(config);
        QString error;
        QVERIFY2(m_runtime->start(error), qPrintable(error));
        // Type 3 (log lines) is not in d4-core's default accepted set.
        m_redis.command({"SADD", keys::acceptedTypes(), "3"});

        management::ManagementOptions options;
        options.roles = m_runtime->redisRoles();
        options.refreshIntervalMs = 200;
        options.serverMode = config::ServerConfig::modeName(config.serverMode);
        options.saveDirectory = config.effectiveSaveDirectory();
        ingest::IngestServer *ingest = m_runtime->ingestServer();
        options.ingestStatistics = [ingest] { return ingest->statistics(); };
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
        m_service->start();
        m_window->resize(1280, 860);
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
        if (m_runtime) {
            m_runtime->stop();
        }
    }

    void sensorsAppearAndBlacklistingInTheUiRefusesTheSensor()
    {
        const protocol::Uuid uuidA = protocol::generateUuidV4();
        const protocol::Uuid uuidB = protocol::generateUuidV4();
        const QByteArray hexA = QByteArray::fromStdString(protocol::uuidToHex(uuidA));
        const QByteArray hexB = QByteArray::fromStdString(protocol::uuidToHex(uuidB));
        SensorRunner run;
        const quint16 port = m_runtime->listeningPort();
        QVERIFY(run.connect("a", uuidA, port));
        QVERIFY(run.stream("a", 50));
        QVERIFY(run.connect("b", uuidB, port));
        QVERIFY(run.stream("b", 20));

        ui::SensorsPage *sensors = m_controller->sensorsPage();
        QTRY_VERIFY_WITH_TIMEOUT(sensors->model()->rowCount() == 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            sensors->model()->sensorAt(0)->connected && sensors->model()->sensorAt(1)->connected, 10000);

        // Search by dashed UUID narrows the table to A; double-click opens its page.
        m_window->showPage(sensors);
        auto *search = child<QLineEdit>(sensors, "sensorSearch");
        QTest::keyClicks(search, QString::fromStdString(protocol::uuidToDashed(uuidA)));
        QCOMPARE(sensors->filteredModel()->rowCount(), 1);
        QTableView *view = sensors->view();
        const QRect cell = view->visualRect(view->model()->index(0, ui::SensorTableModel::UuidColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        ui::SensorPage *page = m_controller->sensorPage();
        QTRY_COMPARE(m_window->currentPageIndex(), 2);
        QCOMPARE(page->sensor(), hexA);
        QTRY_VERIFY(page->detail() && page->detail()->summary.connected);
        search->clear();

        auto *description = child<QLineEdit>(page, "descriptionEdit");
        description->setText(QStringLiteral("roof sensor"));
        QTest::mouseClick(child<QPushButton>(page, "saveDescriptionButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"HGET", keys::sensorMetadata(hexA), "description"}).string,
                     QByteArray("roof sensor"));

        // Blacklist A in the UI: a new connection with A's UUID is refused, B's is not.
        auto *blacklist = child<QPushButton>(page, "blacklistUuidButton");
        QTest::mouseClick(blacklist, Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"SISMEMBER", keys::blacklistUuid(), hexA}).integer, 1);
        QTRY_COMPARE(blacklist->text(), QStringLiteral("Unblacklist UUID"));
        QTRY_VERIFY(page->detail()->summary.blacklisted);
        QTRY_VERIFY(
            child<QLabel>(page, "sensorStatus")->text().startsWith(QStringLiteral("Blacklisted UUID")));
        run.close("a");
        QVERIFY(run.connect("again", uuidA, port));
        run.stream("again", 1);
        QVERIFY(run.waitForClose("again", 5000));
        QVERIFY(run.stream("b", 5));
        QVERIFY(!run.waitForClose("b", 500));

        // Kick B from its page: its connection closes and Kick stays disabled during the lock-out.
        m_controller->openSensor(hexB);
        QTRY_VERIFY(page->detail() && page->detail()->summary.uuid == hexB &&
                    page->detail()->summary.connected);
        auto *kick = child<QPushButton>(page, "kickButton");
        QTRY_VERIFY(kick->isEnabled());
        QTest::mouseClick(kick, Qt::LeftButton);
        QVERIFY(run.waitForClose("b", 8000));
        QTRY_VERIFY_WITH_TIMEOUT(!kick->isEnabled(), 5000);
        screenshot(page, QStringLiteral("sensor.png"));

        // Unblacklist from the UUID blacklist list of the server page.
        ui::ServerPage *server = m_controller->serverPage();
        m_window->showPage(server);
        auto *uuidTable = child<QTableView>(server, "uuidBlacklistTable");
        QTRY_COMPARE(server->blacklistModel(management::BlacklistKind::Uuid)->rowCount(), 1);
        uuidTable->selectRow(0);
        QTest::mouseClick(child<QPushButton>(server, "removeSelectedUuid"), Qt::LeftButton);
        QTRY_VERIFY(members(keys::blacklistUuid()).isEmpty());
        QTRY_COMPARE(server->blacklistModel(management::BlacklistKind::Uuid)->rowCount(), 0);
    }

    void dashboardShowsTodayAndClicksThrough()
    {
        ui::DashboardPage *dashboard = m_controller->dashboardPage();
        m_window->showPage(dashboard);
        ui::BarChart *chart = dashboard->sensorChart();
        QTRY_VERIFY_WITH_TIMEOUT(chart->keys().size() == 2, 10000);
        QTRY_VERIFY(child<QLabel>(dashboard, "packetsToday")->text() != QStringLiteral("—"));
        QVERIFY(dashboard->typeChart()->keys().contains(QStringLiteral("3")));
        chart->replot();
        // Click the top bar (the busiest sensor): its page opens.
        const double value = chart->values().first();
        const QPoint bar(int(chart->xAxis->coordToPixel(value / 2)),
                         int(chart->yAxis->coordToPixel(chart->keys().size())));
        QTest::mouseClick(chart, Qt::LeftButton, {}, bar);
        QTRY_COMPARE(m_window->currentPageIndex(), 2);
        QCOMPARE(QString::fromLatin1(m_controller->sensorPage()->sensor()), chart->keys().first());
        screenshot(dashboard, QStringLiteral("dashboard.png"));
        screenshot(m_controller->sensorsPage(), QStringLiteral("sensors.png"));
    }

    void serverPageActions()
    {
        ui::ServerPage *server = m_controller->serverPage();
        m_window->showPage(server);
        // IP blacklist: a CIDR is expanded; a huge range is refused before anything is written.
        auto *input = child<QLineEdit>(server, "ipBlacklistInput");
        input->setText(QStringLiteral("198.51.100.0/30"));
        QTest::mouseClick(child<QPushButton>(server, "blacklistIpButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"SCARD", keys::blacklistIp()}).integer, 4);
        QTRY_COMPARE(server->blacklistModel(management::BlacklistKind::Ip)->rowCount(), 4);
        QTRY_VERIFY(
            child<QLabel>(server, "ipBlacklistFeedback")->text().contains(QStringLiteral("4 address")));
        input->setText(QStringLiteral("10.0.0.0/8"));
        QTest::mouseClick(child<QPushButton>(server, "blacklistIpButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(server, "ipBlacklistFeedback")->text().contains(QStringLiteral("16777216")));
        QCOMPARE(m_redis.command({"SCARD", keys::blacklistIp()}).integer, 4);

        // Accepted extended type, then a group queue of that type made with the dialog.
        child<QSpinBox>(server, "newTypeSpin")->setValue(254);
        child<QLineEdit>(server, "newExtendedEdit")->setText(QStringLiteral("maltrail"));
        QTest::mouseClick(child<QPushButton>(server, "addTypeButton"), Qt::LeftButton);
        QTRY_VERIFY(members(keys::acceptedExtendedTypes()).contains("maltrail"));

        const QByteArray sensor = QByteArray::fromStdString(protocol::uuidToHex(protocol::generateUuidV4()));
        QTimer::singleShot(300, this, [sensor] {
            auto *dialog = qobject_cast<ui::QueueDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QSpinBox *>(QStringLiteral("queueType"))->setValue(254);
            dialog->findChild<QLineEdit *>(QStringLiteral("queueExtendedType"))
                ->setText(QStringLiteral("maltrail"));
            dialog->findChild<QLineEdit *>(QStringLiteral("queueDescription"))
                ->setText(QStringLiteral("to MISP"));
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("queueSensors"))
                ->setPlainText(QString::fromLatin1(sensor));
            dialog->accept();
        });
        QTest::mouseClick(child<QPushButton>(server, "createQueueButton"), Qt::LeftButton);
        QTRY_COMPARE(members(keys::allAnalyzerQueues()).size(), 1);
        const QByteArray queue = members(keys::allAnalyzerQueues()).first();
        QCOMPARE(members(keys::analyzerSensorGroup(queue)), QByteArrayList{sensor});
        QCOMPARE(members(keys::analyzerGroupQueuesOfExtendedType("maltrail")), QByteArrayList{queue});
        QTRY_COMPARE(server->queueModel()->rowCount(), 1);

        // Max size and flush on the selected queue.
        m_redis.command({"LPUSH", keys::analyzerList("maltrail", queue), "a", "b"}, 2);
        auto *queues = child<QTableView>(server, "queueTable");
        queues->selectRow(0);
        child<QSpinBox>(server, "queueMaxSizeSpin")->setValue(50);
        QTest::mouseClick(child<QPushButton>(server, "queueMaxSizeButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"HGET", keys::analyzerQueue(queue), "max_size"}).string,
                     QByteArray("50"));
        QTRY_COMPARE(server->queueModel()->queueAt(0)->info.length, 2);
        child<QTabWidget>(server, "serverTabs")->setCurrentIndex(4); // the analyzer queues
        screenshot(server, QStringLiteral("server.png"));
        queues->selectRow(0);
        QTest::mouseClick(child<QPushButton>(server, "flushQueueButton"), Qt::LeftButton);
        QTRY_COMPARE(m_redis.command({"LLEN", keys::analyzerList("maltrail", queue)}, 2).integer, 0);
        screenshot(m_controller->logPage(), QStringLiteral("log.png"));
    }
};

QTEST_MAIN(TestConsolePages)
#include "tst_consolepages.moc"
