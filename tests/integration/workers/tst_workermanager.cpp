// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The WorkerManager in process (taps, resume, clean-up) and the queue management API, against a
// real Redis with streams written the way the ingest writes them.

#include <mutex>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "redisserverfixture.h"
#include "testenvironment.h"
#include "workers/queuemanager.h"
#include "workers/unconsumedtypes.h"
#include "workers/workermanager.h"
#include "workers/workertap.h"

using namespace d4::test;
using d4::workers::QueueManager;
using d4::workers::UnconsumedType;
using d4::workers::WorkerManager;

namespace {

constexpr int kMetadataDb = 0;
constexpr int kAnalyzerDb = 2;
constexpr int kStreamDb = 4;

/** A tap that records what it is given. */
class RecordingTap final : public d4::workers::WorkerTap
{
public:
    void onLines(const QByteArray &sensorUuid, const QByteArray &typeKey,
                 const QByteArrayList &lines) override
    {
        const std::lock_guard lock(m_mutex);
        m_sensor = sensorUuid;
        m_typeKey = typeKey;
        m_lines += lines;
    }
    QByteArrayList lines()
    {
        const std::lock_guard lock(m_mutex);
        return m_lines;
    }
    QByteArray typeKey()
    {
        const std::lock_guard lock(m_mutex);
        return m_typeKey;
    }

private:
    std::mutex m_mutex;
    QByteArray m_sensor;
    QByteArray m_typeKey;
    QByteArrayList m_lines;
};

} // namespace

class TestWorkerManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // A tap gets every line before the entries are deleted; the session is cleaned up at its end.
    void tapAndCleanUp()
    {
        QTemporaryDir save;
        const QByteArray session = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray sensor(32, 'c');
        const QByteArray stream = "stream:8:" + session;
        addEntry(stream, sensor, "l1\nl");
        addEntry(stream, sensor, "2\n");
        m_redis.command({"SADD", "session_uuid:8", session}, kStreamDb);
        // A stale registration of a previous run is cleared at start.
        m_redis.command({"SADD", "working_session_uuid:8", session}, kStreamDb);

        RecordingTap tap;
        WorkerManager manager(settings(save.path()));
        manager.addTap(&tap);
        QString error;
        QVERIFY2(manager.start(error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(tap.lines(), (QByteArrayList{"l1", "l2"}), 5000);
        QCOMPARE(tap.typeKey(), QByteArray("8"));
        QTRY_COMPARE_WITH_TIMEOUT(m_redis.command({"XLEN", stream}, kStreamDb).integer, 0LL, 2000);
        QCOMPARE(m_redis.command({"SISMEMBER", "working_session_uuid:8", session}, kStreamDb).integer, 1LL);

        // A partial line is kept across a stop and a restart of the manager.
        addEntry(stream, sensor, "par");
        QTRY_COMPARE_WITH_TIMEOUT(m_redis.command({"XLEN", stream}, kStreamDb).integer, 0LL, 2000);
        manager.stop();
        QCOMPARE(m_redis.command({"GET", "d4console:worker_pending:8:" + session}, kStreamDb).string,
                 QByteArray("par"));
        addEntry(stream, sensor, "tial\n");
        m_redis.command({"SADD", "ended_session", session}, kStreamDb);
        QVERIFY2(manager.start(error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(tap.lines(), (QByteArrayList{"l1", "l2", "partial"}), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_redis.command({"SCARD", "session_uuid:8"}, kStreamDb).integer, 0LL, 3000);
        QCOMPARE(
            m_redis.command({"EXISTS", stream, "d4console:worker_pending:8:" + session}, kStreamDb).integer,
            0LL);
        QCOMPARE(m_redis.command({"SCARD", "ended_session"}, kStreamDb).integer, 0LL);
        QCOMPARE(m_redis.command({"SCARD", "working_session_uuid:8"}, kStreamDb).integer, 0LL);
        manager.stop();
    }

    // Spec §9 #9: accepted types without a worker (here 5 and 7, beside 1, 2, 4, 6 and 254 which have
    // one) are reported with their sessions and waiting entries, and followed when
    // server:accepted_type or the streams change; each is logged once, naming the type.
    void unconsumedTypes()
    {
        QTemporaryDir save;
        meta({"SADD", "server:accepted_type", "1", "2", "4", "254", "6", "5", "7"});
        const QByteArray sensor(32, 'e');
        const QByteArray session = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        for (const char *message : {"{\"a\":1}\n", "{\"a\":2}\n", "{\"a\":3}\n"}) {
            addEntry("stream:5:" + session, sensor, message);
        }
        m_redis.command({"SADD", "session_uuid:5", session}, kStreamDb);

        // The monitor logs on its own thread.
        static std::mutex warningsMutex;
        static QStringList warningList;
        warningList.clear();
        const auto warnings = [] {
            const std::lock_guard lock(warningsMutex);
            return warningList;
        };
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
                if (type == QtWarningMsg && message.contains(QStringLiteral("no worker consumes it"))) {
                    const std::lock_guard lock(warningsMutex);
                    warningList.append(message);
                }
            });
        d4::workers::WorkerSettings workerSettings = settings(save.path());
        workerSettings.unconsumedPollMs = 200;
        WorkerManager manager(workerSettings);
        QSignalSpy changed(&manager, &WorkerManager::unconsumedTypesChanged);
        QString error;
        QVERIFY2(manager.start(error), qPrintable(error));
        const QList<UnconsumedType> expected{{5, 1, 3}, {7, 0, 0}};
        QTRY_COMPARE_WITH_TIMEOUT(manager.unconsumedTypes(), expected, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 2000);
        QCOMPARE(changed.constFirst().constFirst().value<QList<UnconsumedType>>(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(warnings().size(), 2, 2000);
        QVERIFY2(warnings()[0].contains(QStringLiteral("type 5 (pcapng)")) &&
                     warnings()[0].contains(QStringLiteral("1 unconsumed session(s), 3 entries")),
                 qPrintable(warnings()[0]));
        QVERIFY(warnings()[1].contains(QStringLiteral("type 7 (yaf)")));

        // Entries arrive, type 7 is no longer accepted: the list follows; the warnings are not
        // repeated within the rate limit.
        addEntry("stream:5:" + session, sensor, "{}\n");
        meta({"SREM", "server:accepted_type", "7"});
        QTRY_COMPARE_WITH_TIMEOUT(manager.unconsumedTypes(), (QList<UnconsumedType>{{5, 1, 4}}), 3000);
        QTest::qWait(500);
        QCOMPARE(warnings().size(), 2);
        // The session's stream is untouched: no worker took it.
        QCOMPARE(m_redis.command({"XLEN", "stream:5:" + session}, kStreamDb).integer, 4LL);
        QCOMPARE(m_redis.command({"SCARD", "working_session_uuid:5"}, kStreamDb).integer, 0LL);

        // The scan alone, as the console may call it.
        d4::store::RedisSyncClient metadata(workerSettings.redis.metadata);
        d4::store::RedisSyncClient stream(workerSettings.redis.stream);
        const auto scanned = d4::workers::UnconsumedTypes::scan(metadata, stream, error);
        QVERIFY2(scanned, qPrintable(error));
        QCOMPARE(*scanned, (QList<UnconsumedType>{{5, 1, 4}}));
        manager.stop();
        QVERIFY(manager.unconsumedTypes().isEmpty());
        qInstallMessageHandler(previous);
    }

    // Queue management: create (group and not), edit, max size, sample, flush, delete.
    void queueManagement()
    {
        QueueManager queues(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
        QString error;
        const QByteArray given = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";
        const auto plain = queues.create(8, {}, QStringLiteral("pdns"), {}, given, error);
        QVERIFY2(plain, qPrintable(error));
        QCOMPARE(*plain, given);
        QVERIFY(!queues.create(8, {}, {}, {}, given, error)); // exists already
        QVERIFY(!queues.create(254, {}, {}, {}, {}, error));  // an extended type needs a name
        QCOMPARE(meta({"SISMEMBER", "analyzer:8", given}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER", "all:analyzer:format_type", "8"}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER", "all:analyzer:by:format_type:8", given}).integer, 1LL);

        const QByteArray sensor = "4b1e2c3d-0000-4000-8000-00000000abcd";
        QVERIFY(queues.setSensorGroup(given, {sensor}, error));
        QCOMPARE(meta({"SISMEMBER", "analyzer:8", given}).integer, 0LL);
        QCOMPARE(meta({"SISMEMBER", "analyzer_uuid_group:8", given}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER",
                       "sensor:queues:8:4b1e2c3d000040008000"
                       "00000000abcd",
                       given})
                     .integer,
                 1LL);
        QVERIFY(queues.setSensorGroup(given, {}, error));
        QCOMPARE(meta({"SISMEMBER", "analyzer:8", given}).integer, 1LL);
        QCOMPARE(meta({"EXISTS", "sensor:queues:8:4b1e2c3d000040008000"
                                 "00000000abcd"})
                     .integer,
                 0LL);

        QVERIFY(queues.setDescription(given, QStringLiteral("new text"), error));
        QVERIFY(queues.setMaxSize(given, 42, error));
        auto info = queues.info(given, error);
        QVERIFY(info);
        QCOMPARE(info->description, QStringLiteral("new text"));
        QCOMPARE(info->maxSize, 42);
        QCOMPARE(info->type, 8);

        for (const char *item : {"first", "second", "third"}) {
            m_redis.command({"LPUSH", "analyzer:8:" + given, item}, kAnalyzerDb);
        }
        QCOMPARE(*queues.length(given, error), 3);
        QCOMPARE(*queues.sample(given, 2, error), (QByteArrayList{"first", "second"}));
        QVERIFY(queues.flush(given, error));
        QCOMPARE(*queues.length(given, error), 0);

        QVERIFY(queues.remove(given, error));
        QCOMPARE(meta({"EXISTS", "analyzer:" + given}).integer, 0LL);
        QCOMPARE(meta({"SISMEMBER", "all_analyzer_queues", given}).integer, 0LL);
        QCOMPARE(meta({"SISMEMBER", "analyzer:8", given}).integer, 0LL);
        QVERIFY(!queues.info(given, error));

        // Extended type with a group: analyzer_uuid_group:254:<ext> and sensor:queues:<ext>:<sensor>.
        const auto group = queues.create(2, "ja3-jl", {}, {sensor}, {}, error);
        QVERIFY2(group, qPrintable(error));
        QCOMPARE(meta({"SISMEMBER", "analyzer_uuid_group:254:ja3-jl", *group}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER",
                       "sensor:queues:ja3-jl:4b1e2c3d000040008000"
                       "00000000abcd",
                       *group})
                     .integer,
                 1LL);
        QCOMPARE(meta({"SISMEMBER", "all:analyzer:extended_type", "ja3-jl"}).integer, 1LL);
        m_redis.command({"LPUSH", "analyzer:ja3-jl:" + *group, "x"}, kAnalyzerDb);
        QVERIFY(queues.flush(*group, error));
        QCOMPARE(m_redis.command({"EXISTS", "analyzer:ja3-jl:" + *group}, kAnalyzerDb).integer, 0LL);
        QVERIFY(queues.remove(*group, error));
        QCOMPARE(meta({"EXISTS", "sensor:queues:ja3-jl:4b1e2c3d000040008000"
                                 "00000000abcd"})
                     .integer,
                 0LL);
    }

    // A killed run leaves its open files uncompressed: the next start gzips them as a rotation
    // would, queues the pcap ones, and leaves what is not a worker file alone.
    void leftoverFilesRecovered()
    {
        QTemporaryDir save;
        const QString uuid = QStringLiteral("4b1e2c3d-0000-4000-8000-00000000abcd");
        const QString day = save.filePath(uuid + QStringLiteral("/%1/2026/11/24/"));
        const QString name = uuid + QStringLiteral("-2026-11-24-235500");
        const QByteArray pcap = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff000001000000");
        const QString cap = day.arg(1) + name + QStringLiteral(".cap");
        const QString pdns = day.arg(8) + name + QStringLiteral(".passivedns.txt");
        const QString header = day.arg(254) + QStringLiteral("my-ext/") + name + QStringLiteral(".json");
        const QString stranger = day.arg(8) + QStringLiteral("notes.txt");
        for (const auto &[path, content] :
             {std::pair{cap, pcap}, std::pair{pdns, QByteArray("a||b\n")},
              std::pair{header, QByteArray("{}")}, std::pair{stranger, QByteArray("mine")}}) {
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        }
        QueueManager queues(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
        QString error;
        const auto queue = queues.create(1, {}, {}, {}, {}, error);
        QVERIFY2(queue, qPrintable(error));

        WorkerManager manager(settings(save.path()));
        QVERIFY2(manager.start(error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(cap + QStringLiteral(".gz")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_redis.command({"LLEN", "analyzer:1:" + *queue}, kAnalyzerDb).integer, 1LL,
                                  5000);
        QCOMPARE(m_redis.command({"RPOP", "analyzer:1:" + *queue}, kAnalyzerDb).string,
                 QFile::encodeName(cap + QStringLiteral(".gz")));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pdns + QStringLiteral(".gz")), 5000);
        manager.stop();
        QVERIFY(!QFileInfo::exists(cap) && !QFileInfo::exists(pdns));
        QVERIFY(QFileInfo::exists(header) && QFileInfo::exists(stranger));
    }

private:
    RedisReply meta(const QByteArrayList &command) { return m_redis.command(command, kMetadataDb); }

    void addEntry(const QByteArray &stream, const QByteArray &sensor, const QByteArray &message)
    {
        m_redis.command({"XADD", stream, "*", "message", message, "uuid", sensor, "timestamp", "1700000000",
                         "version", "1"},
                        kStreamDb);
    }

    d4::workers::WorkerSettings settings(const QString &saveDirectory) const
    {
        d4::workers::WorkerSettings settings;
        settings.redis.stream = m_redis.endpoint(kStreamDb);
        settings.redis.metadata = m_redis.endpoint(kMetadataDb);
        settings.redis.analyzer = m_redis.endpoint(kAnalyzerDb);
        settings.saveDirectory = saveDirectory;
        return settings;
    }

    RedisServerFixture m_redis;
};

QTEST_GUILESS_MAIN(TestWorkerManager)
#include "tst_workermanager.moc"
