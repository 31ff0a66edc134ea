// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The backscatter analyzer against the checklist of spec backscatter.md §7 (items 2-5, 8, 15, 21,
// 23, 24) on the real samples, and on a synthetic capture whose attacks are known by construction.

#include <memory>

#include <QFile>
#include <QHostAddress>
#include <QSet>
#include <QTest>
#include <QtEndian>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscattertap.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "testenvironment.h"

using namespace d4::analyzers::backscatter;
using d4::capture::CaptureFileReader;
using d4::capture::PacketPipeline;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(D4_TEST_DATA_DIR "/pcap/") + QLatin1String(name);
}

quint64 classCount(const BackscatterSnapshot &s, BackscatterClass c)
{
    return s.counters.classes[static_cast<size_t>(c)];
}

quint32 ip(const char *text)
{
    return QHostAddress(QLatin1String(text)).toIPv4Address();
}

/** Runs @p file through a fresh analyzer with @p settings; PIBS lines go to @p pibsLines. */
BackscatterSnapshot analyze(const QString &file, const BackscatterSettings &settings = {},
                            QList<QByteArray> *pibsLines = nullptr, BackscatterAnalyzer **keep = nullptr)
{
    auto *analyzer = new BackscatterAnalyzer(settings);
    if (pibsLines) {
        analyzer->setPibsLineCallback([pibsLines](const QByteArray &line) { pibsLines->append(line); });
    }
    PacketPipeline pipeline;
    pipeline.addSink(analyzer);
    const auto summary =
        CaptureFileReader::read(file, [&](const d4::capture::CapturePacket &p) { pipeline.onPacket(p); });
    Q_ASSERT(summary.ok());
    BackscatterSnapshot snapshot = analyzer->snapshot();
    if (keep) {
        *keep = analyzer;
    } else {
        delete analyzer;
    }
    return snapshot;
}

} // namespace

class TestBackscatterAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Item 2: Corsaro mode on the reflection sample.
    void ampCorsaro()
    {
        const auto s = analyze(dataFile("amp.TCP.reflection.SYNACK.pcap"));
        QCOMPARE(s.counters.packets, 8000ULL);
        QCOMPARE(s.counters.ipv4, 7996ULL);
        QCOMPARE(s.counters.backscatter(), 7822ULL);
        QCOMPARE(classCount(s, BackscatterClass::SynAck), 6651ULL);
        QCOMPARE(classCount(s, BackscatterClass::Rst), 813ULL + 205ULL);
        QCOMPARE(s.counters.responses[size_t(ResponseKind::Rst)], 813ULL);
        QCOMPARE(s.counters.responses[size_t(ResponseKind::RstAck)], 205ULL);
        QCOMPARE(classCount(s, BackscatterClass::IcmpError), 153ULL);
        QCOMPARE(s.counters.icmpTypeCodes.value(3 << 8 | 10), 135ULL);
        QCOMPARE(s.counters.icmpTypeCodes.value(3 << 8 | 3), 14ULL);
        QCOMPARE(s.counters.icmpTypeCodes.value(3 << 8 | 13), 4ULL);
        QCOMPARE(s.counters.icmpMismatches, 153ULL);
        QCOMPARE(s.counters.vectorsCreated, 7039ULL);
        QCOMPARE(s.attacks.size(), 0); // 0.15 s of capture: nothing lasts 60 s
        QCOMPARE(s.nonAttackVectors, 7039ULL);
        QCOMPARE(classCount(s, BackscatterClass::Request), 1ULL);
        QCOMPARE(classCount(s, BackscatterClass::Ambiguous), 9ULL); // ACK 5 + PSH/ACK 4
    }

    // Item 3: PIBS mode reproduces PIBS's CSV.
    void ampPibs()
    {
        BackscatterSettings settings;
        settings.mode = BackscatterSettings::Mode::Pibs;
        QList<QByteArray> lines;
        const auto s = analyze(dataFile("amp.TCP.reflection.SYNACK.pcap"), settings, &lines);
        QCOMPARE(lines.size(), 7678);
        QCOMPARE(s.counters.pibsLines, 7678ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.value(18), 6651ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.value(4), 813ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.value(20), 205ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.value(16), 5ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.value(24), 4ULL);
        QCOMPARE(s.counters.pibsLinesByFlags.size(), 5);
        // "seconds,dotted source,decimal flags,decimal source port"
        const QList<QByteArray> fields = lines.constFirst().split(',');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[0], QByteArray("1622865525"));
        QVERIFY(!QHostAddress(QString::fromLatin1(fields[1])).isNull());
        // The Corsaro analysis runs beside it unchanged.
        QCOMPARE(s.counters.backscatter(), 7822ULL);
    }

    // Item 4: one telescope address per victim is visible (reflection at the sensor).
    void ampTelescopeAddresses()
    {
        BackscatterSettings settings;
        settings.thresholds.minPackets = 1;
        settings.thresholds.minDurationNs = 0;
        settings.thresholds.minWindowPackets = 1;
        const auto s = analyze(dataFile("amp.TCP.reflection.SYNACK.pcap"), settings);
        QCOMPARE(s.attacks.size(), 7039); // every vector passes thresholds of 1
        QSet<quint32> victims;
        for (const AttackRecord &a : s.attacks) {
            // TCP vectors are hit only at 10.10.10.10; ICMP errors quote other destinations.
            if (a.protocol == 6 && a.icmpMismatches == 0) {
                QCOMPARE(a.telescopeAddresses, 1U);
            }
            victims.insert(a.victim);
        }
        QVERIFY(victims.size() > 7000);
    }

    // Item 5: ECN SYNs are requests; the RSTs are the only backscatter; PIBS keeps its defect.
    void dominateEcn()
    {
        BackscatterSettings settings;
        settings.mode = BackscatterSettings::Mode::Pibs;
        QList<QByteArray> lines;
        const auto s = analyze(dataFile("pkt.TCP.DOMINATE.syn.ecn.cwr.pcapng"), settings, &lines);
        QCOMPARE(s.counters.packets, 9878ULL);
        QCOMPARE(classCount(s, BackscatterClass::Request), 9639ULL);
        QCOMPARE(s.counters.backscatter(), 239ULL);
        QCOMPARE(classCount(s, BackscatterClass::Rst), 239ULL);
        QCOMPARE(s.counters.vectorsCreated, 239ULL);
        QCOMPARE(lines.size(), 9878);
        QCOMPARE(s.counters.pibsLinesByFlags.value(0xC2), 9639ULL);
    }

    // Item 8: the victim of an ICMP error is the quoted destination, filed under UDP.
    void icmpQuotedVictim()
    {
        BackscatterSettings settings;
        settings.thresholds = {1, 0, 1, settings.thresholds.windowNs, settings.thresholds.slideNs};
        const auto s = analyze(dataFile("icmp-destunreach-udp.pcap"), settings);
        QCOMPARE(classCount(s, BackscatterClass::IcmpError), 1ULL);
        QCOMPARE(s.attacks.size(), 1);
        const AttackRecord &a = s.attacks.constFirst();
        QCOMPARE(a.victim, ip("192.168.1.102"));
        QCOMPARE(a.protocol, quint8(17));
        QCOMPARE(a.firstTargetPort, quint16(59207));
        QCOMPARE(a.firstAttackerPort, quint16(53));
        QCOMPARE(a.icmpMismatches, 0ULL);
        QCOMPARE(s.counters.icmpMismatches, 0ULL);
    }

    // Item 15: DNS traffic is neither backscatter nor PIBS output.
    void ednsNothing()
    {
        BackscatterSettings settings;
        settings.mode = BackscatterSettings::Mode::Pibs;
        QList<QByteArray> lines;
        const auto s = analyze(dataFile("edns-opts.pcap"), settings, &lines);
        QCOMPARE(s.counters.packets, 42ULL);
        QCOMPARE(s.counters.backscatter(), 0ULL);
        QCOMPARE(classCount(s, BackscatterClass::Other), 42ULL);
        QVERIFY(lines.isEmpty());
        // With UDP responses enabled, the answers from port 53 count.
        settings.mode = BackscatterSettings::Mode::Corsaro;
        settings.udpResponses = true;
        const auto withUdp = analyze(dataFile("edns-opts.pcap"), settings);
        QVERIFY(classCount(withUdp, BackscatterClass::UdpResponse) > 0);
    }

    // Item 10: the SLL sample's SYN is a request, its SYN/ACK backscatter.
    void sllHandshake()
    {
        const auto s = analyze(dataFile("tcp-handshake-nano.pcap"));
        QCOMPARE(classCount(s, BackscatterClass::Request), 1ULL);
        QCOMPARE(classCount(s, BackscatterClass::SynAck), 1ULL);
        QCOMPARE(classCount(s, BackscatterClass::Ambiguous), 1ULL);
    }

    // The synthetic capture: two attacks by construction (see gen-backscatter-synthetic.py).
    void syntheticAttacks()
    {
        const auto s = analyze(dataFile("backscatter-synthetic.pcap"));
        QCOMPARE(s.counters.packets, 436ULL);
        QCOMPARE(s.attacks.size(), 2);
        const AttackRecord &tcp = s.attacks[0];
        QCOMPARE(tcp.victim, ip("198.51.100.10"));
        QCOMPARE(tcp.protocol, quint8(6));
        QCOMPARE(tcp.packets, 270ULL);
        QCOMPARE(tcp.bytes, 270ULL * 40ULL);
        QCOMPARE(tcp.startNs, 1700000000000000000LL);
        QCOMPARE(tcp.durationNs(), 119500000000LL);
        QCOMPARE(tcp.responses[size_t(ResponseKind::SynAck)], 240ULL);
        QCOMPARE(tcp.responses[size_t(ResponseKind::RstAck)], 30ULL);
        QCOMPARE(tcp.targetPorts, 2U);
        QCOMPARE(tcp.topTargetPorts.constFirst(), (QPair<quint16, quint32>(80, 240)));
        // len({(i*37) % 256 for i < 240} | {(i*11+3) % 256 for i < 30}) in the generator: 241.
        QCOMPARE(tcp.telescopeAddresses, 241U);
        QCOMPARE(tcp.attackerSlash16s, 1U);
        // 2 SYN/ACK per second + an RST/ACK every 4 s: 120 + 15 = 135 in a full 60-s window.
        QCOMPARE(tcp.maxWindowPackets, 135ULL);
        QVERIFY(!tcp.timeline.isEmpty());
        const AttackRecord &udp = s.attacks[1];
        QCOMPARE(udp.victim, ip("192.0.2.30"));
        QCOMPARE(udp.protocol, quint8(17));
        QCOMPARE(udp.packets, 90ULL);
        QCOMPARE(udp.firstTargetPort, quint16(123));
        QCOMPARE(udp.maxWindowPackets, 60ULL);
        QCOMPARE(udp.icmpMismatches, 0ULL);
        QCOMPARE(s.counters.statelessScanners, 1ULL);
        QCOMPARE(classCount(s, BackscatterClass::Request), 16ULL);
        QCOMPARE(s.nonAttackVectors, 2ULL); // 198.51.100.20 (20 RST) and 198.51.100.30 (4 s burst)
    }

    // Item 24: thresholds re-applied without re-reading; comparisons are inclusive.
    void thresholdsInclusive()
    {
        BackscatterAnalyzer *analyzer = nullptr;
        analyze(dataFile("backscatter-synthetic.pcap"), {}, nullptr, &analyzer);
        std::unique_ptr<BackscatterAnalyzer> owner(analyzer);
        AttackThresholds t;
        t.minPackets = 90; // exactly the UDP vector's count
        t.minDurationNs = 89LL * 1000000000LL;
        t.minWindowPackets = 60;
        analyzer->setThresholds(t);
        QCOMPARE(analyzer->snapshot().attacks.size(), 2);
        t.minPackets = 91;
        analyzer->setThresholds(t);
        QCOMPARE(analyzer->snapshot().attacks.size(), 1);
        t.minPackets = 20; // 198.51.100.20: 20 RSTs over 95 s, 12 per window
        t.minDurationNs = 95LL * 1000000000LL;
        t.minWindowPackets = 12;
        analyzer->setThresholds(t);
        QCOMPARE(analyzer->snapshot().attacks.size(), 2); // the TCP attack (270, 119.5 s) and .20
        t.minWindowPackets = 13;
        analyzer->setThresholds(t);
        QCOMPARE(analyzer->snapshot().attacks.size(), 1);
    }

    // Item 23: estimated rate = observed × 2^32/n, with a warning below a /16.
    void rateEstimation()
    {
        BackscatterSettings settings;
        MonitoredPrefix prefix;
        QVERIFY(MonitoredPrefix::parse(QStringLiteral("203.0.113.0/24"), prefix));
        settings.monitoredPrefixes = {prefix};
        QCOMPARE(settings.monitoredAddresses(), 256ULL);
        QCOMPARE(settings.rateScale(), 16777216.0);
        QCOMPARE(settings.warnings().size(), 1);
        const auto s = analyze(dataFile("backscatter-synthetic.pcap"), settings);
        const AttackRecord &tcp = s.attacks.constFirst();
        QCOMPARE(s.estimatedPps(tcp), tcp.observedPps() * 16777216.0);
        QVERIFY(qAbs(tcp.observedPps() - 270.0 / 119.5) < 1e-9);

        QVERIFY(MonitoredPrefix::parse(QStringLiteral("10.0.0.0/8"), prefix));
        settings.monitoredPrefixes = {prefix};
        QCOMPARE(settings.rateScale(), 256.0);
        QVERIFY(settings.warnings().isEmpty());
        // Overlaps count once; bad prefixes are refused.
        MonitoredPrefix inner;
        QVERIFY(MonitoredPrefix::parse(QStringLiteral("10.1.0.0/16"), inner));
        settings.monitoredPrefixes = {prefix, inner};
        QCOMPARE(settings.monitoredAddresses(), 1ULL << 24);
        QVERIFY(!MonitoredPrefix::parse(QStringLiteral("10.0.0.0/33"), prefix));
        QVERIFY(!MonitoredPrefix::parse(QStringLiteral("2001:db8::/32"), prefix));
        QCOMPARE(BackscatterSnapshot{}.estimatedPps(tcp), -1.0);
    }

    // Item 21: memory bounds evict least-recently-active vectors and count it, never abort.
    void boundedMemory()
    {
        BackscatterSettings settings;
        settings.maxVectors = 100;
        settings.maxClosedVectors = 1000;
        settings.maxSynSeen = 10;
        const auto s = analyze(dataFile("amp.TCP.reflection.SYNACK.pcap"), settings);
        // Victims seen again after their eviction start new vectors: more than the 7,039 of item 2.
        QVERIFY(s.counters.vectorsCreated > 7039ULL);
        QCOMPARE(s.counters.activeVectors, 100LL);
        QCOMPARE(s.counters.vectorsEvicted, s.counters.vectorsCreated - 100ULL);
        QCOMPARE(s.counters.closedVectors, 1000LL);
        QCOMPARE(s.counters.closedEvicted, s.counters.vectorsEvicted - 1000ULL);
        QCOMPARE(s.counters.backscatter(), 7822ULL); // counting is unaffected
        const auto d = analyze(dataFile("pkt.TCP.DOMINATE.syn.ecn.cwr.pcapng"), settings);
        QCOMPARE(d.counters.synSeenEntries, 10LL);
        QVERIFY(d.counters.synSeenEvicted > 9000ULL);
    }

    // The inactivity timeout closes vectors on capture time; closed attacks are still reported.
    void inactivityTimeout()
    {
        BackscatterSettings settings;
        settings.inactivityTimeoutNs = 5LL * 1000000000LL;
        const auto s = analyze(dataFile("backscatter-synthetic.pcap"), settings);
        // The 20 RSTs 5 s apart and the ICMP errors 1 s apart: .20 splits into several vectors.
        QVERIFY(s.counters.vectorsExpired > 0);
        QCOMPARE(s.attacks.size(), 2);
        QVERIFY(!s.attacks[0].active || !s.attacks[1].active || s.counters.activeVectors > 0);
    }

    // The live tap (type-1 records as the worker hands them) gives the same result as the file.
    void tapMatchesFile()
    {
        QFile file(dataFile("backscatter-synthetic.pcap"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        BackscatterAnalyzer analyzer;
        BackscatterTap tap(&analyzer);
        // Split the records in two batches at a record boundary (the first record is 16+54 bytes).
        const QByteArray header = bytes.left(24);
        qsizetype at = 24;
        int first = 0;
        while (first < 100) {
            at += 16 + qFromLittleEndian<quint32>(bytes.constData() + at + 8);
            ++first;
        }
        tap.onPcapRecords("sensor", header, bytes.mid(24, at - 24), first);
        tap.onPcapRecords("sensor", header, bytes.mid(at), 436 - first);
        QCOMPARE(tap.records(), 436ULL);
        QCOMPARE(tap.rejectedBatches(), 0ULL);
        const auto live = analyzer.snapshot();
        const auto offline = analyze(dataFile("backscatter-synthetic.pcap"));
        QCOMPARE(live.attacks.size(), offline.attacks.size());
        QCOMPARE(live.counters.backscatter(), offline.counters.backscatter());
        QCOMPARE(live.attacks[0].packets, offline.attacks[0].packets);
    }

    // Presets change the thresholds.
    void presets()
    {
        QCOMPARE(BackscatterSettings::fromPreset(BackscatterSettings::Preset::Corsaro).thresholds,
                 AttackThresholds{});
        QCOMPARE(BackscatterSettings::fromPreset(BackscatterSettings::Preset::Moore).thresholds.minPackets,
                 100ULL);
        const auto s = analyze(dataFile("backscatter-synthetic.pcap"),
                               BackscatterSettings::fromPreset(BackscatterSettings::Preset::Moore));
        QCOMPARE(s.attacks.size(), 1); // only the 270-packet TCP attack reaches 100 packets
        QVERIFY(!BackscatterSettings::presetName(BackscatterSettings::Preset::Sensitive).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackscatterAnalyzer)
#include "tst_backscatteranalyzer.moc"
