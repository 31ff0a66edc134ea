// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Live backscatter: a real TLS sensor streams a capture (type 1) to a real d4-server; a
// WorkerManager in this process, with the BackscatterTap, reads the streams and the attacks appear,
// with the same evidence packets as when the file is analysed offline.

#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscattertap.h"
#include "analyzers/backscatter/evidencewriter.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "ingest/ingesttestbase.h"
#include "workers/workermanager.h"

using namespace d4::test;
using namespace d4::analyzers::backscatter;

class TestBackscatterLive : public IngestTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    void sensorStreamShowsAttacks()
    {
        D4ServerProcess server; // workers off: the manager below consumes the streams
        QVERIFY2(server.start(m_redis), qPrintable(server.errorString()));

        BackscatterAnalyzer analyzer;
        BackscatterTap tap(&analyzer);
        QTemporaryDir save;
        d4::workers::WorkerSettings settings;
        settings.redis.stream = m_redis.endpoint(D4ServerProcess::kStreamDb);
        settings.redis.metadata = m_redis.endpoint(D4ServerProcess::kMetadataDb);
        settings.redis.analyzer = m_redis.endpoint(D4ServerProcess::kAnalyzerDb);
        settings.saveDirectory = save.path();
        d4::workers::WorkerManager manager(settings);
        manager.addTap(&tap);
        QString error;
        QVERIFY2(manager.start(error), qPrintable(error));

        QFile file(testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray capture = file.readAll();
        TestSensor sensor(newUuid(), 1);
        QVERIFY(sensor.connectTo(server.port()));
        // Odd chunk sizes: records are split across D4 packets.
        for (qsizetype offset = 0; offset < capture.size(); offset += 1000) {
            QVERIFY(sensor.send(capture.mid(offset, 1000)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(tap.records(), 436ULL, 15000);
        const BackscatterSnapshot snapshot = analyzer.snapshot();
        QCOMPARE(snapshot.counters.packets, 436ULL);
        QCOMPARE(snapshot.attacks.size(), 2);
        QCOMPARE(snapshot.attacks[0].victim, 0xC633640AU); // 198.51.100.10
        QCOMPARE(snapshot.attacks[0].packets, 270ULL);
        QCOMPARE(snapshot.attacks[1].victim, 0xC000021EU); // 192.0.2.30
        QCOMPARE(tap.rejectedBatches(), 0ULL);

        // Evidence of live attacks: the same packets as an offline analysis of the file keeps
        // (checked against the raw input by tst_attackevidence), written as a pcap that reads back.
        BackscatterAnalyzer offline;
        d4::capture::PacketPipeline pipeline;
        pipeline.addSink(&offline);
        QVERIFY(
            d4::capture::CaptureFileReader::read(file.fileName(), [&](const d4::capture::CapturePacket &p) {
                pipeline.onPacket(p);
            }).ok());
        const BackscatterSnapshot expected = offline.snapshot();
        QCOMPARE(expected.attacks.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(snapshot.attacks[i].evidence.keptPackets(), 50);
            QCOMPARE(snapshot.attacks[i].evidence.packets(), expected.attacks[i].evidence.packets());
        }
        const QString path = save.filePath(EvidenceWriter::fileName(snapshot.attacks[0]));
        QVERIFY2(EvidenceWriter::write(snapshot.attacks[0], path, error), qPrintable(error));
        QList<EvidencePacket> read;
        QVERIFY(d4::capture::CaptureFileReader::read(path, [&read](const d4::capture::CapturePacket &p) {
                    read.append(
                        {p.timestampNs, p.linkType, p.originalLength,
                         QByteArray(reinterpret_cast<const char *>(p.data), qsizetype(p.capturedLength))});
                }).ok());
        QCOMPARE(read, snapshot.attacks[0].evidence.packets());
        sensor.close();
        manager.stop();
        QVERIFY(server.stop());
    }
};

QTEST_GUILESS_MAIN(TestBackscatterLive)
#include "tst_backscatterlive.moc"
