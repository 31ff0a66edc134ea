// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// 1,000 TLS sensors at once against one d4-server on loopback (docs/security.md, "Connection
// storm"): every sensor is admitted or refused with a counted reason, the server keeps serving a
// newcomer, its memory stays bounded, and it lets go of every connection when the sensors leave.

#include <memory>
#include <vector>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSslSocket>

#include "ingest/ingesttestbase.h"

#include <sys/resource.h>

using namespace d4::test;

namespace {

constexpr int kSensors = 1000;
// Descriptors: one per sensor in this process and in d4-server, plus Redis and slack.
constexpr rlim_t kDescriptorsNeeded = 2 * kSensors + 512;

bool raiseDescriptorLimit()
{
    struct rlimit limit
    {
    };
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_max < kDescriptorsNeeded) {
        return false;
    }
    limit.rlim_cur = limit.rlim_max;
    return setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

/** Runs in d4-server's forked child: async-signal-safe only. */
void raiseChildDescriptorLimit()
{
    struct rlimit limit
    {
    };
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

/** In the d4-server child: few descriptors, so a storm runs it out of them. */
void lowChildDescriptorLimit()
{
    struct rlimit limit
    {
    };
    limit.rlim_cur = 96;
    limit.rlim_max = 96;
    setrlimit(RLIMIT_NOFILE, &limit);
}

#ifdef D4_UBSAN_EARLY_INIT_PRELOAD
/**
 * gcc + UndefinedBehaviorSanitizer builds: the environment of a d4-server that will run out of
 * descriptors. UBSan's vptr check needs a free descriptor pair (it probes memory through pipe()) and
 * its runtime reads its options only at its first report, so without this the server dies of a false
 * "invalid vptr" report. The preloaded helper makes the runtime read the suppressions at start-up;
 * the file turns the vptr check off in this server only (tests/sanitizers/ubsanearlyinit.cpp and
 * ubsan-descriptors-exhausted.supp give the sanitizer sources and the reasons).
 */
QProcessEnvironment environmentWithoutVptrCheck()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString options = environment.value(QStringLiteral("UBSAN_OPTIONS"));
    if (!options.isEmpty()) {
        options += QLatin1Char(':');
    }
    // A later flag wins, so this replaces a suppressions= the caller may have set.
    options += QStringLiteral("suppressions=") + QStringLiteral(D4_UBSAN_DESCRIPTORS_EXHAUSTED_SUPPRESSIONS);
    environment.insert(QStringLiteral("UBSAN_OPTIONS"), options);
    QString preload = QStringLiteral(D4_UBSAN_EARLY_INIT_PRELOAD);
    if (environment.contains(QStringLiteral("LD_PRELOAD"))) {
        preload += QLatin1Char(' ') + environment.value(QStringLiteral("LD_PRELOAD"));
    }
    environment.insert(QStringLiteral("LD_PRELOAD"), preload);
    return environment;
}
#endif

/** Resident memory of @p pid in KiB, from /proc (0 when unknown). */
qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

struct StormSensor
{
    std::unique_ptr<TestSensor> encoder; ///< builds the signed packets; not connected itself
    std::unique_ptr<QSslSocket> socket;
    bool sent = false;
    bool closed = false;
};

} // namespace

class TestConnectionStorm : public IngestTestBase
{
    Q_OBJECT

private:
    /** Connections refused, summed over the reasons in `d4console:ingest:rejections`. */
    qint64 refusedCount()
    {
        qint64 refused = 0;
        const RedisReply counters = meta({"HGETALL", "d4console:ingest:rejections"});
        for (qsizetype i = 1; i < counters.elements.size(); i += 2) {
            refused += counters.elements[i].string.toLongLong();
        }
        return refused;
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void thousandSensorsAtOnce()
    {
        if (!raiseDescriptorLimit()) {
            QSKIP("the hard RLIMIT_NOFILE is below what 1,000 sensors need");
        }
        D4ServerProcess server;
        server.setChildProcessModifier(&raiseChildDescriptorLimit);
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const qint64 idleKiB = residentKiB(server.processId());

        std::vector<StormSensor> sensors(kSensors);
        int sent = 0;
        int closed = 0;
        for (int i = 0; i < kSensors; ++i) {
            StormSensor &sensor = sensors[std::size_t(i)];
            sensor.encoder = std::make_unique<TestSensor>(newUuid(), 8);
            sensor.socket = std::make_unique<QSslSocket>();
            sensor.socket->setPeerVerifyMode(QSslSocket::VerifyNone);
            QSslSocket *socket = sensor.socket.get();
            const QByteArray packet = sensor.encoder->packet("sensor " + QByteArray::number(i) + '\n');
            connect(socket, &QSslSocket::encrypted, socket, [socket, packet, &sensor, &sent] {
                socket->write(packet);
                sensor.sent = true;
                ++sent;
            });
            connect(socket, &QAbstractSocket::disconnected, socket, [&sensor, &closed] {
                if (!sensor.closed) {
                    sensor.closed = true;
                    ++closed;
                }
            });
            connect(socket, &QAbstractSocket::errorOccurred, socket, [&sensor, &closed] {
                if (!sensor.closed) {
                    sensor.closed = true;
                    ++closed;
                }
            });
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
        }
        // Every sensor ends its handshake and sends, or is closed; then the ingest has its packets.
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            int settled = 0;
            for (const StormSensor &sensor : sensors) {
                settled += (sensor.sent || sensor.closed) ? 1 : 0;
            }
            if (settled == kSensors) {
                break;
            }
            QTest::qWait(50);
        }
        qInfo("%d sensors sent their packet, %d were closed", sent, closed);
        QVERIFY2(sent + closed >= kSensors,
                 qPrintable(QStringLiteral("%1 sent, %2 closed").arg(sent).arg(closed)));

        // Every sensor that sent is admitted (a session and its entry), or refused with a counted
        // reason; none is lost silently.
        QTRY_VERIFY_WITH_TIMEOUT(streams({"SCARD", "session_uuid:8"}).integer + refusedCount() >= kSensors,
                                 30000);
        const qint64 admitted = streams({"SCARD", "session_uuid:8"}).integer;
        qInfo("%lld sensors admitted", static_cast<long long>(admitted));
        QCOMPARE(admitted + refusedCount(), qint64(kSensors));
        const QByteArray someSession = streams({"SRANDMEMBER", "session_uuid:8"}).string;
        QCOMPARE(streams({"XLEN", "stream:8:" + someSession}).integer, 1LL);

        // Still serving: a newcomer is admitted within seconds while the 1,000 stay connected.
        TestSensor newcomer(newUuid(), 8);
        QElapsedTimer serving;
        serving.start();
        QVERIFY(newcomer.connectTo(server.port()));
        QVERIFY(newcomer.send("newcomer\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!sessionOf(8, newcomer.uuidHex()).isEmpty(), 5000);
        qInfo("a newcomer was admitted in %lld ms", static_cast<long long>(serving.elapsed()));

        // Memory bounded: well under 300 KiB per connection (TLS buffers included).
        const qint64 stormKiB = residentKiB(server.processId());
        qInfo("d4-server resident memory: %lld KiB idle, %lld KiB with %d sensors",
              static_cast<long long>(idleKiB), static_cast<long long>(stormKiB), kSensors);
        QVERIFY(stormKiB > 0);
        // AddressSanitizer keeps freed blocks resident in its quarantine (256 MB by default) and adds
        // redzones and shadow memory: 469 KiB per connection was measured there, so its bound is 3x.
#if defined(__SANITIZE_ADDRESS__)
        constexpr qint64 kPerConnectionKiB = 3 * 300;
#else
        constexpr qint64 kPerConnectionKiB = 300;
#endif
        QVERIFY2(stormKiB - idleKiB < kPerConnectionKiB * kSensors, qPrintable(QString::number(stormKiB)));

        // They all leave: the server lets go of every connection.
        for (StormSensor &sensor : sensors) {
            sensor.socket->abort();
        }
        newcomer.close();
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection:8"}).integer, 0LL, 20000);
        QVERIFY(server.stop());
    }

    // Out of descriptors (RLIMIT_NOFILE 96, 200 sensors at once): the server cannot accept them
    // all. It must keep the sensors it admitted and accept again once descriptors are free,
    // instead of leaving its listener paused for good.
    void descriptorsExhausted()
    {
        constexpr int kStorm = 200;
        D4ServerProcess server;
        server.setChildProcessModifier(&lowChildDescriptorLimit);
#ifdef D4_UBSAN_EARLY_INIT_PRELOAD
        server.setProcessEnvironment(environmentWithoutVptrCheck());
#endif
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        std::vector<StormSensor> sensors(kStorm);
        int sent = 0;
        for (int i = 0; i < kStorm; ++i) {
            StormSensor &sensor = sensors[std::size_t(i)];
            sensor.encoder = std::make_unique<TestSensor>(newUuid(), 8);
            sensor.socket = std::make_unique<QSslSocket>();
            sensor.socket->setPeerVerifyMode(QSslSocket::VerifyNone);
            QSslSocket *socket = sensor.socket.get();
            const QByteArray packet = sensor.encoder->packet("sensor " + QByteArray::number(i) + '\n');
            connect(socket, &QSslSocket::encrypted, socket, [socket, packet, &sensor, &sent] {
                socket->write(packet);
                sensor.sent = true;
                ++sent;
            });
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
        }
        QTest::qWait(5000);
        qInfo("%d of %d sensors got through with 96 descriptors", sent, kStorm);
        QVERIFY2(sent < kStorm, "the descriptor limit did not bite");
        // The server's "cannot accept ... out of file descriptors" warning is not asserted: Qt does
        // not always report the failed accept() (the warning appeared in some runs, not in others).
        const qint64 admitted = streams({"SCARD", "session_uuid:8"}).integer;
        QVERIFY(admitted > 0);

        // They all leave; a newcomer is then admitted.
        for (StormSensor &sensor : sensors) {
            sensor.socket->abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection:8"}).integer, 0LL, 20000);
        TestSensor newcomer(newUuid(), 8);
        QVERIFY2(newcomer.connectTo(server.port()), server.output().right(2000).constData());
        QVERIFY(newcomer.send("after the storm\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!sessionOf(8, newcomer.uuidHex()).isEmpty(), 10000);
        newcomer.close();
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestConnectionStorm)
#include "tst_connectionstorm.moc"
