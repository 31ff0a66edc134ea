// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The analyzer's attack events and BackscatterReporter on backscatter-synthetic.pcap (attacks known
// by construction): detection when a vector reaches the thresholds, end by the wall clock once the
// capture clock stands still, the NDJSON lines, the bound on pending events, shutdown and errors;
// the files written off the caller's thread (a burst of 5,000 ended attacks), in order, filed before
// logged, drained at shutdown, and the bound of the writer's queue.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

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

/** A raw IPv4 (link type 101) TCP SYN/ACK from @p victim: the backscatter of a SYN flood on it. */
QByteArray synAck(quint32 victim, quint32 telescope)
{
    QByteArray packet(40, '\0');
    auto *d = reinterpret_cast<uchar *>(packet.data());
    d[0] = 0x45; // IPv4, 20-byte header
    qToBigEndian<quint16>(40, d + 2);
    d[8] = 64; // TTL
    d[9] = 6;  // TCP
    qToBigEndian(victim, d + 12);
    qToBigEndian(telescope, d + 16);
    quint32 sum = 0;
    for (int i = 0; i < 20; i += 2) {
        sum += qFromBigEndian<quint16>(d + i);
    }
    sum = (sum & 0xFFFF) + (sum >> 16);
    qToBigEndian<quint16>(quint16(~(sum + (sum >> 16))), d + 10);
    qToBigEndian<quint16>(80, d + 20);
    qToBigEndian<quint16>(40000, d + 22);
    d[32] = 0x50; // data offset 5
    d[33] = 0x12; // SYN and ACK
    qToBigEndian<quint16>(65535, d + 34);
    return packet;
}

/** One SYN/ACK from each of @p victims distinct victims (10.0.0.1 on), a microsecond apart. */
void feedVictims(BackscatterAnalyzer &analyzer, int victims)
{
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&analyzer);
    for (int i = 0; i < victims; ++i) {
        const QByteArray packet = synAck(0x0A000001U + quint32(i), 0xCB007101U);
        d4::capture::CapturePacket captured;
        captured.timestampNs = kT0 + i * 1000LL;
        captured.linkType = 101;
        captured.originalLength = captured.capturedLength = quint32(packet.size());
        captured.data = reinterpret_cast<const uchar *>(packet.constData());
        pipeline.onPacket(captured);
    }
}

/**
 * Records the "attack ended" lines (their victims and the threads that logged them) without printing
 * them, and how many lines the attacks file held when the first one was logged.
 */
struct EndedLog
{
    static inline QMutex mutex;
    static inline QStringList victims;
    static inline QSet<QThread *> threads;
    static inline QString file;
    static inline qsizetype linesAtFirst = -1;
    static inline QtMessageHandler previous = nullptr;

    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    explicit EndedLog(const QString &path)
    {
        victims.clear();
        threads.clear();
        file = path;
        linesAtFirst = -1;
        previous = qInstallMessageHandler(&EndedLog::handler);
    }
    ~EndedLog() { qInstallMessageHandler(previous); }
};

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

void EndedLog::handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("attack detected: "))) {
        return; // 5,000 of them
    }
    static const QRegularExpression ended(QStringLiteral("^attack ended: victim (\\S+) "));
    const QRegularExpressionMatch match = ended.match(message);
    if (!match.hasMatch()) {
        previous(type, context, message);
        return;
    }
    const QMutexLocker lock(&mutex);
    if (linesAtFirst < 0) {
        linesAtFirst = readLines(file).size();
    }
    victims.append(match.captured(1));
    threads.insert(QThread::currentThread());
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
        reporter.flush();
        feedSynthetic(analyzer);
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(QStringLiteral("^attack detected: victim "
                                                               "198\\.51\\.100\\.10 TCP, \\d+ packets, "
                                                               "max \\d+ ppm, estimated \\d+ pps$")));
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack detected: victim 192\\.0\\.2\\.30 UDP")));
        reporter.poll(kWall + kSecond);
        reporter.flush();
        QCOMPARE(reporter.detectedAttacks(), 2ULL);
        // The capture clock stopped at 119.5 s; 192.0.2.30's last packet was at 91.2 s.
        reporter.poll(kWall + 272 * kSecond); // 299.3 s after it: not yet
        reporter.flush();
        QCOMPARE(reporter.endedAttacks(), 0ULL);
        QVERIFY(!QDir(directory).exists());
        QTest::ignoreMessage(
            QtInfoMsg, QRegularExpression(QStringLiteral("^attack ended: victim 192\\.0\\.2\\.30 UDP, "
                                                         "90 packets in 89\\.0 s, max 60 ppm, estimated "
                                                         "\\d+ pps$")));
        reporter.poll(kWall + 274 * kSecond); // 301.3 s
        reporter.flush();
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
        reporter.flush();
        QCOMPARE(reporter.endedAttacks(), 1ULL);
        reporter.poll(kWall + 302 * kSecond); // 301 s
        reporter.flush();
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
        reporter.flush();
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
        second.flush();
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
        reporter.flush();
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
        reporter.flush();
        QCOMPARE(reporter.endedAttacks(), 2ULL);
        QCOMPARE(reporter.writeErrors(), 1ULL);
        QCOMPARE(reporter.linesWritten(), 0ULL);
    }

    // 5,000 attacks ending in one poll: poll() hands them over and returns; another thread writes
    // the 5,000 evidence pcaps and lines, in order, and logs each attack once the file has it.
    void burstIsWrittenOffTheCallerThread()
    {
        QTemporaryDir dir;
        BackscatterAnalyzer analyzer;
        analyzer.setThresholds({1, 0, 0});
        BackscatterReporter reporter(&analyzer, dir.path());
        const QString evidence = dir.filePath(QStringLiteral("evidence"));
        reporter.setEvidenceDirectory(evidence);
        feedVictims(analyzer, 5000);
        analyzer.expire(kT0 + 1000 * kSecond);
        EndedLog log(reporter.filePath(kWall));
        QElapsedTimer timer;
        timer.start();
        reporter.poll(kWall);
        const qint64 pollMs = timer.elapsed();
        QCOMPARE(reporter.detectedAttacks(), 5000ULL);
        reporter.flush();
        const qint64 writtenMs = timer.elapsed();
        qInfo("poll() returned after %lld ms; the files were written after %lld ms", pollMs, writtenMs);
        QVERIFY2(pollMs < 5000, qPrintable(QString::number(pollMs))); // loose: the caller is not held
        QCOMPARE(reporter.endedAttacks(), 5000ULL);
        QCOMPARE(reporter.droppedAttacks(), 0ULL);
        QCOMPARE(reporter.evidenceFiles(), 5000ULL);
        QCOMPARE(QDir(evidence).entryList(QDir::Files).size(), 5000);
        const QList<QJsonObject> lines = readLines(reporter.filePath(kWall));
        QCOMPARE(lines.size(), 5000);
        const QMutexLocker lock(&EndedLog::mutex);
        QCOMPARE(EndedLog::linesAtFirst, 5000); // the whole batch filed before the first line logged
        QCOMPARE(EndedLog::threads.size(), 1);
        QVERIFY(!EndedLog::threads.contains(QThread::currentThread()));
        // Logged in the order filed.
        QCOMPARE(EndedLog::victims.size(), 5000);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QCOMPARE(lines[i].value(QLatin1String("victim")).toString(), EndedLog::victims[i]);
        }
    }

    // What poll() handed over is written by finish(), and by the destructor, without a flush() (no
    // evidence here: 2,000 pcaps take long to write).
    void shutdownDrains()
    {
        QTemporaryDir dir;
        {
            BackscatterAnalyzer analyzer;
            analyzer.setThresholds({1, 0, 0});
            BackscatterReporter reporter(&analyzer, dir.filePath(QStringLiteral("finish")));
            feedVictims(analyzer, 2000);
            analyzer.expire(kT0 + 1000 * kSecond);
            EndedLog log(reporter.filePath(kWall));
            reporter.poll(kWall);
            reporter.finish(kWall);
            QCOMPARE(readLines(reporter.filePath(kWall)).size(), 2000);
            QCOMPARE(reporter.endedAttacks(), 2000ULL);
        }
        const QString destroyed = dir.filePath(QStringLiteral("destroyed"));
        {
            BackscatterAnalyzer analyzer;
            analyzer.setThresholds({1, 0, 0});
            EndedLog log(BackscatterFileWriter::filePath(destroyed, kWall));
            BackscatterReporter reporter(&analyzer, destroyed);
            feedVictims(analyzer, 2000);
            analyzer.expire(kT0 + 1000 * kSecond);
            reporter.poll(kWall);
        }
        QCOMPARE(readLines(BackscatterFileWriter::filePath(destroyed, kWall)).size(), 2000);
    }

    // The writer's queue is bounded: what does not fit is counted and warned about, not waited for;
    // the attacks still active at a shutdown are never dropped.
    void writerQueueBounded()
    {
        QTemporaryDir dir;
        BackscatterAnalyzer analyzer;
        BackscatterReporter reporter(&analyzer, dir.path(), 1);
        feedSynthetic(analyzer);
        analyzer.expire(kT0 + 1000 * kSecond);
        for (int i = 0; i < 3; ++i) { // two detected, one ended
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        }
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral(
                "^1 ended attacks not filed: more than 1 wait to be written \\( 1 so far\\)$")));
        reporter.poll(kWall);
        QCOMPARE(reporter.droppedAttacks(), 1ULL);
        reporter.flush();
        QCOMPARE(reporter.endedAttacks(), 1ULL);
        QCOMPARE(readLines(reporter.filePath(kWall)).size(), 1);

        BackscatterAnalyzer active;
        BackscatterReporter shutdown(&active, dir.filePath(QStringLiteral("active")), 1);
        feedSynthetic(active);
        for (int i = 0; i < 4; ++i) { // two detected, two still active
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^attack ")));
        }
        shutdown.finish(kWall);
        QCOMPARE(shutdown.droppedAttacks(), 0ULL);
        QCOMPARE(readLines(shutdown.filePath(kWall)).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBackscatterReporter)
#include "tst_backscatterreporter.moc"
