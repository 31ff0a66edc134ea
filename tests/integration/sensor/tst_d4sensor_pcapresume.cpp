// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-sensor streaming a libpcap capture to the real d4-server, which drops the connection twice
// mid-stream (a kick): every session must be a capture of its own (docs/d4-sensor.md,
// "Reconnection").

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QtEndian>

#include "capture/capturefilereader.h"
#include "sensortestconfig.h"
#include "workers/pcapframer.h"
#include "workers/workertestbase.h"

using namespace d4::test;
using d4::workers::PcapFramer;

namespace {

constexpr int kWaitMs = 20000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** Offsets of the records of a little-endian libpcap file. */
QList<qsizetype> recordStarts(const QByteArray &capture)
{
    QList<qsizetype> starts;
    qsizetype offset = 24;
    while (offset + 16 <= capture.size()) {
        starts.append(offset);
        offset += 16 + qFromLittleEndian<quint32>(capture.constData() + offset + 8);
    }
    return starts;
}

/** Where the record holding byte @p offset starts. */
qsizetype recordStartAt(const QList<qsizetype> &starts, qsizetype offset)
{
    qsizetype start = 24;
    for (const qsizetype s : starts) {
        if (s <= offset) {
            start = s;
        }
    }
    return start;
}

/** Waits, without an event loop (the server is another process), until @p done or the timeout. */
template <typename Condition> bool waitUntil(Condition done, int timeoutMs = kWaitMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

} // namespace

class TestD4SensorPcapResume : public WorkerTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void everySessionIsACaptureOfItsOwn()
    {
        D4ServerProcess server;
        server.setServerOptions(serverOptions());
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));
        const QByteArray capture =
            readFile(testDataPath(QStringLiteral("pcap/amp.TCP.reflection.SYNACK.pcap")));
        QCOMPARE(capture.size(), 643499);
        const QList<qsizetype> starts = recordStarts(capture);
        QCOMPARE(starts.size(), 8000);
        // The connection is lost twice: once inside a record header, once inside a record's data.
        const qsizetype cut1 = recordStartAt(starts, 200000) + 7;
        const qsizetype cut2 = recordStartAt(starts, 420000) + 40;
        QVERIFY(cut2 <
                recordStartAt(starts, 420000) + 16 +
                    qFromLittleEndian<quint32>(capture.constData() + recordStartAt(starts, 420000) + 8));
        const QList<qsizetype> cuts = {0, cut1, cut2, capture.size()};
        // What each session's file must hold: the records from the interrupted one on, up to the
        // one interrupted next (the old session ends with it truncated, the server drops that).
        const QList<qsizetype> boundaries = {24, recordStartAt(starts, cut1), recordStartAt(starts, cut2),
                                             capture.size()};

        SensorTestConfig config;
        config.set(QStringLiteral("destination"), "127.0.0.1:" + QByteArray::number(server.port()) + '\n');
        const QByteArray uuid = QByteArray(SensorTestConfig::kUuid).replace('-', "");
        QProcess sensor;
        config.prepare(sensor, {QStringLiteral("--pin"), server.fingerprint(), QStringLiteral("--retry-max"),
                                QStringLiteral("1"), QStringLiteral("-v")});
        sensor.start();
        QVERIFY(sensor.waitForStarted(5000));
        const auto stopSensor = qScopeGuard([&sensor] {
            if (sensor.state() != QProcess::NotRunning) {
                sensor.kill();
                sensor.waitForFinished(5000);
            }
        });

        for (int part = 0; part < 3; ++part) {
            sensor.write(capture.mid(cuts[part], cuts[part + 1] - cuts[part]));
            QVERIFY(waitUntil([&] {
                sensor.waitForBytesWritten(10);
                return sensor.bytesToWrite() == 0;
            }));
            if (part == 2) {
                break;
            }
            // The session's file holds every complete record sent so far.
            const qint64 expected = 24 + boundaries[part + 1] - boundaries[part];
            QStringList open;
            QVERIFY2(waitUntil([&] {
                         open = filesUnder(server.dataDirectory(), QStringLiteral("*.cap"));
                         return open.size() == 1 && QFileInfo(open.first()).size() == expected;
                     }),
                     qPrintable(QStringLiteral("part %1: %2, expected one file of %3 bytes; Error: %4")
                                    .arg(part)
                                    .arg(open.join(u' '))
                                    .arg(expected)
                                    .arg(QString::fromUtf8(
                                        meta({"HGET", "metadata_uuid:" + uuid, "Error"}).string))));
            QElapsedTimer sinceFileSeen; // file names have a resolution of one second
            sinceFileSeen.start();
            // The server drops the sensor's connection; the sensor only notices when it next writes.
            streams({"SADD", "server:sensor_to_kick", uuid});
            QVERIFY(waitUntil([&] {
                return streams({"SCARD", "server:sensor_to_kick"}).integer == 0 &&
                       streams({"SISMEMBER", "active_connection:1", uuid}).integer == 0;
            }));
            streams({"DEL", "temp_blacklist_uuid:" + uuid}); // the 30-s lock-out is not the subject
            QVERIFY(waitUntil(
                [&] { return filesUnder(server.dataDirectory(), QStringLiteral("*.cap")).isEmpty(); }));
            QTest::qWait(static_cast<int>(qMax<qint64>(0, 1100 - sinceFileSeen.elapsed())));
        }
        sensor.closeWriteChannel();
        QVERIFY(sensor.waitForFinished(kWaitMs));
        const QByteArray log = sensor.readAllStandardError();
        QVERIFY2(sensor.exitStatus() == QProcess::NormalExit && sensor.exitCode() == 0, log.constData());
        QCOMPARE(log.count("the server closed the connection"), 2);
        QCOMPARE(log.count("the new session starts a capture of its own"), 2);

        QStringList files;
        QVERIFY(waitUntil([&] {
            files = filesUnder(server.dataDirectory(), QStringLiteral("*.cap*"));
            return files.size() == 3 && std::all_of(files.cbegin(), files.cend(), [](const QString &file) {
                       return file.endsWith(QStringLiteral(".cap.gz"));
                   });
        }));
        // Sorted by name, which is the time each session's file was opened.
        QByteArray allRecords;
        for (int session = 0; session < 3; ++session) {
            const QString &file = files[session];
            QVERIFY2(file.contains(QStringLiteral("/%1/1/").arg(QString::fromLatin1(uuid))),
                     qPrintable(file));
            const QByteArray content = gunzip(file);
            QCOMPARE(content.left(24), capture.left(24));
            PcapFramer framer;
            QByteArray records;
            int count = 0;
            QVERIFY(framer.feed(content, records, count));
            QCOMPARE(framer.state(), capture.left(24)); // whole records only
            QCOMPARE(records,
                     capture.mid(boundaries[session], boundaries[session + 1] - boundaries[session]));
            // And record by record, through the capture reader the console uses.
            quint64 packets = 0;
            const auto summary = d4::capture::CaptureFileReader::read(
                file, [&packets](const d4::capture::CapturePacket &) { ++packets; });
            QVERIFY2(summary.ok(), qPrintable(file));
            QCOMPARE(summary.format, QStringLiteral("pcap"));
            QCOMPARE(summary.truncatedBytes, 0u);
            QCOMPARE(packets, static_cast<quint64>(count));
            QCOMPARE(summary.packets, static_cast<quint64>(count));
            allRecords += records;
        }
        // Over the three sessions: every record of the capture, once.
        QCOMPARE(allRecords, capture.mid(24));
        QCOMPARE(PcapFramer::decode(allRecords, false).size(), 8000);
        QVERIFY(meta({"HGET", "metadata_uuid:" + uuid, "Error"}).string.isEmpty());
        QCOMPARE(streams({"SCARD", "Error:IncorrectType"}).integer, 0LL);
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestD4SensorPcapResume)
#include "tst_d4sensor_pcapresume.moc"
