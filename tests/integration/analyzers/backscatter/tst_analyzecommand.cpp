// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// `d4-server analyze` as a user runs it: the real binary on real and synthetic captures.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "analyzerun.h"
#include "testenvironment.h"
#include "workers/gzipcompressor.h"

using namespace d4::test;

namespace {

using Run = AnalyzeRun;

Run analyze(const QStringList &arguments)
{
    return runAnalyze(arguments);
}

QString pcap(const char *name)
{
    return testDataPath(QStringLiteral("pcap/") + QLatin1String(name));
}

} // namespace

class TestAnalyzeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Several files: chronological order, capinfos properties, backscatter attacks, JSON layout.
    void jsonReport()
    {
        const Run run = analyze({QStringLiteral("--json"), QStringLiteral("--prefix"),
                                 QStringLiteral("203.0.113.0/24"), pcap("pcapng-multi-interface.pcapng"),
                                 pcap("backscatter-synthetic.pcap"), pcap("amp.TCP.reflection.SYNACK.pcap")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(report.value(QStringLiteral("report_version")).toInt(), 1);
        const QJsonArray files = report.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 3);
        // First-packet order: 2021 (amp), 2023 (synthetic), 2026 (multi-interface).
        QVERIFY(files[0]
                    .toObject()
                    .value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QStringLiteral("SYNACK.pcap")));
        QVERIFY(
            files[2].toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral(".pcapng")));
        const QJsonObject amp = files[0].toObject();
        QCOMPARE(amp.value(QStringLiteral("packets")).toInt(), 8000);
        QCOMPARE(amp.value(QStringLiteral("format")).toString(), QStringLiteral("pcap"));
        QCOMPARE(amp.value(QStringLiteral("byte_order")).toString(), QStringLiteral("little-endian"));
        QCOMPARE(amp.value(QStringLiteral("first_time")).toString(),
                 QStringLiteral("2021-06-05T03:58:45.551136000Z"));
        QCOMPARE(amp.value(QStringLiteral("last_time")).toString(),
                 QStringLiteral("2021-06-05T03:58:45.697945000Z"));
        QCOMPARE(amp.value(QStringLiteral("link_types")).toArray(), QJsonArray{1});
        QCOMPARE(amp.value(QStringLiteral("time_precision")).toArray(), QJsonArray{QStringLiteral("µs")});
        QCOMPARE(amp.value(QStringLiteral("truncated_bytes")).toInt(), 0);
        const QJsonObject multi = files[2].toObject();
        QCOMPARE(multi.value(QStringLiteral("format")).toString(), QStringLiteral("pcapng"));
        QCOMPARE(multi.value(QStringLiteral("interfaces")).toArray().size(), 2);
        QCOMPARE(multi.value(QStringLiteral("first_time_ns")).toString(),
                 QStringLiteral("1767663089500330493"));
        QCOMPARE(multi.value(QStringLiteral("time_precision")).toArray(),
                 (QJsonArray{QStringLiteral("ns"), QStringLiteral("µs")}));
        QCOMPARE(report.value(QStringLiteral("total_packets")).toInt(), 8000 + 436 + 6);

        const QJsonObject backscatter = report.value(QStringLiteral("backscatter")).toObject();
        const QJsonObject counters = backscatter.value(QStringLiteral("counters")).toObject();
        QCOMPARE(counters.value(QStringLiteral("packets")).toInt(), 8442);
        const QJsonArray attacks = backscatter.value(QStringLiteral("attacks")).toArray();
        QCOMPARE(attacks.size(), 2);
        const QJsonObject tcp = attacks[0].toObject();
        QCOMPARE(tcp.value(QStringLiteral("victim")).toString(), QStringLiteral("198.51.100.10"));
        QCOMPARE(tcp.value(QStringLiteral("protocol")).toString(), QStringLiteral("TCP"));
        QCOMPARE(tcp.value(QStringLiteral("packets")).toInt(), 270);
        QCOMPARE(tcp.value(QStringLiteral("max_ppm")).toDouble(), 135.0);
        QCOMPARE(tcp.value(QStringLiteral("estimated_pps")).toDouble(),
                 tcp.value(QStringLiteral("observed_pps")).toDouble() * 16777216.0);
        QCOMPARE(attacks[1].toObject().value(QStringLiteral("victim")).toString(),
                 QStringLiteral("192.0.2.30"));
        QCOMPARE(backscatter.value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("warnings"))
                     .toArray()
                     .size(),
                 1);
    }

    // The text report reads like capinfos.
    void textReport()
    {
        const Run run = analyze({pcap("tcp-handshake-nano.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("Number of packets:   3")), run.out.constData());
        QVERIFY(text.contains(QStringLiteral("Time precision:      ns")));
        QVERIFY(text.contains(QStringLiteral("Link types:          113")));
        QVERIFY(text.contains(QStringLiteral("First packet time:   2014-12-09T17:16:09.924505488Z")));
        QVERIFY(text.contains(QStringLiteral("Backscatter")));
    }

    // Rejected and truncated files, gzip by content, PIBS CSV, bad options.
    void edgeCases()
    {
        QTemporaryDir dir;
        QFile original(pcap("amp.TCP.reflection.SYNACK.pcap"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        const QString cut = dir.filePath(QStringLiteral("cut.pcap"));
        const QString zipped = dir.filePath(QStringLiteral("capture.bin"));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(bytes.left(100000));
        cutFile.close();
        QFile zipFile(zipped);
        QVERIFY(zipFile.open(QIODevice::WriteOnly));
        zipFile.write(d4::workers::GzipCompressor::gzip(bytes));
        zipFile.close();

        Run run = analyze({QStringLiteral("--json"), cut, zipped});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("cut short"));
        QJsonArray files = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("files")).toArray();
        QCOMPARE(files[0].toObject().value(QStringLiteral("packets")).toInt(), 1264);
        QCOMPARE(files[0].toObject().value(QStringLiteral("truncated_bytes")).toInt(), 69);
        QVERIFY(files[1].toObject().value(QStringLiteral("compressed")).toBool());
        QCOMPARE(files[1].toObject().value(QStringLiteral("packets")).toInt(), 8000);

        run = analyze({QStringLiteral("--json"), testDataPath(QStringLiteral("SOURCES.md"))});
        QCOMPARE(run.exitCode, 1);
        files = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("files")).toArray();
        QCOMPARE(files[0].toObject().value(QStringLiteral("error")).toString(),
                 QStringLiteral("not_a_capture"));

        const QString csv = dir.filePath(QStringLiteral("pibs.csv"));
        run = analyze({QStringLiteral("--pibs-csv"), csv, pcap("amp.TCP.reflection.SYNACK.pcap")});
        QCOMPARE(run.exitCode, 0);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 7678 + 1); // header, lines, empty after the last '\n'
        QCOMPARE(lines[0], QByteArray("#timestamp, source IP, TCP flags, source port"));

        QCOMPARE(analyze({QStringLiteral("--prefix"), QStringLiteral("nonsense"), cut}).exitCode, 2);
        QCOMPARE(analyze({}).exitCode, 2);
        QCOMPARE(analyze({QStringLiteral("--preset"), QStringLiteral("unknown"), cut}).exitCode, 2);
        // --window and --slide: the analyzer's window, checked as server.conf checks it.
        run = analyze({QStringLiteral("--window"), QStringLiteral("30"), QStringLiteral("--slide"),
                       QStringLiteral("60"), cut});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--slide: 60 s is longer than the window (30 s)"), run.err.constData());
        run = analyze({QStringLiteral("--window"), QStringLiteral("3600"), QStringLiteral("--slide"),
                       QStringLiteral("1"), cut});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("needs a slide of at least 57 s"), run.err.constData());
        QCOMPARE(analyze({QStringLiteral("--window"), QStringLiteral("0"), cut}).exitCode, 2);
        QCOMPARE(analyze({QStringLiteral("--window"), QStringLiteral("3601"), cut}).exitCode, 2);
        QCOMPARE(analyze({QStringLiteral("--slide"), QStringLiteral("ten"), cut}).exitCode, 2);
        run = analyze({QStringLiteral("--window"), QStringLiteral("120"), QStringLiteral("--slide"),
                       QStringLiteral("20"), QStringLiteral("--json"), pcap("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject backscatter =
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("backscatter")).toObject();
        QVERIFY2(QJsonDocument(backscatter).toJson().contains("\"window_s\": 120"),
                 run.out.left(2000).constData());
        QVERIFY(QJsonDocument(backscatter).toJson().contains("\"slide_s\": 20"));
        run = analyze({QStringLiteral("--preset"), QStringLiteral("moore"), QStringLiteral("--json"),
                       pcap("backscatter-synthetic.pcap")});
        QCOMPARE(QJsonDocument::fromJson(run.out)
                     .object()
                     .value(QStringLiteral("backscatter"))
                     .toObject()
                     .value(QStringLiteral("attacks"))
                     .toArray()
                     .size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCommand)
#include "tst_analyzecommand.moc"
