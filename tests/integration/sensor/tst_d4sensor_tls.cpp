// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QtEndian>

#include "sensortestconfig.h"
#include "testcertificate.h"
#include "testd4server.h"
#include "workers/pcapframer.h"

using d4::test::SensorTestConfig;
using d4::test::TestCertificate;
using d4::test::TestD4Server;
using d4::workers::PcapFramer;

namespace {

constexpr int kTimeoutMs = 5000;

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

/** A little-endian libpcap stream of @p records records of @p length bytes each. */
QByteArray syntheticCapture(int records, quint32 length)
{
    QByteArray capture = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff000001000000");
    QByteArray record(16 + qsizetype(length), Qt::Uninitialized);
    for (int i = 0; i < records; ++i) {
        record.fill(char(i), 16 + qsizetype(length));
        qToLittleEndian<quint32>(1700000000 + quint32(i), record.data());
        qToLittleEndian<quint32>(quint32(i), record.data() + 4);
        qToLittleEndian<quint32>(length, record.data() + 8);
        qToLittleEndian<quint32>(length, record.data() + 12);
        capture += record;
    }
    return capture;
}

/** A port nothing listens on (bound once by us, then released). */
quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/**
 * d4-sensor running against a test server; waits with the event loop running, since the
 * server lives in this thread.
 */
class SensorProcess final
{
public:
    SensorProcess(const SensorTestConfig &config, const QStringList &arguments)
    {
        config.prepare(m_process, arguments);
        m_process.start();
    }

    ~SensorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    void write(const QByteArray &bytes) { m_process.write(bytes); }
    void closeInput() { m_process.closeWriteChannel(); }

    /** Exit code once finished within @p timeoutMs; -1 for a timeout or a crash. */
    int waitForExit(int timeoutMs = kTimeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs) {
            QTest::qWait(10);
        }
        if (m_process.state() != QProcess::NotRunning || m_process.exitStatus() != QProcess::NormalExit) {
            return -1;
        }
        return m_process.exitCode();
    }

    QByteArray errorOutput() { return m_stderr += m_process.readAllStandardError(); }

private:
    QProcess m_process;
    QByteArray m_stderr;
};

} // namespace

class TestD4SensorTls : public QObject
{
    Q_OBJECT

private:
    TestCertificate m_certificate;
    TestCertificate m_otherCertificate;

    /** A configuration sending stdin to @p server. */
    static void pointAt(SensorTestConfig &config, const TestD4Server &server)
    {
        config.set(QStringLiteral("destination"), "127.0.0.1:" + QByteArray::number(server.port()) + '\n');
    }

    /** Runs the sensor over @p input to completion and checks everything arrived once, intact. */
    void sendAndVerify(const SensorTestConfig &config, TestD4Server &server, const QStringList &arguments)
    {
        const QByteArray input = randomBytes(600000, 7);
        SensorProcess sensor(config, arguments);
        sensor.write(input);
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.payloadBytes(), input.size(), kTimeoutMs);
        QCOMPARE(server.connectionCount(), 1);
        QVERIFY(server.payload() == input);
        QVERIFY(server.allClean());
        QVERIFY(server.allHmacsValid());
        QTRY_COMPARE_WITH_TIMEOUT(server.connection(0).sizes().last(), 0u, kTimeoutMs); // end-of-input packet
        const QList<quint32> sizes = server.connection(0).sizes();
        QVERIFY(std::all_of(sizes.cbegin(), sizes.cend(), [](quint32 size) { return size <= 4096; }));
        QVERIFY(sensor.errorOutput().isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_certificate = TestCertificate::generate("IP:127.0.0.1,DNS:localhost");
        m_otherCertificate = TestCertificate::generate("IP:127.0.0.1,DNS:localhost");
        QVERIFY(!m_certificate.certificatePem.isEmpty());
        QVERIFY(!m_otherCertificate.certificatePem.isEmpty());
        QVERIFY(m_certificate.sha256 != m_otherCertificate.sha256);
    }

    void pinnedConnectionDeliversEverything()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        sendAndVerify(config, server, {QStringLiteral("--pin"), m_certificate.sha256});
    }

    void fingerprintFilePinsToo()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("fingerprint"), m_certificate.sha256.toLower().toUtf8() + '\n');
        sendAndVerify(config, server, {});
    }

    void wrongPinIsRefused()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        SensorProcess sensor(config, {QStringLiteral("--pin"), m_otherCertificate.sha256});
        sensor.write("must not be sent");
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
        const QByteArray error = sensor.errorOutput();
        QVERIFY2(error.contains("does not match the pinned"), error.constData());
        QVERIFY2(error.contains(m_certificate.sha256.toLatin1()), error.constData());
        QTest::qWait(100);
        QCOMPARE(server.payloadBytes(), 0);
    }

    void pinOverridesTheFingerprintFile()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("fingerprint"), m_certificate.sha256.toUtf8());
        SensorProcess sensor(config, {QStringLiteral("--pin"), m_otherCertificate.sha256});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
    }

    void rootCaVerificationWorks()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("rootCA.crt"), m_certificate.certificatePem);
        sendAndVerify(config, server, {});
    }

    void untrustedCertificateIsRefused()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("rootCA.crt"), m_otherCertificate.certificatePem);
        SensorProcess sensor(config, {});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
        QVERIFY2(sensor.errorOutput().contains("was refused"), sensor.errorOutput().constData());
        QCOMPARE(server.payloadBytes(), 0);
    }

    void hostNameMismatchIsRefused()
    {
        const TestCertificate elsewhere = TestCertificate::generate("DNS:d4.example.org");
        TestD4Server server(elsewhere, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("rootCA.crt"), elsewhere.certificatePem);
        SensorProcess sensor(config, {});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
        QVERIFY2(sensor.errorOutput().contains("mismatch"), sensor.errorOutput().constData());
    }

    void noVerificationIsRefused()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        SensorProcess sensor(config, {});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 2);
        QVERIFY2(sensor.errorOutput().contains("--insecure"), sensor.errorOutput().constData());
        QCOMPARE(server.connectionCount(), 0);
    }

    void insecureSkipsVerification()
    {
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("rootCA.crt"),
                   m_otherCertificate.certificatePem); // not trusted, not checked
        const QByteArray input = randomBytes(10000, 3);
        SensorProcess sensor(config, {QStringLiteral("--insecure")});
        sensor.write(input);
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(server.payload() == input, kTimeoutMs);
        QVERIFY(sensor.errorOutput().contains("not verified"));
    }

    void unreachableServerWithoutRetriesExitsWith3()
    {
        SensorTestConfig config;
        config.set(QStringLiteral("destination"), "127.0.0.1:" + QByteArray::number(unusedPort()));
        SensorProcess sensor(
            config, {QStringLiteral("--insecure"), QStringLiteral("--retry-max"), QStringLiteral("0")});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
        QVERIFY2(sensor.errorOutput().contains("cannot connect"), sensor.errorOutput().constData());
    }

    void retryLimitGivesUp()
    {
        SensorTestConfig config;
        config.set(QStringLiteral("destination"), "127.0.0.1:" + QByteArray::number(unusedPort()));
        QElapsedTimer timer;
        timer.start();
        SensorProcess sensor(
            config, {QStringLiteral("--insecure"), QStringLiteral("--retry-limit"), QStringLiteral("2")});
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 3);
        // Attempt 1 at once, attempt 2 after the first 1 s back-off.
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(sensor.errorOutput().contains("giving up after 2 attempts"),
                 sensor.errorOutput().constData());
    }

    void reconnectsAfterServerRestart_data()
    {
        QTest::addColumn<bool>("downWhileWriting");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("restarted before part 2") << false << QByteArray("1");
        QTest::newRow("down while part 2 is written") << true << QByteArray("1");
        QTest::newRow("type 254 re-sends the meta header") << false << QByteArray("254");
    }
    void reconnectsAfterServerRestart()
    {
        QFETCH(bool, downWhileWriting);
        QFETCH(QByteArray, type);
        const QByteArray meta = "{\"type\": \"ja3-jl\"}\n";
        const QByteArray part1 = randomBytes(200000, 11);
        const QByteArray part2 = randomBytes(150000, 12);
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        config.set(QStringLiteral("type"), type);
        config.set(QStringLiteral("metaheader.json"), meta);
        const int dataType = type == "254" ? 254 : 1;
        SensorProcess sensor(config,
                             {QStringLiteral("--pin"), m_certificate.sha256, QStringLiteral("--retry-max"),
                              QStringLiteral("1"), QStringLiteral("-v")});

        sensor.write(part1);
        QTRY_COMPARE_WITH_TIMEOUT(server.payload(dataType).size(), part1.size(), kTimeoutMs);
        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kTimeoutMs);
        if (downWhileWriting) {
            sensor.write(part2);
            QTest::qWait(1500); // the sensor notices, fails to reconnect and backs off
            QCOMPARE(server.connectionCount(), 1);
            QVERIFY(server.listen(server.port()));
        } else {
            QVERIFY(server.listen(server.port()));
            sensor.write(part2);
        }
        sensor.closeInput();
        QCOMPARE(sensor.waitForExit(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.payload(dataType).size(), part1.size() + part2.size(), kTimeoutMs);
        QCOMPARE(server.connectionCount(), 2);
        QVERIFY(server.payload(dataType) == part1 + part2); // nothing lost, nothing twice
        QVERIFY(server.allClean());
        QVERIFY(server.allHmacsValid());
        QTRY_COMPARE_WITH_TIMEOUT(server.connection(1).sizes().last(), 0u, kTimeoutMs);
        if (dataType == 254) {
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(server.connection(i).packets().first().header.type, 2);
                QCOMPARE(server.connection(i).payload(2), meta);
            }
        }
        QVERIFY2(sensor.errorOutput().contains("the server closed the connection"),
                 sensor.errorOutput().constData());
    }

    /**
     * Type 1, a libpcap source, and a server that stops reading and then resets the connection
     * while the sensor is blocked in a write: the second connection must be a capture of its own
     * (global header, then whole records from some record on, to the end), whatever point of the
     * write the loss hit. Records in flight on the reset connection are lost (D4 has no
     * acknowledgements), so the test does not ask for all of them.
     */
    void pcapConnectionResetMidWrite()
    {
        constexpr quint32 kLength = 1000;
        const QByteArray capture = syntheticCapture(24000, kLength); // 24 MB, more than socket buffers hold
        constexpr qsizetype kRecordSize = 16 + kLength;
        TestD4Server server(m_certificate, SensorTestConfig::kKey);
        server.setFirstConnectionReadLimit(2 << 20);
        QVERIFY(server.listen());
        SensorTestConfig config;
        pointAt(config, server);
        SensorProcess sensor(config,
                             {QStringLiteral("--pin"), m_certificate.sha256, QStringLiteral("--retry-max"),
                              QStringLiteral("1"), QStringLiteral("-v")});
        sensor.write(capture);
        sensor.closeInput();
        QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() == 1 && server.receivedBytes(0) >= (2 << 20),
                                 20000);
        QTest::qWait(1000); // the socket buffers fill up and the sensor blocks in a write
        server.abortConnection(0);
        QCOMPARE(sensor.waitForExit(60000), 0);
        QCOMPARE(server.connectionCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            !server.connection(1).sizes().isEmpty() && server.connection(1).sizes().last() == 0, kTimeoutMs);
        QVERIFY(server.connection(0).allHmacsValid());
        QVERIFY(server.connection(1).allHmacsValid());
        QVERIFY(server.connection(1).isClean());

        // The first session: the start of the capture, its last record possibly cut short.
        const QByteArray first = server.connection(0).payload(1);
        PcapFramer firstFramer;
        QByteArray firstRecords;
        int firstCount = 0;
        QVERIFY(firstFramer.feed(first, firstRecords, firstCount));
        QVERIFY(first == capture.left(first.size()));
        // The second: the global header, then every record from some record on, whole, once.
        const QByteArray second = server.connection(1).payload(1);
        PcapFramer secondFramer;
        QByteArray secondRecords;
        int secondCount = 0;
        QVERIFY(secondFramer.feed(second, secondRecords, secondCount));
        QCOMPARE(secondFramer.globalHeader(), capture.left(24));
        QCOMPARE(secondFramer.state(), capture.left(24)); // nothing after the last whole record
        const qsizetype resumedAt = capture.size() - secondRecords.size();
        QCOMPARE((resumedAt - 24) % kRecordSize, 0);
        QVERIFY(secondRecords == capture.mid(resumedAt));
        QCOMPARE(second.size(), 24 + secondRecords.size());
        const QByteArray log = sensor.errorOutput();
        QVERIFY2(log.contains("the new session starts a capture of its own"), log.constData());
        const qsizetype lostInFlight = qMax<qsizetype>(0, resumedAt - 24 - firstRecords.size()) / kRecordSize;
        qInfo(
            "first session %d records, second from record %lld (%d records); %lld records lost in flight; %s",
            firstCount, static_cast<long long>((resumedAt - 24) / kRecordSize), secondCount,
            static_cast<long long>(lostInFlight),
            log.contains("connection lost at byte") ? "lost in a write" : "lost between writes");
    }
};

QTEST_GUILESS_MAIN(TestD4SensorTls)
#include "tst_d4sensor_tls.moc"
