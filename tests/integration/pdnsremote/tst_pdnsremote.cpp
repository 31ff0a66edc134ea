// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The passive DNS analyzer reading a remote D4 server's type-8 analyzer queue ([Passive_DNS_Queue],
// docs/passive-dns.md): a second real redis-server plays the remote D4 server's ANALYZER database.
// Lines pushed there end up in the store; nothing is lost when the remote is killed and restarted
// or when we stop; stop is prompt. Last, the real d4-server with the queue and a per-sensor layout.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnsreader.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "d4serverprocess.h"
#include "httptestclient.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "store/redissyncclient.h"
#include "testenvironment.h"
#include "testsensor.h"

using namespace d4::passivedns;
using namespace d4::test;

namespace {

constexpr int kStoreDb = 3;
constexpr int kRemoteDb = 2; // d4-core's Redis_ANALYZER database
const QByteArray kQueue = QByteArrayLiteral("d42967c1-f7ad-464e-bbc7-4464c653d7a6");
const QByteArray kQueueKey = QByteArrayLiteral("analyzer:8:d42967c1-f7ad-464e-bbc7-4464c653d7a6");
const QByteArray kInFlightKey = QByteArrayLiteral("pdns:inflight:d42967c1-f7ad-464e-bbc7-4464c653d7a6");
const QByteArray kInFlightBatchKey =
    QByteArrayLiteral("pdns:inflight:d42967c1-f7ad-464e-bbc7-4464c653d7a6:batch");
const QByteArray kStoredBatchKey =
    QByteArrayLiteral("pdns:remote:stored:d42967c1-f7ad-464e-bbc7-4464c653d7a6");

/** Line @p i: its own tuple (name n<i>.example.com), so the tuple count tells which lines arrived. */
QByteArray line(int i)
{
    return "1700000000.000001||10.0.0.2||10.0.0.1||IN||n" + QByteArray::number(i) +
           ".example.com.||A||192.0.2." + QByteArray::number(i % 250 + 1) + "||300||1";
}

/** LPUSH lines [from, to) as a D4 server's queue fan-out does, @p chunk per command. */
bool pushLines(d4::store::RedisSyncClient &redis, int from, int to, int chunk = 500)
{
    for (int start = from; start < to; start += chunk) {
        QByteArrayList command{"LPUSH", kQueueKey};
        for (int i = start; i < std::min(to, start + chunk); ++i) {
            command.append(line(i));
        }
        if (redis.command(command).isError()) {
            return false;
        }
    }
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/**
 * A redis-server that keeps its data across a SIGKILL (AOF, fsync on every write) and comes back on
 * the same port: the remote D4 server of the restart test. (RedisServerFixture runs without
 * persistence and picks a new port at each start.)
 */
class PersistentRedis final
{
public:
    ~PersistentRedis() { kill(); }
    bool start()
    {
        if (m_port == 0) {
            m_port = freePort();
        }
        m_process.setProgram(findProgram(QStringLiteral("redis-server")));
        m_process.setArguments({QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                                QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), m_dir.path(),
                                QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                                QStringLiteral("yes"), QStringLiteral("--appendfsync"),
                                QStringLiteral("always"), QStringLiteral("--daemonize"), QStringLiteral("no"),
                                QStringLiteral("--loglevel"), QStringLiteral("warning")});
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            return false;
        }
        for (int attempt = 0; attempt < 250; ++attempt) {
            d4::store::RedisSyncClient probe(endpoint());
            if (probe.ping()) {
                return true;
            }
            QTest::qWait(20);
        }
        return false;
    }
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    d4::store::RedisEndpoint endpoint() const
    {
        d4::store::RedisEndpoint endpoint;
        endpoint.host = QStringLiteral("127.0.0.1");
        endpoint.port = m_port;
        endpoint.db = kRemoteDb;
        return endpoint;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace

class TestPdnsRemote : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_store;  ///< our passive DNS store
    RedisServerFixture m_remote; ///< the remote D4 server's Redis
    std::unique_ptr<PdnsAnalyzer> m_analyzer;
    std::unique_ptr<RemoteQueueConsumer> m_consumer;

    void startAnalyzer()
    {
        AnalyzerSettings settings;
        settings.redis = m_store.endpoint(kStoreDb);
        m_analyzer = std::make_unique<PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
    }
    void startConsumer(const d4::store::RedisEndpoint &remote, int batchSize = 100)
    {
        RemoteQueueSettings settings;
        settings.redis = remote;
        settings.queueUuid = kQueue;
        settings.sensorId = "remote-a";
        settings.batchSize = batchSize;
        m_consumer = std::make_unique<RemoteQueueConsumer>(settings, *m_analyzer);
        m_consumer->start();
    }
    PdnsStats storeStats()
    {
        PdnsReader reader(m_store.endpoint(kStoreDb));
        return reader.stats().value_or(PdnsStats{});
    }

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_store);
        D4_START_REDIS(m_remote);
    }
    void cleanup()
    {
        m_consumer.reset();
        m_analyzer.reset();
        m_remote.stop();
        m_store.stop();
    }

    // Lines pushed to analyzer:8:<queue> are stored with the configured sensor_id, in order, and
    // leave nothing behind on the remote.
    void queueToStore()
    {
        startAnalyzer();
        startConsumer(m_remote.endpoint(kRemoteDb));
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(pushLines(remote, 0, 1000));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 1000, 20000);
        QCOMPARE(m_consumer->queueKey(), kQueueKey);
        QCOMPARE(m_consumer->inflightKey(), kInFlightKey);
        const PdnsStats stats = storeStats();
        QCOMPARE(stats.processed, 1000);
        QCOMPARE(stats.tuples, 1000);
        QCOMPARE(stats.sensors.size(), 1);
        QCOMPARE(stats.sensors.first().first, QByteArray("remote-a"));
        QCOMPARE(stats.sensors.first().second, 1000);
        PdnsReader reader(m_store.endpoint(kStoreDb));
        const auto tuples = reader.byName("n999.example.com", {1});
        QVERIFY(tuples);
        QCOMPARE(tuples->size(), 1);
        QCOMPARE(tuples->first().rdata, QByteArray("192.0.2.250"));
        QCOMPARE(tuples->first().sensors.size(), 1);
        QCOMPARE(tuples->first().sensors.first().sensorId, QByteArray("remote-a"));
        QCOMPARE(m_remote.command({"LLEN", kQueueKey}, kRemoteDb).integer, 0);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightKey}, kRemoteDb).integer, 0);
        QCOMPARE(m_consumer->counters().connectFailures, 0);
        QVERIFY(m_consumer->counters().connected);
        // Arriving later (the consumer is blocked on the empty queue): taken at once, not polled.
        QElapsedTimer latency;
        latency.start();
        QVERIFY(pushLines(remote, 1000, 1001));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 1001, 5000);
        QVERIFY2(latency.elapsed() < 1500, qPrintable(QString::number(latency.elapsed())));
    }

    // The snapshot for the DNS page: the lines the analyzer rejected or excluded among the queue's
    // (by reason; the sensors' own are not counted), nothing in flight once acknowledged, running.
    void countersSnapshot()
    {
        startAnalyzer();
        startConsumer(m_remote.endpoint(kRemoteDb));
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(pushLines(remote, 0, 10));
        QVERIFY(!remote
                     .command({"LPUSH", kQueueKey, "garbage", "",
                               "1700000000.1||a||b||IN||x.||NOPE||1.2.3.4||1||1",
                               "1700000000.1||a||b||IN||tracker.spamhaus.org.||A||127.0.0.2||1||1"})
                     .isError());
        // The sensors' lines go through the same analyzer; their rejections are not the queue's.
        m_analyzer->onLines("0123456789abcdef0123456789abcdef", "8", {"garbage", line(500)});
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 14, 20000);
        QVERIFY(m_analyzer->waitIdle(10000));
        const RemoteQueueCounters counters = m_consumer->counters();
        QVERIFY(counters.running);
        QVERIFY(counters.connected);
        QCOMPARE(counters.inFlight, 0);
        QVERIFY(counters.batches >= 1);
        QCOMPARE(counters.rejected, 3);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::TooFewFields)], 1);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::Empty)], 1);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::BadType)], 1);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::BadTimestamp)], 0);
        QCOMPARE(counters.excluded, 1);
        QCOMPARE(counters.connectFailures, 0);
        QVERIFY(counters.lastError.isEmpty());
        QVERIFY(counters.lastErrorTime.isNull());
        const AnalyzerCounters all = m_analyzer->counters();
        QCOMPARE(all.rejected, 4);
        QCOMPARE(all.lines, 16);
        const AnalyzerCounters fromQueue = m_analyzer->remoteQueueCounters();
        QCOMPARE(fromQueue.lines, 14);
        QCOMPARE(fromQueue.records, 10);
        QCOMPARE(fromQueue.newTuples, 0); // not split by source
        m_consumer->stop();
        QVERIFY(!m_consumer->counters().running);
        QCOMPARE(m_consumer->counters().lines, 14);
    }

    // What a previous run moved to the in-flight list but did not see stored is stored first.
    void inFlightStoredFirst()
    {
        startAnalyzer();
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(!remote.command({"LPUSH", kInFlightKey, line(0), line(1), line(2)}).isError());
        QVERIFY(pushLines(remote, 3, 5));
        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 5, 20000);
        QCOMPARE(m_consumer->counters().recovered, 3);
        QCOMPARE(storeStats().tuples, 5);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightKey}, kRemoteDb).integer, 0);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightBatchKey}, kRemoteDb).integer, 0);
        // The last batch's id is in our store.
        QCOMPARE(m_store.command({"GET", kStoredBatchKey}, kStoreDb).kind, RedisReply::Kind::String);
    }

    // An in-flight list whose batch id our store recorded as stored (the acknowledgement was lost) is
    // acknowledged without being stored again; one with another id is stored.
    void inFlightAlreadyStored()
    {
        startAnalyzer();
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(!remote.command({"LPUSH", kInFlightKey, line(0), line(1)}).isError());
        QVERIFY(!remote.command({"SET", kInFlightBatchKey, "batch-7"}).isError());
        QVERIFY(!m_store.command({"SET", kStoredBatchKey, "batch-7"}, kStoreDb).isError());
        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().alreadyStored, 2, 10000);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightKey}, kRemoteDb).integer, 0);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightBatchKey}, kRemoteDb).integer, 0);
        QCOMPARE(storeStats().processed, 0);
        m_consumer->stop();

        QVERIFY(!remote.command({"LPUSH", kInFlightKey, line(0), line(1)}).isError());
        QVERIFY(!remote.command({"SET", kInFlightBatchKey, "batch-8"}).isError());
        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().recovered, 2, 10000);
        QCOMPARE(storeStats().processed, 2);
        QCOMPARE(m_consumer->counters().alreadyStored, 0);
    }

    // Queue lines carry no sensor UUID: a sensor_id that is one with a layout gets that layout.
    void sensorIdLayout()
    {
        AnalyzerSettings settings;
        settings.redis = m_store.endpoint(kStoreDb);
        LineLayout layout;
        layout.fields = "ScQTA";
        layout.separator = ";";
        settings.sensorLayouts.insert("3b4e0f5c9d2a4c8e9f1a2b3c4d5e6f70", layout);
        m_analyzer = std::make_unique<PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
        RemoteQueueSettings remoteSettings;
        remoteSettings.redis = m_remote.endpoint(kRemoteDb);
        remoteSettings.queueUuid = kQueue;
        remoteSettings.sensorId = "3b4e0f5c9d2a4c8e9f1a2b3c4d5e6f70";
        m_consumer = std::make_unique<RemoteQueueConsumer>(remoteSettings, *m_analyzer);
        m_consumer->start();
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(!remote.command({"LPUSH", kQueueKey, "1700000300;10.0.0.2;layout.example.com.;A;192.0.2.9"})
                     .isError());
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 1, 10000);
        PdnsReader reader(m_store.endpoint(kStoreDb));
        const auto tuples = reader.byName("layout.example.com", {});
        QVERIFY(tuples);
        QCOMPARE(tuples->size(), 1);
        QCOMPARE(tuples->first().rdata, QByteArray("192.0.2.9"));
        QCOMPARE(tuples->first().first, 1700000300);
        QCOMPARE(m_analyzer->counters().rejected, 0);
    }

    // The remote Redis is killed mid-stream and comes back (with its append-only file): every line
    // pushed is stored exactly once (a batch whose acknowledgement was lost is known by its id).
    void remoteKilledAndRestarted()
    {
        PersistentRedis remoteServer;
        QVERIFY(remoteServer.start());
        constexpr int kFirst = 60000;
        constexpr int kSecond = 2000;
        constexpr int kBatch = 200;
        {
            d4::store::RedisSyncClient remote(remoteServer.endpoint());
            QVERIFY(pushLines(remote, 0, kFirst));
        }
        startAnalyzer();
        startConsumer(remoteServer.endpoint(), kBatch);
        QTRY_VERIFY_WITH_TIMEOUT(m_consumer->counters().lines >= 5000, 30000);
        remoteServer.kill();
        const qint64 atKill = m_consumer->counters().lines;
        QVERIFY2(atKill < kFirst, "the kill must come mid-stream");
        QTRY_VERIFY_WITH_TIMEOUT(!m_consumer->counters().connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_consumer->counters().connectFailures >= 2, 10000); // retried, backing off
        QVERIFY(!m_consumer->counters().lastError.isEmpty());
        QVERIFY(remoteServer.start());
        {
            d4::store::RedisSyncClient remote(remoteServer.endpoint());
            QVERIFY(pushLines(remote, kFirst, kFirst + kSecond));
        }
        QTRY_COMPARE_WITH_TIMEOUT(storeStats().tuples, kFirst + kSecond, 60000);
        d4::store::RedisSyncClient remote(remoteServer.endpoint());
        QTRY_COMPARE_WITH_TIMEOUT(remote.command({"LLEN", kQueueKey}).integer, 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(remote.command({"EXISTS", kInFlightKey}).integer, 0, 10000);
        QVERIFY(m_analyzer->waitIdle(10000));
        const RemoteQueueCounters counters = m_consumer->counters();
        QVERIFY(counters.reconnects >= 1);
        QVERIFY(counters.connected);
        const PdnsStats stats = storeStats();
        qInfo("killed after %lld lines; %lld lines found in flight already stored, %lld stored late", atKill,
              counters.alreadyStored, counters.recovered);
        QCOMPARE(stats.processed, kFirst + kSecond); // nothing lost, nothing twice
        QCOMPARE(counters.lines, kFirst + kSecond);
        QCOMPARE(stats.tuples, kFirst + kSecond);
        m_consumer.reset();
    }

    // stop() interrupts the blocking wait on an empty queue (2 s) and the back-off of an unreachable
    // remote (2 s and more after four failures).
    void stopIsPrompt()
    {
        startAnalyzer();
        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_VERIFY_WITH_TIMEOUT(m_consumer->counters().connected, 5000);
        QTest::qWait(300); // blocked in BRPOPLPUSH (2 s)
        QElapsedTimer timer;
        timer.start();
        m_consumer->stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_consumer->counters().connectFailures, 0); // the interruption is not a fault

        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_VERIFY_WITH_TIMEOUT(m_consumer->counters().connected, 5000);
        m_remote.kill();
        QTRY_VERIFY_WITH_TIMEOUT(m_consumer->counters().connectFailures >= 4, 10000);
        const RemoteQueueCounters failing = m_consumer->counters();
        QVERIFY(!failing.connected);
        QVERIFY(!failing.lastError.isEmpty());
        QVERIFY(failing.lastErrorTime.isValid());
        QVERIFY(qAbs(failing.lastErrorTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        timer.restart();
        m_consumer->stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    // The store is down and the sensors' lines fill the analyzer's queue: the consumer cannot hand
    // its batch over, and still stops at once, leaving the batch in flight.
    void stopWithFullAnalyzerQueue()
    {
        AnalyzerSettings settings;
        settings.redis = m_store.endpoint(kStoreDb);
        settings.maxQueuedLines = 5;
        m_analyzer = std::make_unique<PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
        m_store.kill();
        QVERIFY(m_analyzer->submit("aa", {line(900), line(901), line(902), line(903), line(904)}) != 0);
        QVERIFY(m_analyzer->submit("aa", {line(905)}, 100) == 0); // full: the time-out gives up
        startConsumer(m_remote.endpoint(kRemoteDb));
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(pushLines(remote, 0, 20));
        QTRY_COMPARE_WITH_TIMEOUT(m_remote.command({"LLEN", kInFlightKey}, kRemoteDb).integer, 20, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().inFlight, 20, 5000);
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        m_consumer->stop(0);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_remote.command({"LLEN", kInFlightKey}, kRemoteDb).integer, 20);
        QCOMPARE(m_consumer->counters().lines, 0);
        QCOMPARE(m_consumer->counters().inFlight, 20); // still on the remote, for the next start
        QVERIFY(!m_consumer->counters().running);
    }

    // Our stop while the store is down: the lines taken stay in the in-flight list on the remote,
    // and the next start stores them.
    void stopKeepsUnstoredLines()
    {
        startAnalyzer();
        m_store.kill();
        startConsumer(m_remote.endpoint(kRemoteDb));
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(pushLines(remote, 0, 50));
        QTRY_COMPARE_WITH_TIMEOUT(m_remote.command({"LLEN", kQueueKey}, kRemoteDb).integer, 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_analyzer->counters().writeFailures >= 1, 10000);
        m_consumer->stop(0);
        QCOMPARE(m_consumer->counters().lines, 0);
        QCOMPARE(m_remote.command({"LLEN", kInFlightKey}, kRemoteDb).integer, 50);
        m_consumer.reset();
        m_analyzer.reset(); // drops its retried batch at stop: the in-flight list still has it

        D4_START_REDIS(m_store); // a new, empty store (new port)
        startAnalyzer();
        startConsumer(m_remote.endpoint(kRemoteDb));
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 50, 20000);
        QCOMPARE(m_consumer->counters().recovered, 50);
        QCOMPARE(storeStats().tuples, 50);
        QCOMPARE(m_remote.command({"EXISTS", kInFlightKey}, kRemoteDb).integer, 0);
    }

    // The real d4-server: [Passive_DNS_Queue] and a [Passive_DNS_Sensor:<uuid>] layout from
    // server.conf, both answered by the COF lookup server; a prompt stop.
    void d4ServerConsumesRemoteQueue()
    {
        const quint16 lookupPort = freePort();
        const auto sensorUuid = d4::protocol::generateUuidV4();
        const QString sensorHex = QString::fromStdString(d4::protocol::uuidToHex(sensorUuid));
        D4ServerProcess server;
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = yes\n"
                           "shutdown_drain_seconds = 0\n\n"
                           "[Lookup_Server]\nport = %1\n\n"
                           "[Passive_DNS_Queue]\nenabled = yes\nhost = 127.0.0.1\nport = %2\n"
                           "db = 2\nqueue_uuid = %3\nsensor_id = remote-d4\n\n"
                           "[Passive_DNS_Sensor:%4]\nfields = ScQTA\nseparator = \";\"\n")
                .arg(lookupPort)
                .arg(m_remote.port())
                .arg(QString::fromLatin1(kQueue),
                     QString::fromStdString(d4::protocol::uuidToDashed(sensorUuid))));
        QVERIFY2(server.start(m_store), qPrintable(server.errorString()));
        TestSensor sensor(sensorUuid, 8);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("1700000100;10.0.0.2;Custom.Example.COM.;A;192.0.2.7\n"));
        d4::store::RedisSyncClient remote(m_remote.endpoint(kRemoteDb));
        QVERIFY(
            !remote
                 .command(
                     {"LPUSH", kQueueKey,
                      "1700000200.000001||10.0.0.2||10.0.0.1||IN||remote.example.com.||A||192.0.2.8||300||4"})
                 .isError());
        HttpTestClient http(lookupPort);
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/query/custom.example.com").body.contains("192.0.2.7"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/query/remote.example.com").body.contains("192.0.2.8"), 20000);
        const QJsonObject custom =
            QJsonDocument::fromJson(http.get("/query/custom.example.com").body.split('\n').first()).object();
        QCOMPARE(custom.value(QLatin1String("time_first")).toInteger(), 1700000100);
        QCOMPARE(custom.value(QLatin1String("sensor_id")).toString(), sensorHex);
        const QJsonObject fromQueue =
            QJsonDocument::fromJson(http.get("/query/remote.example.com").body.split('\n').first()).object();
        QCOMPARE(fromQueue.value(QLatin1String("sensor_id")).toString(), QStringLiteral("remote-d4"));
        QCOMPARE(fromQueue.value(QLatin1String("count")).toInteger(), 4);
        QCOMPARE(m_remote.command({"LLEN", kQueueKey}, kRemoteDb).integer, 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_remote.command({"EXISTS", kInFlightKey}, kRemoteDb).integer, 0, 5000);
        sensor.close();
        server.requestStop();
        QVERIFY(server.waitForExit(10000));
        QVERIFY(server.exitedCleanly());
        QVERIFY2(server.msSinceStopRequest() < 3000,
                 qPrintable(QString::number(server.msSinceStopRequest())));
    }
};

QTEST_GUILESS_MAIN(TestPdnsRemote)
#include "tst_pdnsremote.moc"
