// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-server behaviour that needs its own configuration or load: registration mode, idle timeout,
// many concurrent sensors, reconnects, and a managed redis-server killed during ingest.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include "ingesttestbase.h"
#include "store/redissyncclient.h"

using namespace d4::test;

class TestIngestServer : public IngestTestBase
{
    Q_OBJECT

    static qint64 residentKiB(qint64 pid)
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (!status.open(QIODevice::ReadOnly)) {
            return -1;
        }
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                return line.mid(6).trimmed().split(' ').first().toLongLong();
            }
        }
        return -1;
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // A bad configuration stops d4-server with exit code 2 and names the file, line and key.
    void badConfigurationIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[D4_Server]\nsrever_port = 4443\n");
        file.close();
        QProcess server;
        server.start(builtExecutable(QStringLiteral("d4-server")), {QStringLiteral("--config"), path});
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(server.readAllStandardError()).trimmed(),
                 QStringLiteral("d4-server: %1:2: [D4_Server] srever_port: unknown key").arg(path));
    }

    // Checklist 7: registration mode.
    void registrationMode()
    {
        D4ServerProcess server;
        server.setServerOptions(QStringLiteral("server_mode = registration\nworkers = no\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor unregistered(uuid, 1);
        QVERIFY(unregistered.connectTo(server.port()));
        QVERIFY(unregistered.send("x"));
        QVERIFY(unregistered.waitForClose(3000));
        meta({"SADD", "registered_uuid", hex(uuid)});
        TestSensor registered(uuid, 1);
        QVERIFY(registered.connectTo(server.port()));
        QVERIFY(registered.send("x"));
        QVERIFY(!sessionOf(1, hex(uuid)).isEmpty());
        QVERIFY(registered.isConnected());
        // Un-registering a live sensor closes it at the next access re-check.
        meta({"SREM", "registered_uuid", hex(uuid)});
        QVERIFY(registered.waitForClose(3000));
        QVERIFY(server.stop());
        QVERIFY(server.output().contains(QByteArray("Not registered UUID=" + hex(uuid))));
    }

    // Checklist 25: silence closes header-less connections only.
    void idleTimeout()
    {
        D4ServerProcess server;
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = no\nidle_timeout = 1\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        TestSensor silent(newUuid(), 1);
        // The server counts from the accept, before the TLS handshake: so does the timer (a slow
        // handshake, e.g. under AddressSanitizer, took 130 ms off a timer started after it).
        QElapsedTimer timer;
        timer.start();
        QVERIFY(silent.connectTo(server.port()));
        QVERIFY(silent.waitForClose(4000));
        QVERIFY2(timer.elapsed() >= 900, QByteArray::number(timer.elapsed()).constData());

        const auto uuid = newUuid();
        TestSensor talker(uuid, 1);
        QVERIFY(talker.connectTo(server.port()));
        QVERIFY(talker.send("x"));
        QVERIFY(!sessionOf(1, hex(uuid)).isEmpty());
        // Half a packet, then silence: the fragment is dropped but the connection stays.
        QVERIFY(talker.writeRaw(talker.packet("lost fragment").left(70)));
        QVERIFY(!talker.waitForClose(2500));
        QVERIFY(talker.send("after the pause"));
        const QByteArray session = sessionOf(1, hex(uuid));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:1:" + session}).integer, 2LL, 3000);
        QVERIFY(server.stop());
    }

    // 200 sensors connected at once, each streaming.
    void manyConcurrentSensors()
    {
        D4ServerProcess server;
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        constexpr int kSensors = 200;
        constexpr int kPackets = 10;
        std::vector<std::unique_ptr<TestSensor>> sensors;
        for (int i = 0; i < kSensors; ++i) {
            sensors.push_back(std::make_unique<TestSensor>(newUuid(), 8));
            QVERIFY2(sensors.back()->connectTo(server.port()), qPrintable(QString::number(i)));
        }
        for (int round = 0; round < kPackets; ++round) {
            for (auto &sensor : sensors) {
                QVERIFY(sensor->send("line " + QByteArray::number(round) + '\n'));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "session_uuid:8"}).integer, qint64(kSensors), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection"}).integer, qint64(kSensors), 5000);
        auto stored = [this] {
            qint64 total = 0;
            for (const RedisReply &session : streams({"SMEMBERS", "session_uuid:8"}).elements) {
                total += streams({"XLEN", "stream:8:" + session.string}).integer;
            }
            return total;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored(), qint64(kSensors * kPackets), 10000);
        sensors.clear();
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection"}).integer, 0LL, 10000);
        QVERIFY(server.stop());
    }

    // A sensor that reconnects gets a new session; both sessions keep their data.
    void reconnectingSensor()
    {
        D4ServerProcess server;
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        QSet<QByteArray> sessions;
        for (int attempt = 0; attempt < 3; ++attempt) {
            TestSensor sensor(uuid, 1);
            QVERIFY(sensor.connectTo(server.port()));
            QVERIFY(sensor.send("attempt " + QByteArray::number(attempt)));
            QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "session_uuid:1"}).integer, qint64(attempt + 1),
                                      3000);
            sensor.close();
            QTRY_COMPARE_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection:1", hex(uuid)}).integer, 0LL,
                                      3000);
        }
        QCOMPARE(streams({"SCARD", "ended_session"}).integer, 3LL);
        QVERIFY(server.stop());
    }

    // Redis stops answering while a sensor streams: the server stops reading (TCP pushes back on
    // the sensor) instead of buffering, and stores everything once Redis is back.
    void backPressureWhileRedisIsFrozen()
    {
        D4ServerProcess server;
        server.setServerOptions(QStringLiteral(
            "server_mode = shared-secret\nworkers = no\ndefault_stream_max_size = 10000000\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_type", "7"}); // a type no worker drains: XLEN counts what was stored
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 7);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("first"));
        const QByteArray session = sessionOf(7, hex(uuid));
        QVERIFY(!session.isEmpty());

        m_redis.pause();
        const QByteArray payload(64 * 1024, 'b');
        int sent = 1;
        bool pushedBack = false;
        QElapsedTimer timer;
        timer.start();
        // 400 MiB would be sent in well under the time limit if nothing pushed back.
        while (!pushedBack && sent < 6400 && timer.elapsed() < 20000) {
            QElapsedTimer write;
            write.start();
            const bool completed = sensor.writeRaw(sensor.packet(payload));
            ++sent; // an unfinished write stays queued in the sensor's socket and completes later
            pushedBack = !completed || write.elapsed() > 1000;
        }
        const qint64 rssKiB = residentKiB(server.processId());
        m_redis.resume();
        QVERIFY2(pushedBack, "the sensor was never slowed down");
        qInfo("pushed back after %d packets of 64 KiB; d4-server RSS %lld KiB", sent, rssKiB);
        // The bound is for the server's own buffers. Under ThreadSanitizer every byte also has shadow
        // memory (TSan documents 5-10x), which RSS counts, so the bound is scaled, not dropped.
        // AddressSanitizer keeps freed blocks resident in its quarantine (256 MB by default) and adds
        // redzones and shadow memory (1/8): 417 MB was measured there, so its bound is 3x.
#if defined(__SANITIZE_THREAD__)
        constexpr qint64 kRssBoundKiB = 4 * 200 * 1024;
#elif defined(__SANITIZE_ADDRESS__)
        constexpr qint64 kRssBoundKiB = 3 * 200 * 1024;
#else
        constexpr qint64 kRssBoundKiB = 200 * 1024;
#endif
        QVERIFY2(rssKiB < kRssBoundKiB, QByteArray::number(rssKiB).constData());
        QVERIFY(sensor.writeRaw({}));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:7:" + session}).integer, qint64(sent), 30000);
        QVERIFY(server.stop());
    }

    // The managed redis-server is killed while sensors stream: it is restarted and every packet
    // the server accepted is stored exactly once.
    void managedRedisKilledDuringIngest()
    {
        D4_REQUIRE_PROGRAM(pkill, "pkill");
        D4ServerProcess server;
        server.setServerOptions(QStringLiteral(
            "server_mode = shared-secret\nworkers = no\ndefault_stream_max_size = 10000000\n"));
        QVERIFY2(server.startManaged(), qPrintable(server.errorString()));
        d4::store::RedisEndpoint endpoint;
        endpoint.unixSocket = server.managedRedisSocket();
        endpoint.db = D4ServerProcess::kStreamDb;
        d4::store::RedisSyncClient redis(endpoint);
        QVERIFY2(redis.ping(), qPrintable(redis.errorString()));
        // Secrets and the database are owner-only.
        const QString data = server.dataDirectory();
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        for (const QString &path :
             QStringList{data + QStringLiteral("/tls/server.key"), data + QStringLiteral("/tls"),
                         data + QStringLiteral("/redis"), server.managedRedisSocket()}) {
            QVERIFY2(QFile::permissions(path) & QFile::ReadOwner, qPrintable(path));
            QVERIFY2(!(QFile::permissions(path) & others), qPrintable(path));
        }
        d4::store::RedisEndpoint metadataEndpoint = endpoint;
        metadataEndpoint.db = D4ServerProcess::kMetadataDb;
        // A type no worker drains, so the streams hold everything that was stored.
        d4::store::RedisSyncClient(metadataEndpoint).command({"SADD", "server:accepted_type", "7"});

        constexpr int kSensors = 4;
        std::vector<std::unique_ptr<TestSensor>> sensors;
        for (int i = 0; i < kSensors; ++i) {
            sensors.push_back(std::make_unique<TestSensor>(newUuid(), 7));
            QVERIFY(sensors.back()->connectTo(server.port()));
        }
        const QByteArray payload(4096, 'p');
        int sent = 0;
        bool killed = false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 3000) {
            for (auto &sensor : sensors) {
                QVERIFY(sensor->send(payload));
                ++sent;
            }
            if (!killed && timer.elapsed() > 1000) {
                QCOMPARE(QProcess::execute(pkill, {QStringLiteral("-KILL"), QStringLiteral("-f"),
                                                   server.managedRedisSocket()}),
                         0);
                killed = true;
            }
        }
        for (auto &sensor : sensors) {
            sensor->close();
        }
        auto countStored = [&] {
            qint64 stored = 0;
            for (const auto &session : redis.command({"SMEMBERS", "session_uuid:7"}).elements) {
                stored += redis.command({"XLEN", "stream:7:" + session.string}).integer;
            }
            return stored;
        };
        QElapsedTimer settle;
        settle.start();
        while (countStored() != sent && settle.elapsed() < 15000) {
            QTest::qWait(100);
        }
        if (countStored() != sent) {
            for (const auto &session : redis.command({"SMEMBERS", "session_uuid:7"}).elements) {
                qInfo() << session.string << redis.command({"XLEN", "stream:7:" + session.string}).integer;
                QByteArray previous;
                for (const auto &entry :
                     redis.command({"XRANGE", "stream:7:" + session.string, "-", "+"}).elements) {
                    const QList<QByteArray> id = entry.elements[0].string.split('-');
                    const QList<QByteArray> prev = previous.split('-');
                    if (!previous.isEmpty() && id[0] == prev[0] &&
                        id[1].toLongLong() != prev[1].toLongLong() + 1) {
                        qInfo() << "gap" << previous << entry.elements[0].string;
                    }
                    if (!previous.isEmpty() && id[0] != prev[0] && id[1] != "0") {
                        qInfo() << "gap at ms change" << previous << entry.elements[0].string;
                    }
                    if (!previous.isEmpty() && id[0].toLongLong() - prev[0].toLongLong() > 100) {
                        qInfo() << "pause" << previous << entry.elements[0].string;
                    }
                    previous = entry.elements[0].string;
                }
            }
            qInfo() << server.output();
        }
        QCOMPARE(countStored(), qint64(sent));
        qInfo("sent %d packets across a redis-server kill; stored %lld", sent,
              static_cast<long long>(countStored()));
        QVERIFY(server.stop());
        QVERIFY(server.output().contains("redis-server restarted"));
    }
};

QTEST_GUILESS_MAIN(TestIngestServer)
#include "tst_ingestserver.moc"
