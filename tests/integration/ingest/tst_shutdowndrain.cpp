// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The shutdown drain of d4-server (shutdown_drain_seconds): on SIGTERM it stops accepting
// connections but keeps reading and storing what connected sensors send until they close, closes
// idle ones at once, and aborts the rest when the drain time is over. Real d4-server, real TLS,
// real redis-server.

#include <algorithm>

#include <QElapsedTimer>
#include <QThread>

#include "ingesttestbase.h"

using namespace d4::test;

class TestShutdownDrain : public IngestTestBase
{
    Q_OBJECT

    static constexpr int kType = 8;    // passive DNS lines, as a forwarded type-8 feed
    static constexpr int kPaceMs = 40; // one packet every kPaceMs while "streaming"

    /** Three complete passivedns lines; packet @p index, so every line of a run is distinct. */
    static QByteArray linesOfPacket(int index)
    {
        QByteArray lines;
        for (int i = 0; i < 3; ++i) {
            const QByteArray n = QByteArray::number(index * 3 + i);
            lines += "1700000000.000001||192.0.2.1||198.51.100.53||IN||host" + n +
                     ".example.org.||A||203.0.113." + QByteArray::number((index * 3 + i) % 250) +
                     "||300||1\n";
        }
        return lines;
    }

    /** Every type-8 line d4-server stored for @p uuidHex, in stream order. */
    QByteArrayList storedLines(const QByteArray &uuidHex)
    {
        const QByteArray session = sessionOf(kType, uuidHex);
        if (session.isEmpty()) {
            return {};
        }
        QByteArray all;
        const RedisReply entries =
            streams({"XRANGE", "stream:" + QByteArray::number(kType) + ':' + session, "-", "+"});
        for (const RedisReply &entry : entries.elements) {
            all += entry.elements.value(1).elements.value(1).string;
        }
        QByteArrayList lines = all.split('\n');
        lines.removeLast(); // after the last '\n'
        return lines;
    }

    /**
     * Streams packets at kPaceMs until d4-server exits, the connection breaks or 10 s pass; counts
     * the lines written into @p sentLines. Returns the time (since the stop request) at which the
     * server was seen gone, or -1.
     */
    static qint64 streamUntilServerExits(D4ServerProcess &server, TestSensor &sensor, int &packets,
                                         QByteArrayList &sentLines)
    {
        QElapsedTimer limit;
        limit.start();
        while (limit.elapsed() < 10000) {
            if (server.waitForExit(kPaceMs)) {
                return server.msSinceStopRequest();
            }
            const QByteArray lines = linesOfPacket(packets);
            if (!sensor.send(lines)) {
                break; // the server aborted the connection
            }
            ++packets;
            sentLines += lines.split('\n').mid(0, 3);
        }
        // Bounded: a negative wait would wait for ever.
        const int rest = std::max(0, 10000 - static_cast<int>(limit.elapsed()));
        return server.waitForExit(rest) ? server.msSinceStopRequest() : -1;
    }

    /** True when @p stored holds the first lines of @p sent, in order and unchanged. */
    static bool isPrefix(const QByteArrayList &stored, const QByteArrayList &sent)
    {
        return stored.size() <= sent.size() && stored == sent.mid(0, stored.size());
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // A sensor streaming when SIGTERM arrives finishes its window and closes cleanly (close_notify):
    // every line it wrote, before and after the signal, is stored, and d4-server exits as soon as
    // the sensor is gone, well within drain + 2 s. The drain time is the default (10 s).
    void streamingSensorFinishesItsWindow()
    {
        D4ServerProcess server;
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, kType);
        QVERIFY(sensor.connectTo(server.port()));

        QByteArrayList sent;
        QElapsedTimer window;
        window.start();
        int packets = 0;
        bool stopRequested = false;
        while (window.elapsed() < 2000) {
            if (!stopRequested && window.elapsed() >= 500) {
                server.requestStop(); // mid-window
                stopRequested = true;
            }
            const QByteArray lines = linesOfPacket(packets);
            QVERIFY2(sensor.send(lines), qPrintable(QStringLiteral("packet %1 not written").arg(packets)));
            ++packets;
            sent += lines.split('\n').mid(0, 3);
            QThread::msleep(kPaceMs);
        }
        QVERIFY(stopRequested);
        QVERIFY2(sensor.isConnected(), "the server closed the sensor during the drain");
        const qint64 closedAt = server.msSinceStopRequest();
        sensor.close(); // close_notify, then the TCP close
        QVERIFY2(server.waitForExit(7000), "d4-server still running 7 s after SIGTERM");
        const qint64 exitedAt = server.msSinceStopRequest();
        qInfo("sensor closed %lld ms and d4-server exited %lld ms after SIGTERM", closedAt, exitedAt);
        QVERIFY(server.exitedCleanly());
        QVERIFY2(exitedAt <= 5000 + 2000, qPrintable(QString::number(exitedAt)));
        // The drain ends when the last sensor is gone, not when the drain time is over.
        QVERIFY2(exitedAt - closedAt < 2000,
                 qPrintable(QStringLiteral("closed at %1 ms, exited at %2 ms").arg(closedAt).arg(exitedAt)));

        const QByteArrayList stored = storedLines(hex(uuid));
        QCOMPARE(stored.size(), sent.size());
        QCOMPARE(stored, sent);
        const QByteArray log = server.output();
        QVERIFY2(log.contains("Draining 1 sensor connections for up to 10 s"), log.constData());
        QVERIFY2(log.contains("every sensor connection closed"), log.constData());
    }

    // Idle sensors do not hold up the stop, even with a 30 s drain: one idle for more than a second
    // at SIGTERM is closed at once, one that just sent is closed once it has been idle for a second.
    // What both sent is stored.
    void idleSensorsDoNotDelayShutdown()
    {
        D4ServerProcess server;
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = no\nshutdown_drain_seconds = 30\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto longIdleUuid = newUuid();
        TestSensor longIdle(longIdleUuid, kType);
        QVERIFY(longIdle.connectTo(server.port()));
        QVERIFY(longIdle.send(linesOfPacket(0)));
        QVERIFY(!sessionOf(kType, hex(longIdleUuid)).isEmpty());
        QThread::msleep(1300);
        const auto recentUuid = newUuid();
        TestSensor recent(recentUuid, kType);
        QVERIFY(recent.connectTo(server.port()));
        QVERIFY(recent.send(linesOfPacket(1)));
        QVERIFY(!sessionOf(kType, hex(recentUuid)).isEmpty());

        server.requestStop();
        QVERIFY2(server.waitForExit(10000), "d4-server still running 10 s after SIGTERM");
        const qint64 exitedAt = server.msSinceStopRequest();
        qInfo("d4-server exited %lld ms after SIGTERM", exitedAt);
        QVERIFY(server.exitedCleanly());
        QVERIFY2(exitedAt < 2000, qPrintable(QString::number(exitedAt)));
        QVERIFY(longIdle.waitForClose(1000));
        QVERIFY(recent.waitForClose(1000));
        QCOMPARE(storedLines(hex(longIdleUuid)), linesOfPacket(0).split('\n').mid(0, 3));
        QCOMPARE(storedLines(hex(recentUuid)), linesOfPacket(1).split('\n').mid(0, 3));
        const QByteArray log = server.output();
        QVERIFY2(log.contains("Draining 1 sensor connections for up to 30 s (1 idle closed at once)"),
                 log.constData());
    }

    // A sensor that keeps streaming past the drain time is aborted when it is over; d4-server
    // still exits 0, and what it read until then is stored (in order, nothing altered).
    void sensorStreamingPastTheDrainIsAborted()
    {
        D4ServerProcess server;
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = no\nshutdown_drain_seconds = 2\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, kType);
        QVERIFY(sensor.connectTo(server.port()));
        QByteArrayList sent;
        int packets = 0;
        for (; packets < 5; ++packets) {
            QVERIFY(sensor.send(linesOfPacket(packets)));
            sent += linesOfPacket(packets).split('\n').mid(0, 3);
            QThread::msleep(kPaceMs);
        }

        server.requestStop();
        const qint64 exitedAt = streamUntilServerExits(server, sensor, packets, sent);
        QVERIFY2(exitedAt >= 0, "d4-server did not exit");
        qInfo("d4-server exited %lld ms after SIGTERM", exitedAt);
        QVERIFY(server.exitedCleanly());
        QVERIFY2(exitedAt >= 1900 && exitedAt <= 2000 + 1500, qPrintable(QString::number(exitedAt)));
        QVERIFY(sensor.waitForClose(1000));

        const QByteArrayList stored = storedLines(hex(uuid));
        qInfo("%lld of %lld lines stored", static_cast<long long>(stored.size()),
              static_cast<long long>(sent.size()));
        QVERIFY(isPrefix(stored, sent));
        // Reading went on during the drain: far more than the 15 lines sent before SIGTERM.
        QVERIFY2(stored.size() >= 15 + 3 * 20,
                 qPrintable(QStringLiteral("%1 of %2 lines stored").arg(stored.size()).arg(sent.size())));
        const QByteArray log = server.output();
        QVERIFY2(log.contains("Draining 1 sensor connections for up to 2 s"), log.constData());
        QVERIFY2(log.contains("aborting 1 sensor connections"), log.constData());
    }

    // shutdown_drain_seconds = 0: today's immediate stop, sessions aborted at once.
    void zeroDrainStopsAtOnce()
    {
        D4ServerProcess server;
        server.setServerOptions(
            QStringLiteral("server_mode = shared-secret\nworkers = no\nshutdown_drain_seconds = 0\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const auto uuid = newUuid();
        TestSensor sensor(uuid, kType);
        QVERIFY(sensor.connectTo(server.port()));
        QByteArrayList sent;
        int packets = 0;
        for (; packets < 5; ++packets) {
            QVERIFY(sensor.send(linesOfPacket(packets)));
            sent += linesOfPacket(packets).split('\n').mid(0, 3);
            QThread::msleep(kPaceMs);
        }

        server.requestStop();
        const qint64 exitedAt = streamUntilServerExits(server, sensor, packets, sent);
        QVERIFY2(exitedAt >= 0, "d4-server did not exit");
        qInfo("d4-server exited %lld ms after SIGTERM", exitedAt);
        QVERIFY(server.exitedCleanly());
        QVERIFY2(exitedAt < 1500, qPrintable(QString::number(exitedAt)));
        QVERIFY(sensor.waitForClose(1000));
        QVERIFY(isPrefix(storedLines(hex(uuid)), sent));
        QVERIFY2(!server.output().contains("Draining"), server.output().constData());
    }
};

QTEST_GUILESS_MAIN(TestShutdownDrain)
#include "tst_shutdowndrain.moc"
