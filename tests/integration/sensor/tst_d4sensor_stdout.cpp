// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include "packetcollector.h"
#include "protocol/uuid.h"
#include "sensortestconfig.h"
#include "testenvironment.h"

#include <fcntl.h>
#include <unistd.h>

using d4::test::PacketCollector;
using d4::test::SensorTestConfig;

namespace {

constexpr int kTimeoutMs = 5000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(4242);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/** Runs d4-sensor on @p config to completion, feeding @p input on stdin (closed afterwards). */
Run runSensor(const SensorTestConfig &config, const QByteArray &input = {}, const QStringList &arguments = {})
{
    QProcess process;
    config.prepare(process, arguments);
    process.start();
    Run run;
    if (!process.waitForStarted(kTimeoutMs)) {
        run.err = "d4-sensor did not start";
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "d4-sensor did not finish in time";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/** Every packet carries the configured identity and a valid HMAC. */
void checkIdentity(const PacketCollector &collector, const QByteArray &uuidText)
{
    const auto uuid = d4::protocol::parseUuid(uuidText.trimmed().toStdString());
    QVERIFY(uuid);
    QVERIFY(collector.isClean());
    QVERIFY(!collector.packets().isEmpty());
    QVERIFY(collector.allHmacsValid());
    const quint64 now = static_cast<quint64>(QDateTime::currentSecsSinceEpoch());
    for (const auto &packet : collector.packets()) {
        QCOMPARE(packet.header.version, 1);
        QVERIFY(packet.header.uuid == *uuid);
        QVERIFY(packet.header.timestamp + 60 >= now && packet.header.timestamp <= now + 1);
    }
}

} // namespace

class TestD4SensorStdout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileSourceIsSplitIntoSnaplenPackets()
    {
        const QString capture = d4::test::testDataPath(QStringLiteral("pcap/edns-opts.pcap"));
        const QByteArray input = readFile(capture);
        QCOMPARE(input.size(), 6049);
        SensorTestConfig config;
        config.set(QStringLiteral("snaplen"), "1024\n");
        config.set(QStringLiteral("source"), capture.toUtf8() + '\n');
        const Run run = runSensor(config);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());

        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, SensorTestConfig::kUuid);
        QCOMPARE(collector.sizes(), (QList<quint32>{1024, 1024, 1024, 1024, 1024, 929, 0}));
        for (const auto &packet : collector.packets()) {
            QCOMPARE(packet.header.type, 1);
        }
        QCOMPARE(collector.payload(), input);
        QCOMPARE(run.out.size(), input.size() + 7 * 62);
    }

    void largeFileCrossesBatchBoundaries()
    {
        // 2.5 MiB plus a bit: several 1 MiB read batches, default snaplen 4096.
        const QByteArray input = randomBytes(2621440 + 1000);
        SensorTestConfig config;
        const QString source = config.scratchPath(QStringLiteral("input.bin"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(input), input.size());
        file.close();
        config.set(QStringLiteral("source"), "file:" + source.toUtf8());
        const Run run = runSensor(config);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, SensorTestConfig::kUuid);
        const QList<quint32> sizes = collector.sizes();
        QCOMPARE(sizes.size(), 640 + 2);
        QVERIFY(std::all_of(sizes.cbegin(), sizes.cbegin() + 640, [](quint32 size) { return size == 4096; }));
        QCOMPARE(sizes.at(640), 1000u);
        QCOMPARE(sizes.at(641), 0u);
        QVERIFY(collector.payload() == input);
    }

    void stdinSourceKeepsEveryByte()
    {
        const QByteArray input = randomBytes(300000);
        SensorTestConfig config;
        config.set(QStringLiteral("source"), "stdin\n");
        config.set(QStringLiteral("snaplen"), "1500\n");
        const Run run = runSensor(config, input);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, SensorTestConfig::kUuid);
        const QList<quint32> sizes = collector.sizes();
        // A pipe yields reads of any length: packets are at most snaplen, the last one empty.
        QVERIFY(std::all_of(sizes.cbegin(), sizes.cend() - 1,
                            [](quint32 size) { return size > 0 && size <= 1500; }));
        QCOMPARE(sizes.last(), 0u);
        QVERIFY(collector.payload() == input);
    }

    void emptyInputGivesOneEmptyPacket()
    {
        SensorTestConfig config;
        const Run run = runSensor(config, {});
        QCOMPARE(run.exitCode, 0);
        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, SensorTestConfig::kUuid);
        QCOMPARE(collector.sizes(), QList<quint32>{0});
    }

    void extendedTypeSendsTheMetaHeaderFirst_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("254") << QByteArray("254");
        QTest::newRow("2 (sent as 254 after the header, like the Go client)") << QByteArray("2");
    }
    void extendedTypeSendsTheMetaHeaderFirst()
    {
        QFETCH(QByteArray, type);
        const QByteArray meta = "{\"type\": \"maltrail\", \"note\": \"xy\"}\n";
        QCOMPARE(meta.size(), 35);
        const QByteArray input = "line one\nline two\nline three\n";
        SensorTestConfig config;
        config.set(QStringLiteral("type"), type);
        config.set(QStringLiteral("snaplen"), "16");
        config.set(QStringLiteral("metaheader.json"), meta);
        const Run run = runSensor(config, input);
        QVERIFY2(run.exitCode == 0, run.err.constData());

        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, SensorTestConfig::kUuid);
        const auto &packets = collector.packets();
        QVERIFY(packets.size() >= 5);
        QList<int> types;
        for (const auto &packet : packets) {
            types.append(packet.header.type);
        }
        QCOMPARE(types.mid(0, 3), (QList<int>{2, 2, 2}));
        QVERIFY(std::all_of(types.cbegin() + 3, types.cend(), [](int t) { return t == 254; }));
        QCOMPARE(collector.sizes().mid(0, 3), (QList<quint32>{16, 16, 3}));
        QCOMPARE(collector.payload(2), meta);
        QCOMPARE(collector.payload(254), input);
        QCOMPARE(collector.sizes().last(), 0u);
    }

    void generatedUuidIsWrittenAndUsed()
    {
        SensorTestConfig config;
        config.set(QStringLiteral("uuid"), QByteArray());
        const Run run = runSensor(config, "x");
        QCOMPARE(run.exitCode, 0);
        const QByteArray written = config.get(QStringLiteral("uuid"));
        QCOMPARE(written.size(), 37);
        PacketCollector collector(SensorTestConfig::kKey);
        collector.append(run.out);
        checkIdentity(collector, written);
        QVERIFY(written.trimmed() != QByteArray(SensorTestConfig::kUuid));
    }

    void badConfigurationExitsWith2()
    {
        SensorTestConfig config;
        config.set(QStringLiteral("snaplen"), "0\n");
        const Run run = runSensor(config, "data");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("snaplen"), run.err.constData());
    }

    void badCommandLinesExitWith2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no -c") << QStringList{};
        QTest::newRow("missing directory")
            << QStringList{QStringLiteral("-c"), QStringLiteral("/nonexistent/d4")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("bad pin") << QStringList{QStringLiteral("--pin"), QStringLiteral("abc")};
        QTest::newRow("bad retry-max") << QStringList{QStringLiteral("--retry-max"), QStringLiteral("-1")};
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")};
    }
    void badCommandLinesExitWith2()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(d4::test::builtExecutable(QStringLiteral("d4-sensor")), arguments);
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }

    void helpDocumentsOptionsAndExitCodes()
    {
        QProcess process;
        process.start(d4::test::builtExecutable(QStringLiteral("d4-sensor")), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray help = process.readAllStandardOutput();
        for (const char *expected : {"-c, --config", "--insecure", "--pin", "--retry-max", "--retry-limit",
                                     "-v, --verbose", "Exit codes", "  0  ", "  1  ", "  2  ", "  3  "}) {
            QVERIFY2(help.contains(expected), expected);
        }
    }

    void closedStdoutIsARuntimeError()
    {
        // stdout is a pipe nobody reads (its read end is closed): the first write fails with EPIPE.
        SensorTestConfig config;
        const QString source = config.scratchPath(QStringLiteral("input.bin"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(randomBytes(4 << 20)), 4 << 20);
        file.close();
        config.set(QStringLiteral("source"), source.toUtf8());
        int fds[2] = {-1, -1};
        QVERIFY(::pipe2(fds, O_CLOEXEC) == 0);
        ::close(fds[0]);
        QProcess process;
        config.prepare(process);
        const int writeEnd = fds[1];
        process.setChildProcessModifier([writeEnd] { ::dup2(writeEnd, STDOUT_FILENO); });
        process.start();
        const bool started = process.waitForStarted(kTimeoutMs);
        ::close(writeEnd);
        QVERIFY(started);
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("writing the output failed"));
    }
};

QTEST_GUILESS_MAIN(TestD4SensorStdout)
#include "tst_d4sensor_stdout.moc"
