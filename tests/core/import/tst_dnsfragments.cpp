// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// DnsSink on a real capture of DNS responses carried in IPv4 and IPv6 fragments
// (tests/data/fragments/dns-fragments.pcap, see its README): in order, reordered and duplicated
// fragments give every record; a conflicting overlap and a missing fragment give none, counted.

#include <QSet>
#include <QTest>

#include "analyzers/passivedns/rrtypes.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "import/dnssink.h"
#include "testenvironment.h"

using namespace d4;
using Drop = capture::IpFragmentReassembler::Drop;

namespace {

/** rrname -> rrtype mnemonic -> number of distinct rdata. */
QMap<QByteArray, QMap<QByteArray, int>> byName(const QList<import::DnsTuple> &tuples)
{
    QMap<QByteArray, QMap<QByteArray, int>> out;
    for (const import::DnsTuple &tuple : tuples) {
        if (!tuple.error) {
            ++out[tuple.rrname][passivedns::RrTypes::displayName(tuple.rrtype)];
        }
    }
    return out;
}

} // namespace

class TestDnsFragments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fragmentedResponsesAreReassembled()
    {
        import::DnsSink sink;
        capture::PacketPipeline pipeline;
        pipeline.addSink(&sink);
        const capture::CaptureSummary summary = capture::CaptureFileReader::read(
            test::testDataPath(QStringLiteral("fragments/dns-fragments.pcap")),
            [&](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
        QVERIFY(summary.ok());
        QCOMPARE(summary.packets, 28u);
        sink.finish();

        const auto names = byName(sink.aggregator().tuples());
        QCOMPARE(names.value("big4.example.com").value("TXT"), 40);  // IPv4, in order
        QCOMPARE(names.value("big6.example.net").value("AAAA"), 30); // IPv6 fragment header
        QCOMPARE(names.value("big6.example.net").value("TXT"), 30);
        QCOMPARE(names.value("reordered.example.org").value("TXT"), 40);  // last, first, middle
        QCOMPARE(names.value("duplicated.example.org").value("TXT"), 40); // middle twice
        QVERIFY(!names.contains("overlap.example.org"));                  // conflicting overlap
        QVERIFY(!names.contains("incomplete.example.org"));               // middle missing
        QCOMPARE(names.size(), 4);
        for (const import::DnsTuple &tuple : sink.aggregator().tuples()) {
            QCOMPARE(tuple.first, 1700000000);
            QCOMPARE(tuple.count, 1);
        }
        QVERIFY(sink.aggregator().tuples().constFirst().rdata.startsWith("\"record 00 xxx"));

        const import::DnsSink::Stats &stats = sink.stats();
        QCOMPARE(stats.fragments, 22u); // 18 IPv4 + 4 IPv6 frames
        QCOMPARE(stats.reassembled, 4u);
        QCOMPARE(stats.udpMessages, 6u + 4u); // the queries fit one frame each
        QCOMPARE(stats.undecodable, 0u);
        QCOMPARE(stats.tcpFragments, 0u);

        const capture::IpFragmentReassembler::Stats &fragments = sink.fragmentStats();
        QCOMPARE(fragments.fragments, 22u);
        QCOMPARE(fragments.datagrams, 5u); // and one to port 5000, not DNS
        QCOMPARE(fragments.duplicates, 1u);
        QCOMPARE(fragments.drops[static_cast<int>(Drop::Overlap)], 1u);
        // The incomplete response, and the overlap's last fragment arriving after its datagram was dropped.
        QCOMPARE(fragments.drops[static_cast<int>(Drop::Unfinished)], 2u);
        QCOMPARE(fragments.dropped(), 3u);
    }

    // DNS over TCP whose response segments travel in IP fragments: the segment is rebuilt first,
    // then followed in its flow as if captured whole.
    void fragmentedTcpSegmentsAreReassembled()
    {
        import::DnsSink sink;
        capture::PacketPipeline pipeline;
        pipeline.addSink(&sink);
        const capture::CaptureSummary summary = capture::CaptureFileReader::read(
            test::testDataPath(QStringLiteral("fragments/dns-tcp-fragments.pcap")),
            [&](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
        QVERIFY(summary.ok());
        QCOMPARE(summary.packets, 33u);
        sink.finish();

        const auto names = byName(sink.aggregator().tuples());
        QCOMPARE(names.value("tcp4.example.com").value("TXT"), 40);  // IPv4, in order
        QCOMPARE(names.value("tcp6.example.net").value("AAAA"), 30); // IPv6 fragment header
        QCOMPARE(names.value("tcp6.example.net").value("TXT"), 30);
        QCOMPARE(names.value("split.example.org").value("TXT"), 40); // second segment reversed
        QVERIFY(!names.contains("lost.example.org"));                // middle fragment missing
        QCOMPARE(names.size(), 3);

        const import::DnsSink::Stats &stats = sink.stats();
        QCOMPARE(stats.fragments, 3u + 4u + 3u + 2u);
        QCOMPARE(stats.tcpFragments, stats.fragments);
        QCOMPARE(stats.reassembled, 3u);
        QCOMPARE(stats.udpMessages, 0u);
        QCOMPARE(stats.tcpMessages, 4u + 3u); // four queries, three whole responses
        QCOMPARE(stats.undecodable, 0u);
        const capture::IpFragmentReassembler::Stats &fragments = sink.fragmentStats();
        QCOMPARE(fragments.datagrams, 3u);
        QCOMPARE(fragments.drops[static_cast<int>(Drop::Unfinished)], 1u);
    }

    void snapTruncatedFirstFragmentIsDroppedWithItsReason()
    {
        // The first fragment of big4.example.com's response cut after 4 bytes of UDP header, as a
        // 38-byte snap length would: the datagram is dropped as truncated, its other fragments
        // never complete.
        import::DnsSink sink;
        capture::PacketPipeline pipeline;
        pipeline.addSink(&sink);
        int index = 0;
        const capture::CaptureSummary summary = capture::CaptureFileReader::read(
            test::testDataPath(QStringLiteral("fragments/dns-fragments.pcap")),
            [&](const capture::CapturePacket &packet) {
                capture::CapturePacket copy = packet;
                if (index++ == 1) {
                    copy.capturedLength = 14 + 20 + 4;
                }
                pipeline.onPacket(copy);
            });
        QVERIFY(summary.ok());
        sink.finish();
        const auto names = byName(sink.aggregator().tuples());
        QVERIFY(!names.contains("big4.example.com"));
        QCOMPARE(names.size(), 3);
        QCOMPARE(sink.stats().fragments, 22u);
        QCOMPARE(sink.stats().reassembled, 3u);
        const capture::IpFragmentReassembler::Stats &fragments = sink.fragmentStats();
        QCOMPARE(fragments.drops[static_cast<int>(Drop::Truncated)], 1u);
        QCOMPARE(fragments.drops[static_cast<int>(Drop::Unfinished)], 3u); // big4's other two, as one
        QCOMPARE(fragments.dropped(), 5u);
    }
};

QTEST_GUILESS_MAIN(TestDnsFragments)
#include "tst_dnsfragments.moc"
