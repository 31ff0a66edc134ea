// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The analyzer's attack events and BackscatterReporter on backscatter-synthetic.pcap (attacks known
// by construction): detection when a vector reaches the thresholds, end by the wall clock once the
// capture clock stands still, the NDJSON lines, the bound on pending events, shutdown and errors.

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscatterreporter.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"

using namespace d4::analyzers::backscatter;

namespace {

constexpr qint64 kSecond = 1000000000LL;
constexpr qint64 kT0 = 1700000000LL * kSecond; // the capture's first packet
// 2026-12-02T12:00:00Z: a wall clock far from the capture's time.
constexpr qint64 kWall = 1796212800LL * kSecond;

quint32 ip(const char *text)
{
    return QHostAddress(QLatin1String(text)).toIPv4Address();
}

void feedSynthetic(BackscatterAnalyzer &analyzer)
{
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&analyzer);
    const auto summary = d4::capture::CaptureFileReader::read(
        QStringLiteral(D4_TEST_DATA_DIR "/pcap/backscatter-synthetic.pcap"),
        [&](const d4::capture::CapturePacket &p) { pipeline.onPacket(p); });
    QVERIFY(summary.ok());
}

QList<QJsonObject> readLines(const QString &path)
{
    QList<QJsonObject> result;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty()) {
                result.append(QJsonDocument::fromJson(line).object());
            }
        }
    }
    return result;
}

} // namespace

class TestBackscatterReporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noEventsUnlessEnabled()
    {
        BackscatterAnalyzer analyzer;
        feedSynthetic(analyzer);
        const auto events = analyzer.takeAttackEvents();
        QVERIFY(events.detected.isEmpty());
        QVERIFY(events.ended.isEmpty());
        QCOMPARE(events.dropped, 0ULL);
        QCOMPARE(analyzer.latestCaptureNs(), kT0 + 119500000000LL);
    }

    // Default thresholds: 198.51.100.10 and 192.0.2.30 are detected at the packet that reaches
    // them (at least 60 s after their first), once; nothing ends within the 119.5-s capture.
    void detectedOnceAtTheThresholds()
    {
        BackscatterAnalyzer analyzer;
        QCOMPARE(analyzer.latestCaptureNs(), 0LL);
        analyzer.setAttackEventsEnabled(true);
        feedSynthetic(analyzer);
        const auto events = analyzer.takeAttackEvents();
        QCOMPARE(events.detected.size(), 2);
        QCOMPARE(events.detected[0].victim, ip("198.51.100.10"));
        QCOMPARE(events.detected[0].durationNs(), 60 * kSecond);
        QVERIFY(events.detected[0].packets >= 25 && events.detected[0].packets < 270);
        QVERIFY(events.detected[0].active);
        QCOMPARE(events.detected[1].victim, ip("192.0.2.30"));
        QCOMPARE(events.detected[1].packets, 61ULL); // one per second: 61 packets span 60 s
        QVERIFY(events.ended.isEmpty());
        QVERIFY(analyzer.takeAttackEvents().detected.isEmpty()); // taken
        // Thresholds lowered after the last packet: 198.51.100.30 (40 SYN/ACK in 3.9 s) is detected
        // when it ends, in both lists.
        analyzer.setThresholds({5, 2 * kSecond, 3});
        analyzer.expire(kT0 + 119500000000LL + 301 * kSecond);
        const auto ended = analyzer.takeAttackEvents();
        QCOMPARE(ended.ended.size(), 4); // .10, .30, 192.0.2.30 and the 20 RSTs of .20 (95 s)
        QCOMPARE(ended.detected.size(), 2);
        for (const AttackRecord &record : ended.detected) {
            QVERIFY(record.victim == ip("198.51.100.30") || record.victim == ip("198.51.100.20"));
            QVERIFY(!record.active);
        }
    }

    void pendingEventsBounded()
    {
        BackscatterAnalyzer analyzer;
        analyzer.setAttackEventsEnabled(true, 1);
        feedSynthetic(analyzer);
        const auto events = analyzer.takeAttackEvents();
        QCOMPARE(events.detected.size(), 1);
        QCOMPARE(events.dropped, 1ULL);
        analyzer.setAttackEventsEnabled(false);
        analyzer.expire(kT0 + 1000 * kSecond);
        QVERIFY(analyzer.takeAttackEvents().ended.isEmpty());
    }

    // The capture clock stands still after the file: the wall clock runs it on, and the attacks
    // end one timeout (300 s) after the first poll that saw the last packet's time.
    void endsByTheWallClockAndFiles()
    {
        QTemporaryDir dir;
        BackscatterSettings settings;
        settings.monitoredPrefixes.append({0xCB007100U, 24}); // 203.0.113.0/24
        BackscatterAnalyzer analyzer(settings);
        const QString directory = dir.filePath(QStringLiteral("backscatter"));
        BackscatterReporter reporter(&analyzer, directory);
        reporter.poll(kWall); // nothing yet
        feedSynthetic(analyzer);
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(QStringLiteral("^attack detected: victim "
                                                               "198\\.51\\.100\\.10 TCP, \\d+ packets, "
                                                               "max \\d+ ppm, estimated \\d+ pps$")));
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack detected: victim 192\\.0\\.2\\.30 UDP")));
        reporter.poll(kWall + kSecond);
        QCOMPARE(reporter.detectedAttacks(), 2ULL);
        // The capture clock stopped at 119.5 s; 192.0.2.30's last packet was at 91.2 s.
        reporter.poll(kWall + 272 * kSecond); // 299.3 s after it: not yet
        QCOMPARE(reporter.endedAttacks(), 0ULL);
        QVERIFY(!QDir(directory).exists());
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack ended: victim 192\\.0\\.2\\.30 UDP, "
                                                         "90 packets in 89\\.0 s, max 60 ppm, estimated "
                                                         "\\d+ pps$")));
        reporter.poll(kWall + 274 * kSecond); // 301.3 s
        QCOMPARE(reporter.endedAttacks(), 1ULL);
        const QString path = reporter.filePath(kWall + 274 * kSecond);
        QCOMPARE(path, directory + QStringLiteral("/attacks-2026-12-02.ndjson"));
        QCOMPARE(readLines(path).size(), 1);
        QTest::ignoreMessage(
            QtInfoMsg,
            QRegularExpression(QStringLiteral("^attack ended: victim 198\\.51\\.100\\.10 TCP, 270 "
                                              "packets in 119\\.5 s, max \\d+ ppm, estimated %1 pps$")
                                   .arg(270 / 119.5 * 16777216.0, 0, 'f', 0)));
        reporter.poll(kWall + 300 * kSecond); // 299 s after the last packet of 198.51.100.10
        QCOMPARE(reporter.endedAttacks(), 1ULL);
        reporter.poll(kWall + 302 * kSecond); // 301 s
        QCOMPARE(reporter.endedAttacks(), 2ULL);
        QCOMPARE(reporter.linesWritten(), 2ULL);
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QLatin1String("victim")).toString(), QStringLiteral("192.0.2.30"));
        QCOMPARE(lines[0].value(QLatin1String("protocol")).toString(), QStringLiteral("UDP"));
        QCOMPARE(lines[1].value(QLatin1String("victim")).toString(), QStringLiteral("198.51.100.10"));
        QCOMPARE(lines[1].value(QLatin1String("packets")).toInteger(), 270);
        QCOMPARE(lines[1].value(QLatin1String("active")).toBool(true), false);
        QCOMPARE(lines[1].value(QLatin1String("estimated_pps")).toDouble(), 270 / 119.5 * 16777216.0);
        // The finish() of a server with nothing active adds nothing.
        reporter.finish(kWall + 303 * kSecond);
        QCOMPARE(readLines(path).size(), 2);
    }

    // At shutdown the attacks still active are written with "active": true; no directory, no file.
    void finishWritesActiveAttacks()
    {
        QTemporaryDir dir;
        BackscatterAnalyzer analyzer;
        BackscatterReporter reporter(&analyzer, dir.path());
        feedSynthetic(analyzer);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack detected: ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack detected: ")));
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack still active at shutdown: victim 198")));
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack still active at shutdown: victim 192")));
        reporter.finish(kWall);
        const QList<QJsonObject> lines = readLines(reporter.filePath(kWall));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QLatin1String("active")).toBool(false), true);
        QCOMPARE(lines[1].value(QLatin1String("active")).toBool(false), true);

        BackscatterAnalyzer quiet;
        BackscatterReporter logOnly(&quiet, QString());
        feedSynthetic(quiet);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        logOnly.finish(kWall);
        QCOMPARE(logOnly.linesWritten(), 0ULL);
        QCOMPARE(logOnly.writeErrors(), 0ULL);
    }

    // With an evidence directory, each ended attack's packets are written there and the line names
    // the file; a second file of the same name is numbered.
    void evidenceFiles()
    {
        QTemporaryDir dir;
        BackscatterAnalyzer analyzer;
        BackscatterReporter reporter(&analyzer, dir.path());
        const QString evidence = dir.filePath(QStringLiteral("evidence"));
        reporter.setEvidenceDirectory(evidence);
        feedSynthetic(analyzer);
        analyzer.expire(kT0 + 1000 * kSecond);
        for (int i = 0; i < 4; ++i) {
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        }
        reporter.poll(kWall);
        QCOMPARE(reporter.endedAttacks(), 2ULL);
        QCOMPARE(reporter.evidenceFiles(), 2ULL);
        const QList<QJsonObject> lines = readLines(reporter.filePath(kWall));
        QCOMPARE(lines.size(), 2);
        for (const QJsonObject &line : lines) {
            const QString path = line.value(QLatin1String("evidence_file")).toString();
            QVERIFY2(path.startsWith(evidence + QLatin1Char('/')) && path.endsWith(QStringLiteral(".pcap")),
                     qPrintable(path));
            QFile pcap(path);
            QVERIFY(pcap.open(QIODevice::ReadOnly));
            const QByteArray bytes = pcap.readAll();
            QVERIFY(bytes.startsWith("\xd4\xc3\xb2\xa1") || bytes.startsWith("\x4d\x3c\xb2\xa1"));
            QVERIFY(!line.contains(QLatin1String("evidence_unavailable")));
        }
        QCOMPARE(QDir(evidence).entryList(QDir::Files).size(), 2);

        // The same attacks again (a restart replaying the capture): numbered, nothing overwritten.
        BackscatterAnalyzer again;
        BackscatterReporter second(&again, dir.path());
        second.setEvidenceDirectory(evidence);
        feedSynthetic(again);
        again.expire(kT0 + 1000 * kSecond);
        for (int i = 0; i < 4; ++i) {
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        }
        second.poll(kWall);
        QCOMPARE(second.evidenceFiles(), 2ULL);
        const QStringList files = QDir(evidence).entryList(QDir::Files);
        QCOMPARE(files.size(), 4);
        QCOMPARE(files.filter(QRegularExpression(QStringLiteral("-2\\.pcap$"))).size(), 2);
    }

    // Evidence off in the analyzer: no file, and the line says why.
    void evidenceUnavailable()
    {
        QTemporaryDir dir;
        BackscatterSettings settings;
        settings.evidence.firstPackets = 0;
        settings.evidence.recentPackets = 0;
        BackscatterAnalyzer analyzer(settings);
        BackscatterReporter reporter(&analyzer, dir.path());
        reporter.setEvidenceDirectory(dir.filePath(QStringLiteral("evidence")));
        feedSynthetic(analyzer);
        analyzer.expire(kT0 + 1000 * kSecond);
        for (int i = 0; i < 4; ++i) {
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        }
        reporter.poll(kWall);
        QCOMPARE(reporter.evidenceFiles(), 0ULL);
        for (const QJsonObject &line : readLines(reporter.filePath(kWall))) {
            QVERIFY(line.value(QLatin1String("evidence_file")).isNull());
            QVERIFY(!line.value(QLatin1String("evidence_unavailable")).toString().isEmpty());
        }
        QVERIFY(!QDir(dir.filePath(QStringLiteral("evidence"))).exists());
    }

    void unwritableDirectory()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BackscatterAnalyzer analyzer;
        // A directory below a regular file cannot be created.
        BackscatterReporter reporter(&analyzer, dir.filePath(QStringLiteral("file/backscatter")));
        feedSynthetic(analyzer);
        analyzer.expire(kT0 + 1000 * kSecond);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^cannot append to .*file/backscatter/attacks-")));
        reporter.poll(kWall);
        QCOMPARE(reporter.endedAttacks(), 2ULL);
        QCOMPARE(reporter.writeErrors(), 1ULL);
        QCOMPARE(reporter.linesWritten(), 0ULL);
    }
};

QTEST_GUILESS_MAIN(TestBackscatterReporter)
#include "tst_backscatterreporter.moc"
