// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Headless backscatter reports of the real d4-server: [Backscatter] configures the live analyzer,
// each attack is logged when detected and when it ends, and each ended attack is one JSON line in
// <data directory>/backscatter/attacks-YYYY-MM-DD.ndjson. The captures come from a real TLS sensor
// (type 1, through the workers) and from an analyzer queue of .cap.gz paths ([Backscatter_Queue]).

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "ingest/ingesttestbase.h"
#include "workers/gzipcompressor.h"

using namespace d4::test;

namespace {

constexpr char kQueue[] = "1b4a29c6-5c5e-4b35-9f6e-1a6c2f3d4e5f";

/** Every JSON line of every attacks-*.ndjson file under @p dataDirectory, by "victim protocol". */
QMap<QString, QJsonObject> filedAttacks(const QString &dataDirectory, int *lines = nullptr)
{
    QMap<QString, QJsonObject> attacks;
    const QDir dir(dataDirectory + QStringLiteral("/backscatter"));
    int count = 0;
    for (const QString &name : dir.entryList({QStringLiteral("attacks-*.ndjson")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            ++count;
            const QJsonObject attack = QJsonDocument::fromJson(line).object();
            attacks.insert(attack.value(QLatin1String("victim")).toString() + QLatin1Char(' ') +
                               attack.value(QLatin1String("protocol")).toString(),
                           attack);
        }
    }
    if (lines) {
        *lines = count;
    }
    return attacks;
}

} // namespace

class TestBackscatterReport : public IngestTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Thresholds of the sensitive preset with a 2-s minimum duration and a 4-s timeout: the 40
    // SYN/ACK of 198.51.100.30 within 3.9 s become an attack (not with the defaults), and the RSTs of
    // 198.51.100.20, 5 s apart, end after each packet (with the default timeout they would be one).
    void sensorStreamFilesAttacks()
    {
        D4ServerProcess server;
        server.setServerOptions(QStringLiteral("server_mode = shared-secret\nworkers = yes\n"
                                               "shutdown_drain_seconds = 0\n\n"
                                               "[Lookup_Server]\nenabled = no\n\n"
                                               "[Backscatter]\npreset = sensitive\nmin_duration = 2\n"
                                               "timeout = 4\nprefixes = 203.0.113.0/24\n"));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));

        QFile file(testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray capture = file.readAll();
        TestSensor sensor(newUuid(), 1);
        QVERIFY(sensor.connectTo(server.port()));
        for (qsizetype offset = 0; offset < capture.size(); offset += 1000) {
            QVERIFY(sensor.send(capture.mid(offset, 1000)));
        }
        // The last packets end the attacks once the capture clock, run on by the wall clock, passes
        // the timeout: within the timeout plus two report intervals.
        int lines = 0;
        QTRY_COMPARE_WITH_TIMEOUT(filedAttacks(server.dataDirectory(), &lines).size(), 3, 30000);
        QTest::qWait(2500);                        // one more report interval: nothing else is filed
        const QByteArray output = server.output(); // logged after filing
        QMap<QString, QJsonObject> attacks = filedAttacks(server.dataDirectory(), &lines);
        QCOMPARE(lines, 3);
        QCOMPARE(attacks.keys(),
                 (QStringList{QStringLiteral("192.0.2.30 UDP"), QStringLiteral("198.51.100.10 TCP"),
                              QStringLiteral("198.51.100.30 TCP")}));
        const QJsonObject a = attacks.value(QStringLiteral("198.51.100.10 TCP"));
        QCOMPARE(a.value(QLatin1String("packets")).toInteger(), 270);
        QCOMPARE(a.value(QLatin1String("start")).toString(),
                 QStringLiteral("2023-11-14T22:13:20.000000000Z"));
        QCOMPARE(a.value(QLatin1String("duration_s")).toDouble(), 119.5);
        QCOMPARE(a.value(QLatin1String("active")).toBool(true), false);
        QCOMPARE(a.value(QLatin1String("evidence_packets")).toInteger(), 50);
        // Each attack's evidence pcap ([Backscatter] evidence_files, on by default): its packets,
        // a classic pcap, named in the line.
        for (const QJsonObject &attack : std::as_const(attacks)) {
            const QString evidence = attack.value(QLatin1String("evidence_file")).toString();
            QVERIFY2(evidence.startsWith(server.dataDirectory() + QStringLiteral("/backscatter/evidence/")),
                     qPrintable(evidence));
            QFile pcap(evidence);
            QVERIFY2(pcap.open(QIODevice::ReadOnly), qPrintable(evidence));
            const QByteArray bytes = pcap.readAll();
            QVERIFY(bytes.startsWith("\xd4\xc3\xb2\xa1") || bytes.startsWith("\x4d\x3c\xb2\xa1"));
            // 24-byte header, then per packet a 16-byte record header and at least 40 bytes of IPv4.
            QVERIFY(bytes.size() >= 24 + attack.value(QLatin1String("evidence_packets")).toInteger() * 56);
        }
        // Estimated rate = observed × 2^32 / 256 ([Backscatter] prefixes).
        QCOMPARE(a.value(QLatin1String("estimated_pps")).toDouble(), 270 / 119.5 * 16777216.0);
        QCOMPARE(attacks.value(QStringLiteral("192.0.2.30 UDP")).value(QLatin1String("packets")).toInteger(),
                 90);
        QCOMPARE(
            attacks.value(QStringLiteral("198.51.100.30 TCP")).value(QLatin1String("packets")).toInteger(),
            40);
        QVERIFY(!attacks.contains(QStringLiteral("198.51.100.20 TCP")));

        QVERIFY2(output.contains("INFO - d4.backscatter: attack detected: victim 198.51.100.10 TCP, "),
                 output.constData());
        QVERIFY2(
            output.contains("INFO - d4.backscatter: attack ended: victim 198.51.100.10 TCP, 270 packets in "
                            "119.5 s, max "),
            output.constData());
        QVERIFY(output.contains("attack ended: victim 192.0.2.30 UDP, 90 packets in 89.0 s"));
        QVERIFY(output.contains("attack ended: victim 198.51.100.30 TCP, 40 packets in 3.9 s"));
        const QByteArray estimate =
            "estimated " + QByteArray::number(270 / 119.5 * 16777216.0, 'f', 0) + " pps";
        QVERIFY(output.contains(estimate));
        QCOMPARE(output.count("attack detected:"), 3);
        QVERIFY(!output.contains("198.51.100.20"));
        sensor.close();
        QVERIFY(server.stop());
        // Nothing was still active at shutdown.
        QVERIFY(!server.output().contains("still active"));
        filedAttacks(server.dataDirectory(), &lines);
        QCOMPARE(lines, 3);
    }

    // workers = no and [Backscatter_Queue]: a .cap.gz path pushed onto analyzer:1:<uuid> of this
    // server's Redis_ANALYZER is read into the analyzer; a missing file is skipped. Sensitive preset,
    // 10-s timeout: the RSTs of 198.51.100.20 (5 s apart) are one attack, the 3.9-s burst is none.
    // attacks_file = no leaves no attack file; evidence_files = no no evidence pcaps.
    void analyzerQueueFilesAttacks_data()
    {
        QTest::addColumn<bool>("attacksFile");
        QTest::addColumn<bool>("evidenceFiles");
        QTest::newRow("files") << true << true;
        QTest::newRow("evidence only") << false << true;
        QTest::newRow("log only") << false << false;
    }
    void analyzerQueueFilesAttacks()
    {
        QFETCH(bool, attacksFile);
        QFETCH(bool, evidenceFiles);
        QTemporaryDir dir;
        QFile in(testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString path = dir.filePath(QStringLiteral("sensor-2023-11-14-221320.cap.gz"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(d4::workers::GzipCompressor::gzip(in.readAll()));
        out.close();

        D4ServerProcess server;
        server.setServerOptions(QStringLiteral("server_mode = shared-secret\nworkers = no\n\n"
                                               "[Lookup_Server]\nenabled = no\n\n"
                                               "[Backscatter]\npreset = sensitive\ntimeout = 10\n"
                                               "attacks_file = %1\nevidence_files = %2\n\n"
                                               "[Backscatter_Queue]\nenabled = yes\nqueue_uuid = %3\n")
                                    .arg(attacksFile ? QStringLiteral("yes") : QStringLiteral("no"),
                                         evidenceFiles ? QStringLiteral("yes") : QStringLiteral("no"),
                                         QString::fromLatin1(kQueue)));
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray list = QByteArray("analyzer:1:") + kQueue;
        for (const QString &entry : {dir.filePath(QStringLiteral("gone.cap.gz")), path}) {
            m_redis.command({"LPUSH", list, entry.toUtf8()}, D4ServerProcess::kAnalyzerDb);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_redis.command({"LLEN", list}, D4ServerProcess::kAnalyzerDb).integer, 0LL,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(server.output().count("attack ended:"), 3, 30000);
        const QByteArray output = server.output();
        QVERIFY2(output.contains("gone.cap.gz - skipped"), output.constData());
        QVERIFY(output.contains("attack ended: victim 198.51.100.10 TCP, 270 packets in 119.5 s"));
        QVERIFY(output.contains("attack ended: victim 198.51.100.20 TCP, 20 packets in 95.0 s"));
        QVERIFY(output.contains("attack ended: victim 192.0.2.30 UDP, 90 packets in 89.0 s"));
        QVERIFY(output.contains("estimated rate unknown (no monitored prefix)"));
        QVERIFY(!output.contains("198.51.100.30"));
        int lines = 0;
        const QMap<QString, QJsonObject> attacks = filedAttacks(server.dataDirectory(), &lines);
        if (attacksFile) {
            QCOMPARE(lines, 3);
            QCOMPARE(attacks.keys(),
                     (QStringList{QStringLiteral("192.0.2.30 UDP"), QStringLiteral("198.51.100.10 TCP"),
                                  QStringLiteral("198.51.100.20 TCP")}));
            const QJsonObject b = attacks.value(QStringLiteral("198.51.100.20 TCP"));
            QCOMPARE(b.value(QLatin1String("packets")).toInteger(), 20);
            QCOMPARE(b.value(QLatin1String("responses")).toObject().value(QLatin1String("rst")).toInteger(),
                     20);
            QVERIFY(b.value(QLatin1String("estimated_pps")).isNull());
        } else {
            QCOMPARE(lines, 0);
        }
        const QDir evidence(server.dataDirectory() + QStringLiteral("/backscatter/evidence"));
        if (evidenceFiles) {
            // One pcap per ended attack, written right after its "attack ended" line.
            QTRY_COMPARE_WITH_TIMEOUT(evidence.entryList({QStringLiteral("*.pcap")}, QDir::Files).size(), 3,
                                      5000);
        } else {
            QVERIFY(!QDir(server.dataDirectory() + QStringLiteral("/backscatter")).exists());
        }
        server.requestStop();
        QVERIFY(server.waitForExit(10000));
        QVERIFY(server.exitedCleanly());
        QVERIFY2(server.msSinceStopRequest() < 5000,
                 qPrintable(QString::number(server.msSinceStopRequest())));
    }
};

QTEST_GUILESS_MAIN(TestBackscatterReport)
#include "tst_backscatterreport.moc"
