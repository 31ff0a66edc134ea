// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Evidence packets of backscatter vectors: the first/recent bounds, the counters of packets not
// kept, the analyzer's memory budget, the release of vectors ending below the thresholds, and the
// written file re-read with the capture reader and compared packet by packet with the input
// packets of each victim (tests/data/pcap/backscatter-synthetic.pcap).

#include <QHash>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/classification.h"
#include "analyzers/backscatter/evidencewriter.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "testenvironment.h"

using namespace d4::analyzers::backscatter;
using d4::capture::CaptureFileReader;
using d4::capture::CapturePacket;
using d4::capture::PacketPipeline;

namespace {

/** The packet of number @p n: its bytes say n, so that order and identity can be checked. */
CapturePacket numbered(int n, QByteArray &storage)
{
    storage = QByteArray(40 + n % 7, char(n & 0xFF));
    CapturePacket packet;
    packet.timestampNs = 1700000000LL * 1000000000LL + n * 1000LL;
    packet.linkType = 1;
    packet.capturedLength = static_cast<quint32>(storage.size());
    packet.originalLength = packet.capturedLength + 10;
    packet.data = reinterpret_cast<const uchar *>(storage.constData());
    return packet;
}

EvidencePacket expected(int n)
{
    QByteArray bytes;
    const CapturePacket packet = numbered(n, bytes);
    return {packet.timestampNs, packet.linkType, packet.originalLength, bytes};
}

qint64 costOf(const QList<EvidencePacket> &packets)
{
    qint64 bytes = 0;
    for (const EvidencePacket &packet : packets) {
        bytes += packet.data.size() + AttackEvidence::kPacketOverhead;
    }
    return bytes;
}

quint32 ip(const char *text)
{
    return QHostAddress(QLatin1String(text)).toIPv4Address();
}

QString dataFile(const char *name)
{
    return d4::test::testDataPath(QStringLiteral("pcap/") + QLatin1String(name));
}

/** A sink recording, per (victim, protocol) vector key, every backscatter packet as evidence. */
class VictimPackets final : public d4::capture::PacketSink
{
public:
    void onPacket(const CapturePacket &packet, const d4::capture::DecodedPacket &decoded) override
    {
        if (!decoded.isIp() || decoded.source.version != 4) {
            return;
        }
        const Classification c = classify(decoded, false);
        if (!isBackscatter(c.cls)) {
            return;
        }
        const quint64 key = static_cast<quint64>(c.victim.v4) << 8 | c.protocol;
        m_packets[key].append({packet.timestampNs, packet.linkType, packet.originalLength,
                               QByteArray(reinterpret_cast<const char *>(packet.data),
                                          static_cast<qsizetype>(packet.capturedLength))});
    }
    QList<EvidencePacket> of(quint32 victim, quint8 protocol) const
    {
        return m_packets.value(static_cast<quint64>(victim) << 8 | protocol);
    }

private:
    QHash<quint64, QList<EvidencePacket>> m_packets;
};

/** Reads @p path with the project's capture reader. */
QList<EvidencePacket> readBack(const QString &path, bool &ok)
{
    QList<EvidencePacket> packets;
    const auto summary = CaptureFileReader::read(path, [&packets](const CapturePacket &p) {
        packets.append(
            {p.timestampNs, p.linkType, p.originalLength,
             QByteArray(reinterpret_cast<const char *>(p.data), static_cast<qsizetype>(p.capturedLength))});
    });
    ok = summary.ok() && summary.truncatedBytes == 0;
    return packets;
}

} // namespace

class TestAttackEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsKeepEvidence()
    {
        const BackscatterSettings settings;
        QVERIFY(settings.evidence.enabled());
        QCOMPARE(settings.evidence.firstPackets, 25);
        QCOMPARE(settings.evidence.recentPackets, 25);
        QCOMPARE(settings.evidenceMaxBytes, 64LL * 1024 * 1024);
    }

    // The first N, then the M most recent in arrival order; the rest counted as omitted.
    void firstAndRecentBounds()
    {
        AttackEvidence evidence;
        const EvidenceLimits limits{5, 3};
        qint64 bytes = 0;
        for (int n = 0; n < 100; ++n) {
            QByteArray storage;
            const CapturePacket packet = numbered(n, storage);
            bytes += evidence.add(packet, packet.timestampNs, limits, 1 << 20);
            QVERIFY(evidence.keptPackets() <= 8);
        }
        const QList<EvidencePacket> kept = evidence.packets();
        const QList<EvidencePacket> wanted{expected(0), expected(1),  expected(2),  expected(3),
                                           expected(4), expected(97), expected(98), expected(99)};
        QCOMPARE(kept, wanted);
        QCOMPARE(evidence.omitted(), 92ULL);
        QCOMPARE(evidence.refused(), 0ULL);
        QCOMPARE(evidence.notKept(), 92ULL);
        QCOMPARE(evidence.memoryBytes(), costOf(wanted));
        QCOMPARE(bytes, costOf(wanted));
    }

    void fewerPacketsThanTheBoundsAreAllKept()
    {
        AttackEvidence evidence;
        for (int n = 0; n < 6; ++n) {
            QByteArray storage;
            const CapturePacket packet = numbered(n, storage);
            evidence.add(packet, packet.timestampNs, EvidenceLimits{5, 3}, 1 << 20);
        }
        QCOMPARE(evidence.packets(), (QList<EvidencePacket>{expected(0), expected(1), expected(2),
                                                            expected(3), expected(4), expected(5)}));
        QCOMPARE(evidence.notKept(), 0ULL);
    }

    void withoutRingOnlyTheFirstAreKept()
    {
        AttackEvidence evidence;
        for (int n = 0; n < 10; ++n) {
            QByteArray storage;
            const CapturePacket packet = numbered(n, storage);
            evidence.add(packet, packet.timestampNs, EvidenceLimits{2, 0}, 1 << 20);
        }
        QCOMPARE(evidence.packets(), (QList<EvidencePacket>{expected(0), expected(1)}));
        QCOMPARE(evidence.omitted(), 8ULL);
    }

    // The budget is never exceeded; refused packets are counted.
    void budgetRefusesAndCounts()
    {
        AttackEvidence evidence;
        const qint64 budget = 3 * (46 + AttackEvidence::kPacketOverhead);
        qint64 used = 0;
        for (int n = 0; n < 10; ++n) {
            QByteArray storage;
            const CapturePacket packet = numbered(n, storage);
            used += evidence.add(packet, packet.timestampNs, EvidenceLimits{10, 0}, budget - used);
            QVERIFY(used <= budget);
        }
        QVERIFY(evidence.refused() > 0);
        QCOMPARE(evidence.keptPackets() + static_cast<qsizetype>(evidence.refused()), 10);
        QCOMPARE(evidence.memoryBytes(), used);
    }

    void releaseFreesEverything()
    {
        AttackEvidence evidence;
        for (int n = 0; n < 4; ++n) {
            QByteArray storage;
            const CapturePacket packet = numbered(n, storage);
            evidence.add(packet, packet.timestampNs, EvidenceLimits{2, 1}, 1 << 20);
        }
        const qint64 held = evidence.memoryBytes();
        QCOMPARE(evidence.release(AttackEvidence::Release::BelowThresholds), held);
        QVERIFY(evidence.isEmpty());
        QVERIFY(evidence.isReleased());
        QCOMPARE(evidence.memoryBytes(), 0);
        QCOMPARE(evidence.notKept(), 4ULL);
    }

    // The real synthetic telescope capture: each attack's evidence is the first 4 and last 3
    // backscatter packets of its victim; the written file reads back to exactly those packets.
    void attacksOfARealCaptureWriteTheirPackets()
    {
        BackscatterSettings settings;
        settings.evidence = EvidenceLimits{4, 3};
        BackscatterAnalyzer analyzer(settings);
        VictimPackets reference;
        PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        pipeline.addSink(&reference);
        QVERIFY(CaptureFileReader::read(dataFile("backscatter-synthetic.pcap"), [&](const CapturePacket &p) {
                    pipeline.onPacket(p);
                }).ok());
        const BackscatterSnapshot snapshot = analyzer.snapshot();
        QCOMPARE(snapshot.attacks.size(), 2);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qint64 held = 0;
        for (const AttackRecord &attack : snapshot.attacks) {
            const QList<EvidencePacket> input = reference.of(attack.victim, attack.protocol);
            QCOMPARE(static_cast<quint64>(input.size()), attack.packets);
            const QList<EvidencePacket> wanted = input.first(4) + input.last(3);
            QCOMPARE(attack.evidence.packets(), wanted);
            QCOMPARE(attack.evidence.notKept(), attack.packets - 7);
            held += attack.evidence.memoryBytes();

            const QString path = dir.filePath(EvidenceWriter::fileName(attack));
            QString error;
            QVERIFY2(EvidenceWriter::write(attack, path, error), qPrintable(error));
            bool ok = false;
            const QList<EvidencePacket> read = readBack(path, ok);
            QVERIFY(ok);
            QCOMPARE(read.size(), wanted.size());
            for (qsizetype i = 0; i < read.size(); ++i) {
                QCOMPARE(read[i].timestampNs, wanted[i].timestampNs);
                QCOMPARE(read[i].linkType, 1U);
                QCOMPARE(read[i].originalLength, wanted[i].originalLength);
                QCOMPARE(read[i].data, wanted[i].data);
            }
        }
        QCOMPARE(snapshot.attacks[0].victim, ip("198.51.100.10"));
        QCOMPARE(EvidenceWriter::fileName(snapshot.attacks[0]),
                 QStringLiteral("198.51.100.10-tcp-20231114T221320.000000000Z.pcap"));
        // The vectors below the thresholds (B and E) are still active and keep theirs until they end.
        QVERIFY(snapshot.counters.evidenceBytes > held);
        QCOMPARE(snapshot.counters.evidenceRefused, 0ULL);

        // Once every vector has ended, only the attacks hold evidence.
        analyzer.expire(snapshot.counters.lastNs + settings.inactivityTimeoutNs + 1);
        const BackscatterSnapshot ended = analyzer.snapshot();
        QCOMPARE(ended.attacks.size(), 2);
        QCOMPARE(ended.counters.evidenceReleased, 2ULL); // B and E
        QCOMPARE(ended.counters.evidenceBytes, held);
        for (const AttackRecord &attack : ended.attacks) {
            QCOMPARE(attack.evidence.keptPackets(), 7);
        }
    }

    // The analyzer's budget bounds all vectors together and counts what it refuses.
    void analyzerBudgetIsGlobal()
    {
        BackscatterSettings settings;
        settings.thresholds.minPackets = 1;
        settings.thresholds.minDurationNs = 0;
        settings.thresholds.minWindowPackets = 1;
        settings.evidenceMaxBytes = 100000;
        BackscatterAnalyzer analyzer(settings);
        PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        QVERIFY(
            CaptureFileReader::read(dataFile("amp.TCP.reflection.SYNACK.pcap"), [&](const CapturePacket &p) {
                pipeline.onPacket(p);
            }).ok());
        const BackscatterSnapshot s = analyzer.snapshot();
        QCOMPARE(s.attacks.size(), 7039);
        qint64 held = 0;
        quint64 kept = 0;
        quint64 refused = 0;
        for (const AttackRecord &attack : s.attacks) {
            held += attack.evidence.memoryBytes();
            kept += static_cast<quint64>(attack.evidence.keptPackets());
            refused += attack.evidence.refused();
            QCOMPARE(static_cast<quint64>(attack.evidence.keptPackets()) + attack.evidence.notKept(),
                     attack.packets);
        }
        QCOMPARE(s.counters.evidenceBytes, held);
        QVERIFY(held <= settings.evidenceMaxBytes);
        QVERIFY(held > settings.evidenceMaxBytes - 2000); // filled, not stopped early
        QCOMPARE(s.counters.evidenceRefused, refused);
        QCOMPARE(kept + refused, s.counters.backscatter()); // every packet is one or the other
        QVERIFY(refused > 5000);
    }

    // When the budget is spent, the oldest ended attacks give their packets to newer vectors.
    void endedAttacksGiveWayToNewerOnes()
    {
        BackscatterSettings settings;
        settings.evidenceMaxBytes = 24000; // one pass of the capture fits, two do not
        BackscatterAnalyzer analyzer(settings);
        PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        const auto pass = [&](qint64 shiftNs) {
            return CaptureFileReader::read(dataFile("backscatter-synthetic.pcap"),
                                           [&](const CapturePacket &p) {
                                               CapturePacket shifted = p;
                                               shifted.timestampNs += shiftNs;
                                               pipeline.onPacket(shifted);
                                           })
                .ok();
        };
        QVERIFY(pass(0));
        const BackscatterSnapshot first = analyzer.snapshot();
        analyzer.expire(first.counters.lastNs + settings.inactivityTimeoutNs + 1);
        const BackscatterSnapshot ended = analyzer.snapshot();
        QCOMPARE(ended.attacks.size(), 2);
        QCOMPARE(ended.counters.evidenceReclaimed, 0ULL);
        for (const AttackRecord &attack : ended.attacks) {
            QCOMPARE(attack.evidence.keptPackets(), 50);
        }

        QVERIFY(pass(24LL * 3600 * 1000000000LL)); // the same traffic a day later
        const BackscatterSnapshot s = analyzer.snapshot();
        QCOMPARE(s.attacks.size(), 4);
        QVERIFY(s.counters.evidenceBytes <= settings.evidenceMaxBytes);
        QCOMPARE(s.counters.evidenceRefused, 0ULL);
        QVERIFY(s.counters.evidenceReclaimed >= 1);
        quint64 gaveWay = 0;
        for (const AttackRecord &attack : s.attacks) {
            if (attack.startNs < ended.counters.lastNs) { // the first day's attacks
                if (attack.evidence.releaseReason() == AttackEvidence::Release::ForNewerAttacks) {
                    ++gaveWay;
                    QVERIFY(attack.evidence.isEmpty());
                    QVERIFY(
                        EvidenceWriter::unavailableReason(attack).contains(QStringLiteral("newer attacks")));
                }
            } else {
                QCOMPARE(attack.evidence.keptPackets(), 50);
            }
        }
        QCOMPARE(gaveWay, s.counters.evidenceReclaimed);
    }

    void evidenceOffKeepsNothing()
    {
        BackscatterSettings settings;
        settings.evidence = EvidenceLimits{0, 0};
        BackscatterAnalyzer analyzer(settings);
        PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        QVERIFY(CaptureFileReader::read(dataFile("backscatter-synthetic.pcap"), [&](const CapturePacket &p) {
                    pipeline.onPacket(p);
                }).ok());
        const BackscatterSnapshot s = analyzer.snapshot();
        QCOMPARE(s.attacks.size(), 2);
        QVERIFY(s.attacks[0].evidence.isEmpty());
        QCOMPARE(s.counters.evidenceBytes, 0);
        QString error;
        QVERIFY(
            !EvidenceWriter::write(s.attacks[0], QStringLiteral("/nonexistent/never-written.pcap"), error));
        QVERIFY2(error.contains(QStringLiteral("198.51.100.10")), qPrintable(error));
        QVERIFY(!EvidenceWriter::unavailableReason(s.attacks[0]).isEmpty());
    }

    void resetForgetsTheEvidence()
    {
        BackscatterAnalyzer analyzer;
        PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        QVERIFY(CaptureFileReader::read(dataFile("backscatter-synthetic.pcap"), [&](const CapturePacket &p) {
                    pipeline.onPacket(p);
                }).ok());
        QVERIFY(analyzer.snapshot().counters.evidenceBytes > 0);
        analyzer.reset();
        QCOMPARE(analyzer.snapshot().counters.evidenceBytes, 0);
    }
};

QTEST_GUILESS_MAIN(TestAttackEvidence)
#include "tst_attackevidence.moc"
