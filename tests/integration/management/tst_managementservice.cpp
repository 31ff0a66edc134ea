// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The threaded ManagementService against a real redis-server: snapshots arrive on the caller's
// thread, actions run on the management thread, rates and queue warnings are derived, silence
// alerts fire, and an unreachable Redis is reported without blocking the caller.

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "management/managementkeys.h"
#include "management/managementservice.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "testenvironment.h"

using namespace d4::test;
using namespace d4::management;
namespace storekeys = d4::store::keys;

namespace {
const QByteArray kSensor = "3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e";
QByteArray today()
{
    return QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}
} // namespace

class TestManagementService : public QObject
{
    Q_OBJECT

private:
    ManagementOptions options(RedisServerFixture &redis)
    {
        ManagementOptions o;
        o.roles.metadata = redis.endpoint(0);
        o.roles.analyzer = redis.endpoint(2);
        o.roles.stream = redis.endpoint(4);
        o.refreshIntervalMs = 100;
        o.monitoringIntervalMs = 100;
        o.notConsumedAfterMs = 300;
        o.serverMode = QStringLiteral("registration");
        return o;
    }

private Q_SLOTS:
    void publishesSnapshotsAndRunsActions()
    {
        RedisServerFixture redis;
        D4_START_REDIS(redis);
        redis.command({"ZINCRBY", storekeys::dailyUuid(today()), "10", kSensor});
        ManagementService service(options(redis));
        QSignalSpy overviews(&service, &ManagementService::overviewUpdated);
        service.start();
        QTRY_VERIFY(service.latestOverview());
        QCOMPARE(service.latestOverview()->serverMode, QStringLiteral("registration"));
        QCOMPARE(service.latestOverview()->sensors.size(), 1);

        // The packet rate comes from the daily counters between two snapshots.
        redis.command({"ZINCRBY", storekeys::dailyUuid(today()), "1000", kSensor});
        QTRY_VERIFY(service.latestOverview()->packetsToday == 1010);
        bool sawRate = false;
        for (const QList<QVariant> &arguments : overviews) {
            const auto overview = arguments.at(0).value<std::shared_ptr<const Overview>>();
            sawRate = sawRate || overview->packetsPerSecond > 0;
        }
        QVERIFY(sawRate);

        QSignalSpy actions(&service, &ManagementService::actionFinished);
        QSignalSpy details(&service, &ManagementService::sensorUpdated);
        service.watchSensor(kSensor);
        service.perform(QStringLiteral("blacklist"),
                        [](ManagementActions &store) { return store.setUuidBlacklisted(kSensor, true); });
        QTRY_COMPARE(actions.size(), 1);
        QCOMPARE(actions.at(0).at(0).toString(), QStringLiteral("blacklist"));
        QVERIFY(actions.at(0).at(1).value<ActionResult>().ok);
        QCOMPARE(redis.command({"SISMEMBER", storekeys::blacklistUuid(), kSensor}).integer, 1);
        QTRY_VERIFY(!details.isEmpty() &&
                    details.last().at(0).value<std::shared_ptr<const SensorDetail>>()->summary.blacklisted);

        QSignalSpy pages(&service, &ManagementService::blacklistPageReady);
        service.requestBlacklistPage(BlacklistKind::Uuid, 0, 10);
        QTRY_COMPARE(pages.size(), 1);
        QCOMPARE(pages.at(0).at(0).value<BlacklistPage>().members, QByteArrayList{kSensor});
        service.stop();
        QVERIFY(!service.isRunning());
    }

    void queueWarningsAndSilenceAlerts()
    {
        RedisServerFixture redis;
        D4_START_REDIS(redis);
        redis.command({"SADD", storekeys::acceptedTypes(), "3"});
        redis.command({"SADD", keys::monitoredSensors(), kSensor});
        redis.command({"HSET", keys::monitoredSensor(kSensor), "delta_time", "30"});
        redis.command({"HSET", storekeys::sensorMetadata(kSensor), "last_seen",
                       QByteArray::number(QDateTime::currentSecsSinceEpoch())});
        ManagementService service(options(redis));
        QSignalSpy silence(&service, &ManagementService::silenceChanged);
        QSignalSpy actions(&service, &ManagementService::actionFinished);
        service.start();
        // Monitored but not connected: in error at the first evaluation.
        QTRY_COMPARE(silence.size(), 1);
        QCOMPARE(silence.at(0).at(0).toByteArray(), kSensor);
        QVERIFY(silence.at(0).at(1).toBool());
        redis.command({"SADD", storekeys::activeConnections(), kSensor}, 4);
        QTRY_COMPARE(silence.size(), 2);
        QVERIFY(!silence.at(1).at(1).toBool());

        const QByteArray queue = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";
        service.perform(QStringLiteral("create"), [queue](ManagementActions &store) {
            return store.createQueue(3, {}, {}, {}, queue);
        });
        QTRY_COMPARE(actions.size(), 1);
        QVERIFY(actions.at(0).at(1).value<ActionResult>().ok);
        redis.command({"LPUSH", storekeys::analyzerList("3", queue), "a", "b", "c"}, 2);
        // Nobody consumes: flagged after notConsumedAfterMs.
        QTRY_VERIFY(!service.latestOverview()->queues.isEmpty() &&
                    service.latestOverview()->queues[0].notConsumed);
        // A consumer drains it: the drain rate shows and the flag clears.
        QSignalSpy overviews(&service, &ManagementService::overviewUpdated);
        redis.command({"RPOP", storekeys::analyzerList("3", queue)}, 2);
        redis.command({"RPOP", storekeys::analyzerList("3", queue)}, 2);
        QTRY_VERIFY(!service.latestOverview()->queues[0].notConsumed);
        bool sawDrain = false;
        for (const QList<QVariant> &arguments : overviews) {
            sawDrain =
                sawDrain || arguments.at(0).value<std::shared_ptr<const Overview>>()->queues[0].drainRate > 0;
        }
        QVERIFY(sawDrain);

        QSignalSpy samples(&service, &ManagementService::queueSampleReady);
        service.requestQueueSample(queue, 11, 3000);
        QTRY_COMPARE(samples.size(), 1);
        QCOMPARE(samples.at(0).at(1).toStringList(), QStringList{QStringLiteral("c")});
    }

    void unreachableRedisDoesNotBlockTheCaller()
    {
        RedisServerFixture redis;
        D4_START_REDIS(redis);
        ManagementService service(options(redis));
        QSignalSpy reachability(&service, &ManagementService::reachabilityChanged);
        service.start();
        QTRY_COMPARE(reachability.size(), 1);
        QVERIFY(reachability.at(0).at(0).toBool());
        redis.pause(); // a Redis that does not answer: the worker waits, the caller must not
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i) {
            service.refreshNow();
            service.perform(QStringLiteral("noop"),
                            [](ManagementActions &) { return ActionResult::success(); });
        }
        QVERIFY(timer.elapsed() < 1000);
        redis.resume();
        redis.stop();
        QTRY_VERIFY_WITH_TIMEOUT(reachability.size() >= 2, 15000);
        QVERIFY(!reachability.last().at(0).toBool());
        service.stop();
    }
};

QTEST_GUILESS_MAIN(TestManagementService)
#include "tst_managementservice.moc"
