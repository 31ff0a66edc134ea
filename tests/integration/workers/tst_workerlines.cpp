// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Types 3 and 8 through the real d4-server: real TLS sensors, a real Redis, and analyzers that
// only use Redis commands (spec §4.4, checklist 28–30).

#include <QElapsedTimer>
#include <QFile>
#include <QUuid>

#include "workers/queuemanager.h"
#include "workertestbase.h"

using namespace d4::test;

namespace {

QByteArray pdnsLine(int index)
{
    // The passivedns analyzer's `||` format, about 120 bytes.
    return "1700000000.123456||192.0.2." + QByteArray::number(index % 250) + "||198.51.100.53||IN||host" +
           QByteArray::number(index) + ".example.com.||A||203.0.113." + QByteArray::number(index % 200) +
           "||300||1";
}

} // namespace

class TestWorkerLines : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Checklist 28 and the "external analyzer": RPOP from analyzer:8:<q> in the ANALYZER db only.
    void type8LinesInOrder()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(8);
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 8);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("a\nb"));
        QVERIFY(sensor.send("c\n"));
        QCOMPARE(popAll("analyzer:8:" + queue, 2), (QByteArrayList{"a", "bc"}));

        // Many lines cut at arbitrary places, empty lines in between.
        QByteArray text;
        QByteArrayList expected;
        for (int i = 0; i < 5000; ++i) {
            expected.append(pdnsLine(i));
            text += pdnsLine(i) + (i % 100 == 0 ? "\n\n" : "\n");
        }
        for (qsizetype offset = 0, step = 1; offset < text.size();
             offset += step, step = step * 7 % 4093 + 1) {
            QVERIFY(sensor.send(text.mid(offset, step)));
        }
        QCOMPARE(popAll("analyzer:8:" + queue, expected.size()), expected);
        const QByteArray session = streams({"SMEMBERS", "session_uuid:8"}).elements.value(0).string;
        QVERIFY(!session.isEmpty());
        QCOMPARE(streams({"SISMEMBER", "working_session_uuid:8", session}).integer, 1LL);
        QVERIFY(meta({"HGET", "analyzer:" + queue, "last_updated"}).string.toDouble() > 1.7e9);
        sensor.close();
        QVERIFY(waitSessionCleaned(8, session));

        // The file holds every line once (no duplicated tails), gzipped at the session end.
        const QStringList files =
            waitForFiles(server.dataDirectory(), QStringLiteral("*.passivedns.txt.gz"), 1);
        QCOMPARE(files.size(), 1);
        QCOMPARE(filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt*")).size(), 1);
        QVERIFY2(files[0].contains(QStringLiteral("/data/") + QString::fromLatin1(hex(uuid)) +
                                   QStringLiteral("/8/")),
                 qPrintable(files[0]));
        QVERIFY(files[0].endsWith(QStringLiteral(".passivedns.txt.gz")));
        QCOMPARE(gunzip(files[0]), "a\nbc\n" + text);
        QVERIFY(server.stop());
    }

    // Checklist 29: max_size 5 keeps 6 elements, the oldest are dropped.
    void queueTrimming()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(8, 5);
        TestSensor sensor(newUuid(), 8);
        QVERIFY(sensor.connectTo(server.port()));
        for (int i = 0; i < 10; ++i) {
            QVERIFY(sensor.send("line " + QByteArray::number(i) + '\n'));
        }
        QTRY_COMPARE_WITH_TIMEOUT(analyzer({"LINDEX", "analyzer:8:" + queue, "0"}).string,
                                  QByteArray("line 9"), 5000);
        QCOMPARE(analyzer({"LLEN", "analyzer:8:" + queue}).integer, 6LL);
        QCOMPARE(analyzer({"RPOP", "analyzer:8:" + queue}).string, QByteArray("line 4"));
        QVERIFY(server.stop());
    }

    // Checklist 30: a group queue only gets its sensors' data; a non-group queue gets everything.
    // The group queue is made with the core's QueueManager (type 3 here).
    void groupQueues()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        meta({"SADD", "server:accepted_type", "3"});
        const auto inGroup = newUuid();
        const auto outside = newUuid();
        d4::workers::QueueManager manager(m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb));
        QString error;
        const auto group = manager.create(3, {}, QStringLiteral("group"), {hex(inGroup)}, {}, error);
        QVERIFY2(group, qPrintable(error));
        QCOMPARE(meta({"SISMEMBER", "sensor:queues:3:" + hex(inGroup), *group}).integer, 1LL);
        QCOMPARE(meta({"SISMEMBER", "analyzer_uuid_group:3", *group}).integer, 1LL);
        const QByteArray all = addQueue(3);

        TestSensor a(inGroup, 3);
        TestSensor b(outside, 3);
        QVERIFY(a.connectTo(server.port()));
        QVERIFY(b.connectTo(server.port()));
        QVERIFY(a.send("from a\n"));
        QVERIFY(b.send("from b\n"));
        QByteArrayList everything = popAll("analyzer:3:" + all, 2);
        std::sort(everything.begin(), everything.end());
        QCOMPARE(everything, (QByteArrayList{"from a", "from b"}));
        QCOMPARE(popAll("analyzer:3:" + *group, 1), QByteArrayList{"from a"});
        QTest::qWait(300);
        QCOMPARE(analyzer({"LLEN", "analyzer:3:" + *group}).integer, 0LL);
        a.close();
        b.close();
        QTRY_VERIFY_WITH_TIMEOUT(
            !filesUnder(server.dataDirectory(), QStringLiteral("*.syslog.txt.gz")).isEmpty(), 5000);
        QVERIFY(server.stop());
    }

    // Rotation at line boundaries after rotation_interval; the old file is gzipped, nothing lost.
    void rotation()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions(1));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 8);
        QVERIFY(sensor.connectTo(server.port()));
        QVERIFY(sensor.send("one\ntw"));
        QTest::qWait(1500);
        QVERIFY(sensor.send("o\nthree\n"));
        QTRY_COMPARE_WITH_TIMEOUT(
            filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt.gz")).size(), qsizetype(1),
            5000);
        QCOMPARE(gunzip(filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt.gz"))[0]),
                 QByteArray("one\n"));
        sensor.close();
        QTRY_COMPARE_WITH_TIMEOUT(
            filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt*")).size(), qsizetype(2),
            5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt.gz")).size(), qsizetype(2),
            5000);
        QByteArray all;
        for (const QString &file :
             filesUnder(server.dataDirectory(), QStringLiteral("*.passivedns.txt.gz"))) {
            all += gunzip(file);
        }
        QCOMPARE(all, QByteArray("one\ntwo\nthree\n"));
        QVERIFY(server.stop());
    }

    // d4-server stopped (SIGTERM) in the middle of a session and a new one started on the same
    // Redis: every stored line reaches the queue exactly once, in order.
    void restartMidSession()
    {
        auto server = std::make_unique<D4ServerProcess>();
        // No shutdown drain: the stop must cut the session in the middle, which is what this test is
        // about (tst_shutdowndrain covers the drain, where a connected sensor is read to its end).
        server->setServerOptions(QStringLiteral("shutdown_drain_seconds = 0\n") + serverOptions());
        QVERIFY2(server->start(m_redis), qPrintable(server->errorString()));
        const QByteArray queue = addQueue(8);
        const QByteArray list = "analyzer:8:" + queue;
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 8);
        QVERIFY(sensor.connectTo(server->port()));
        constexpr int kPackets = 400;
        constexpr int kLinesPerPacket = 500;
        int next = 0;
        for (int packet = 0; packet < kPackets; ++packet) {
            QByteArray payload;
            for (int i = 0; i < kLinesPerPacket; ++i) {
                payload += pdnsLine(next++) + '\n';
            }
            // Cut the last line in two so a partial line is pending at every packet boundary.
            QVERIFY(sensor.send(payload.left(payload.size() - 20)));
            QVERIFY(sensor.writeRaw(sensor.packet(payload.right(20))));
        }
        QTRY_VERIFY_WITH_TIMEOUT(analyzer({"LLEN", list}).integer > 0, 10000);
        QVERIFY(server->stop());
        const qint64 atStop = analyzer({"LLEN", list}).integer;
        const QByteArray session = streams({"SMEMBERS", "session_uuid:8"}).elements.value(0).string;
        const qint64 left = streams({"XLEN", "stream:8:" + session}).integer;
        qInfo("stopped with %lld lines queued and %lld stream entries left", static_cast<long long>(atStop),
              static_cast<long long>(left));
        server.reset();

        D4ServerProcess second;
        second.setServerOptions(serverOptions());
        QVERIFY2(second.start(m_redis), qPrintable(second.errorString()));
        QVERIFY(waitSessionCleaned(8, session, 30000));
        const QByteArrayList received = popAll(list, analyzer({"LLEN", list}).integer, 60000);
        QVERIFY(received.size() >= atStop);
        // A prefix of what the sensor sent (what the first server had stored), no gap, no repeat.
        for (qsizetype i = 0; i < received.size(); ++i) {
            QVERIFY2(received[i] == pdnsLine(int(i)),
                     qPrintable(QStringLiteral("line %1: %2").arg(i).arg(QString::fromLatin1(received[i]))));
        }
        qInfo("received %lld of %d lines after the restart", static_cast<long long>(received.size()),
              kPackets * kLinesPerPacket);
        QVERIFY(second.stop());
    }

    // d4-server killed (SIGKILL) in the middle of a session and restarted on the same Redis: no
    // stored line is lost. Delivery is at least once: the batch that was being handled when the
    // process died (pushed, not yet acknowledged) is pushed again, so the queue holds the lines in
    // order with at most one contiguous stretch repeated, no longer than one read batch.
    void killedMidSession()
    {
        auto server = std::make_unique<D4ServerProcess>();
        // No shutdown drain: the stop must cut the session in the middle, which is what this test is
        // about (tst_shutdowndrain covers the drain, where a connected sensor is read to its end).
        server->setServerOptions(QStringLiteral("shutdown_drain_seconds = 0\n") + serverOptions());
        QVERIFY2(server->start(m_redis), qPrintable(server->errorString()));
        const QByteArray queue = addQueue(8);
        const QByteArray list = "analyzer:8:" + queue;
        const auto uuid = newUuid();
        TestSensor sensor(uuid, 8);
        QVERIFY(sensor.connectTo(server->port()));
        constexpr int kPackets = 400;
        constexpr int kLinesPerPacket = 500;
        int next = 0;
        for (int packet = 0; packet < kPackets; ++packet) {
            QByteArray payload;
            for (int i = 0; i < kLinesPerPacket; ++i) {
                payload += pdnsLine(next++) + '\n';
            }
            QVERIFY(sensor.send(payload.left(payload.size() - 20)));
            QVERIFY(sensor.writeRaw(sensor.packet(payload.right(20))));
        }
        QTRY_VERIFY_WITH_TIMEOUT(analyzer({"LLEN", list}).integer > 0, 10000);
        server->kill();
        const QByteArray session = streams({"SMEMBERS", "session_uuid:8"}).elements.value(0).string;
        QVERIFY(!session.isEmpty());
        // What the ingest had stored: the queue must end up with all of it.
        const qint64 queuedAtKill = analyzer({"LLEN", list}).integer;
        server.reset();
        sensor.close();

        D4ServerProcess second;
        second.setServerOptions(serverOptions());
        QVERIFY2(second.start(m_redis), qPrintable(second.errorString()));
        // The killed server never marked the session ended; the new one's ingest does not know
        // it, so end it the way the ingest does when a sensor leaves.
        streams({"SADD", "ended_session", session});
        QVERIFY(waitSessionCleaned(8, session, 60000));
        const QByteArrayList received = popAll(list, analyzer({"LLEN", list}).integer, 60000);
        QVERIFY(received.size() >= queuedAtKill);
        // Walk the queue: each line is the next expected one, or the start of one repeated stretch.
        int expected = 0;
        int repeated = 0;
        int stretches = 0;
        for (qsizetype i = 0; i < received.size(); ++i) {
            if (received[i] == pdnsLine(expected)) {
                ++expected;
                continue;
            }
            const int at = int(received[i].mid(received[i].indexOf("host") + 4).split('.').value(0).toInt());
            QVERIFY2(received[i] == pdnsLine(at) && at < expected,
                     qPrintable(QStringLiteral("line %1: %2").arg(i).arg(QString::fromLatin1(received[i]))));
            ++stretches;
            repeated += expected - at;
            expected = at + 1;
        }
        qInfo("killed with %lld lines queued; after the restart %d distinct lines, %d repeated in %d "
              "stretch(es)",
              static_cast<long long>(queuedAtKill), expected, repeated, stretches);
        QVERIFY(stretches <= 1);
        QVERIFY(repeated <= 512 * kLinesPerPacket);
        QVERIFY(second.stop());
    }

    // A measurement, not a pass/fail target: type-8 lines from a TLS sensor to the analyzer queue.
    void throughputType8()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray queue = addQueue(8);
        const QByteArray list = "analyzer:8:" + queue;
        TestSensor sensor(newUuid(), 8);
        QVERIFY(sensor.connectTo(server.port()));
        constexpr int kLines = 300000;
        QByteArray payload;
        int lines = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kLines; ++i) {
            payload += pdnsLine(i) + '\n';
            if (payload.size() > 60000 || i == kLines - 1) {
                QVERIFY(sensor.send(payload));
                payload.clear();
            }
            ++lines;
        }
        QTRY_COMPARE_WITH_TIMEOUT(analyzer({"LLEN", list}).integer, qint64(kLines), 60000);
        const double seconds = double(timer.elapsed()) / 1000.0;
        qInfo("type 8: %d lines (~120 B) sensor -> analyzer queue in %.2f s: %.0f lines/s", lines, seconds,
              double(lines) / seconds);
        QCOMPARE(analyzer({"RPOP", list}).string, pdnsLine(0));
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestWorkerLines)
#include "tst_workerlines.moc"
