// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// capture::IpFragmentReassembler: IPv4 and IPv6 datagrams cut into fragments come back byte for byte
// (in order, out of order, duplicated, atomic); every rejection path has its counter.

#include <cstring>

#include <QTest>
#include <QtEndian>

#include "capture/decodedpacket.h"
#include "capture/ipfragmentreassembler.h"
#include "capture/packetdecoder.h"

using d4::capture::IpFragmentReassembler;
using Drop = IpFragmentReassembler::Drop;

namespace {

constexpr qint64 kSecond = 1'000'000'000;

QByteArray payloadOf(int size, char seed)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i) {
        out[i] = static_cast<char>(seed + i * 7);
    }
    return out;
}

quint16 checksum(const QByteArray &header)
{
    quint32 sum = 0;
    for (int i = 0; i + 1 < header.size(); i += 2) {
        sum += qFromBigEndian<quint16>(header.constData() + i);
    }
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return static_cast<quint16>(~sum);
}

/** An IPv4 datagram (UDP, 192.0.2.1 -> 198.51.100.2) with a valid checksum; @p fragment = flags/offset. */
QByteArray ipv4(const QByteArray &payload, quint16 id, quint16 fragment, quint8 source = 1,
                quint8 protocol = 17)
{
    QByteArray header(20, '\0');
    header[0] = '\x45';
    qToBigEndian<quint16>(static_cast<quint16>(20 + payload.size()), header.data() + 2);
    qToBigEndian<quint16>(id, header.data() + 4);
    qToBigEndian<quint16>(fragment, header.data() + 6);
    header[8] = 64;
    header[9] = static_cast<char>(protocol);
    const char addresses[8] = {'\xc0', '\x00', '\x02', static_cast<char>(source),
                               '\xc6', '\x33', '\x64', '\x02'};
    std::memcpy(header.data() + 12, addresses, 8);
    qToBigEndian<quint16>(checksum(header), header.data() + 10);
    return header + payload;
}

/** Fragments of @p payload as IPv4 datagrams of at most @p size payload bytes each. */
QList<QByteArray> fragments4(const QByteArray &payload, int size, quint16 id)
{
    QList<QByteArray> out;
    for (int offset = 0; offset < payload.size(); offset += size) {
        const bool more = offset + size < payload.size();
        out.append(
            ipv4(payload.mid(offset, size), id, static_cast<quint16>((more ? 0x2000 : 0) | (offset / 8))));
    }
    return out;
}

/** The IPv6 header + a destination options header (8 bytes) naming @p next; payload length set. */
QByteArray ipv6Head(int payloadLength, quint8 next)
{
    QByteArray header(48, '\0');
    header[0] = '\x60';
    qToBigEndian<quint16>(static_cast<quint16>(payloadLength), header.data() + 4);
    header[6] = 60; // destination options
    header[7] = 64;
    header[8] = '\x20';
    header[9] = '\x01';
    header[10] = '\x0d';
    header[11] = '\xb8';
    header[23] = 1;
    header[24] = '\x20';
    header[25] = '\x01';
    header[26] = '\x0d';
    header[27] = '\xb8';
    header[39] = 2;
    header[40] = static_cast<char>(next);
    header[41] = 0; // 8 bytes: 6 of PadN
    header[42] = 1;
    header[43] = 4;
    return header;
}

QByteArray ipv6Whole(const QByteArray &payload)
{
    return ipv6Head(8 + payload.size(), 17) + payload;
}

QByteArray ipv6Fragment(const QByteArray &piece, quint32 offset, bool more, quint32 id, quint8 next = 17)
{
    QByteArray fragment(8, '\0');
    fragment[0] = static_cast<char>(next);
    qToBigEndian<quint16>(static_cast<quint16>(offset | (more ? 1 : 0)), fragment.data() + 2);
    qToBigEndian<quint32>(id, fragment.data() + 4);
    return ipv6Head(8 + 8 + piece.size(), 44) + fragment + piece;
}

QList<QByteArray> fragments6(const QByteArray &payload, int size, quint32 id)
{
    QList<QByteArray> out;
    for (int offset = 0; offset < payload.size(); offset += size) {
        out.append(ipv6Fragment(payload.mid(offset, size), static_cast<quint32>(offset),
                                offset + size < payload.size(), id));
    }
    return out;
}

QByteArray feed(IpFragmentReassembler &r, const QByteArray &fragment, qint64 timeNs = kSecond)
{
    return r
        .add(reinterpret_cast<const uchar *>(fragment.constData()), static_cast<quint32>(fragment.size()),
             timeNs)
        .toByteArray();
}

quint64 drops(const IpFragmentReassembler &r, Drop drop)
{
    return r.stats().drops[static_cast<int>(drop)];
}

} // namespace

class TestIpFragmentReassembler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipv4InOrderIsTheOriginalDatagram()
    {
        const QByteArray payload = payloadOf(3000, 'a');
        const QList<QByteArray> parts = fragments4(payload, 1480, 0x1234);
        QCOMPARE(parts.size(), 3);
        IpFragmentReassembler r;
        QVERIFY(feed(r, parts[0]).isEmpty());
        QVERIFY(feed(r, parts[1]).isEmpty());
        QCOMPARE(r.inProgress(), 1);
        QCOMPARE(feed(r, parts[2]), ipv4(payload, 0x1234, 0)); // total length and checksum recomputed
        QCOMPARE(r.inProgress(), 0);
        QCOMPARE(r.stats().fragments, 3u);
        QCOMPARE(r.stats().datagrams, 1u);
        QCOMPARE(r.stats().dropped(), 0u);

        // The result decodes as the UDP datagram it is.
        const QByteArray whole = ipv4(payload, 0x1234, 0);
        d4::capture::DecodedPacket decoded;
        d4::capture::PacketDecoder::decodeIp(reinterpret_cast<const uchar *>(whole.constData()),
                                             static_cast<quint32>(whole.size()), 0, decoded);
        QCOMPARE(decoded.status, d4::capture::DecodedPacket::Status::Ok);
        QVERIFY(!decoded.fragmented);
    }

    void ipv4OutOfOrderAndLinkPadding()
    {
        const QByteArray payload = payloadOf(2000, 'b');
        const QList<QByteArray> parts = fragments4(payload, 800, 7);
        IpFragmentReassembler r;
        QVERIFY(feed(r, parts[2] + QByteArray(6, '\0')).isEmpty()); // Ethernet padding is ignored
        QVERIFY(feed(r, parts[0]).isEmpty());
        QCOMPARE(feed(r, parts[1]), ipv4(payload, 7, 0));
    }

    void ipv4KeyIncludesSourceAndProtocol()
    {
        const QByteArray payload = payloadOf(16, 'c');
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv4(payload.left(8), 9, 0x2000, 1)).isEmpty());
        QVERIFY(feed(r, ipv4(payload.mid(8), 9, 1, 2)).isEmpty());    // other source
        QVERIFY(feed(r, ipv4(payload.mid(8), 9, 1, 1, 6)).isEmpty()); // other protocol
        QCOMPARE(r.inProgress(), 3);
        QCOMPARE(feed(r, ipv4(payload.mid(8), 9, 1, 1)), ipv4(payload, 9, 0)); // the right one
    }

    void ipv6IsTheOriginalWithoutFragmentHeader()
    {
        const QByteArray payload = payloadOf(3000, 'd');
        const QList<QByteArray> parts = fragments6(payload, 1232, 0xabcdef);
        QCOMPARE(parts.size(), 3);
        IpFragmentReassembler r;
        QVERIFY(feed(r, parts[1]).isEmpty());
        QVERIFY(feed(r, parts[2]).isEmpty());
        QCOMPARE(feed(r, parts[0]), ipv6Whole(payload)); // Next Header of the options header restored
        QCOMPARE(r.stats().datagrams, 1u);
    }

    void ipv6AtomicFragmentAlone()
    {
        const QByteArray payload = payloadOf(40, 'e');
        IpFragmentReassembler r;
        QCOMPARE(feed(r, ipv6Fragment(payload, 0, false, 5)), ipv6Whole(payload));
        QCOMPARE(r.inProgress(), 0);
    }

    void duplicateIsIgnoredAndCounted()
    {
        const QByteArray payload = payloadOf(24, 'f');
        const QList<QByteArray> parts = fragments4(payload, 8, 11);
        IpFragmentReassembler r;
        QVERIFY(feed(r, parts[0]).isEmpty());
        QVERIFY(feed(r, parts[1]).isEmpty());
        QVERIFY(feed(r, parts[1]).isEmpty());
        QCOMPARE(r.stats().duplicates, 1u);
        QCOMPARE(feed(r, parts[2]), ipv4(payload, 11, 0));
        QCOMPARE(r.stats().dropped(), 0u);
    }

    void conflictingOverlapDropsTheDatagram()
    {
        const QByteArray payload = payloadOf(24, 'g');
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv4(payload.left(16), 12, 0x2000)).isEmpty());
        QByteArray other = payload.mid(8, 8);
        other[0] = static_cast<char>(other[0] ^ 1);
        QVERIFY(feed(r, ipv4(other, 12, 0x2000 | 1)).isEmpty()); // bytes 8..15 again, different
        QCOMPARE(drops(r, Drop::Overlap), 1u);
        QCOMPARE(r.inProgress(), 0);
        QVERIFY(feed(r, ipv4(payload.mid(16), 12, 2)).isEmpty()); // the rest starts afresh
        QCOMPARE(r.stats().datagrams, 0u);
    }

    void partialOverlapWithSameBytesIsStillAnOverlap()
    {
        const QByteArray payload = payloadOf(32, 'h');
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv4(payload.left(16), 13, 0x2000)).isEmpty());
        QVERIFY(feed(r, ipv4(payload.mid(8, 16), 13, 0x2000 | 1)).isEmpty()); // 8..23: half new
        QCOMPARE(drops(r, Drop::Overlap), 1u);
        QCOMPARE(r.stats().duplicates, 0u);
    }

    void ipv6OverlapDropsTheDatagram()
    {
        const QByteArray payload = payloadOf(64, 'i');
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv6Fragment(payload.left(32), 0, true, 3)).isEmpty());
        QVERIFY(feed(r, ipv6Fragment(QByteArray(16, 'z'), 24, true, 3)).isEmpty());
        QCOMPARE(drops(r, Drop::Overlap), 1u);
    }

    void malformedFragments_data()
    {
        QTest::addColumn<QByteArray>("fragment");
        const QByteArray p = payloadOf(16, 'j');
        QByteArray badIhl = ipv4(p, 1, 0x2000);
        badIhl[0] = '\x44';
        QByteArray shortTotal = ipv4(p, 1, 0x2000);
        qToBigEndian<quint16>(10, shortTotal.data() + 2);
        QByteArray jumbo = ipv6Fragment(p, 0, true, 1);
        qToBigEndian<quint16>(0, jumbo.data() + 4);
        QByteArray noFragmentHeader = ipv6Whole(p);
        QByteArray version5 = ipv4(p, 1, 0x2000);
        version5[0] = '\x55';
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("ipv4 header cut") << ipv4(p, 1, 0x2000).left(19);
        QTest::newRow("ipv4 not a fragment") << ipv4(p, 1, 0);
        QTest::newRow("ipv4 IHL < 5") << badIhl;
        QTest::newRow("ipv4 total < header") << shortTotal;
        QTest::newRow("non-last not a multiple of 8") << ipv4(p.left(12), 1, 0x2000);
        QTest::newRow("non-last empty") << ipv4(QByteArray(), 1, 0x2000);
        QTest::newRow("version 5") << version5;
        QTest::newRow("ipv6 header cut") << ipv6Fragment(p, 0, true, 1).left(39);
        QTest::newRow("ipv6 jumbogram") << jumbo;
        QTest::newRow("ipv6 without fragment header") << noFragmentHeader;
        QTest::newRow("ipv6 fragment header past the end")
            << ipv6Head(8 + 4, 44) + QByteArray(4, '\0'); // payload length says so
    }

    void malformedFragments()
    {
        QFETCH(QByteArray, fragment);
        IpFragmentReassembler r;
        QVERIFY(feed(r, fragment).isEmpty());
        QCOMPARE(drops(r, Drop::Malformed), 1u);
        QCOMPARE(r.stats().dropped(), 1u);
        QCOMPARE(r.inProgress(), 0);
    }

    void truncatedFragmentDropsItsDatagram()
    {
        const QByteArray payload = payloadOf(32, 'k');
        const QList<QByteArray> parts = fragments4(payload, 16, 14);
        IpFragmentReassembler r;
        QVERIFY(feed(r, parts[1].left(parts[1].size() - 1)).isEmpty()); // snap length: no datagram yet
        QCOMPARE(drops(r, Drop::Truncated), 1u);
        QCOMPARE(r.inProgress(), 0);
        QVERIFY(feed(r, parts[0]).isEmpty());
        QCOMPARE(r.inProgress(), 1);
        QVERIFY(feed(r, parts[1].left(parts[1].size() - 1)).isEmpty()); // now it has one: dropped
        QCOMPARE(drops(r, Drop::Truncated), 2u);
        QCOMPARE(r.inProgress(), 0);

        // IPv6: the announced payload is longer than what was captured.
        QVERIFY(feed(r, ipv6Fragment(payload, 0, true, 4).chopped(1)).isEmpty());
        QCOMPARE(drops(r, Drop::Truncated), 3u);
    }

    void oversizedDatagram()
    {
        IpFragmentReassembler r;
        // Offset 65528 + 16 bytes + 20 header bytes > 65,535.
        QVERIFY(feed(r, ipv4(payloadOf(16, 'l'), 15, 8191)).isEmpty());
        QCOMPARE(drops(r, Drop::Oversized), 1u);
        QVERIFY(feed(r, ipv6Fragment(payloadOf(16, 'l'), 65528, false, 15)).isEmpty());
        QCOMPARE(drops(r, Drop::Oversized), 2u);

        // A smaller limit drops a datagram in progress that a fragment would take above it.
        IpFragmentReassembler::Limits limits;
        limits.maxDatagramBytes = 1000;
        IpFragmentReassembler small(limits);
        QVERIFY(feed(small, ipv4(payloadOf(960, 'm'), 16, 0x2000)).isEmpty());
        QCOMPARE(small.inProgress(), 1);
        QVERIFY(feed(small, ipv4(payloadOf(40, 'm'), 16, 120)).isEmpty()); // 20 + 960 + 40 > 1000
        QCOMPARE(drops(small, Drop::Oversized), 1u);
        QCOMPARE(small.inProgress(), 0);
    }

    void inconsistentEnds()
    {
        const QByteArray p = payloadOf(64, 'n');
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv4(p.left(8), 17, 2)).isEmpty()); // last: ends at 24
        QVERIFY(feed(r, ipv4(p.left(8), 17, 3)).isEmpty()); // another last: ends at 32
        QCOMPARE(drops(r, Drop::Inconsistent), 1u);

        QVERIFY(feed(r, ipv4(p.left(8), 18, 2)).isEmpty());           // last: ends at 24
        QVERIFY(feed(r, ipv4(p.left(16), 18, 0x2000 | 2)).isEmpty()); // 16..32: past the end
        QCOMPARE(drops(r, Drop::Inconsistent), 2u);

        QVERIFY(feed(r, ipv4(p.left(16), 19, 0x2000 | 4)).isEmpty()); // 32..48
        QVERIFY(feed(r, ipv4(p.left(8), 19, 2)).isEmpty());           // last, ending at 24
        QCOMPARE(drops(r, Drop::Inconsistent), 3u);
        QCOMPARE(r.inProgress(), 0);
    }

    void tooManyFragments()
    {
        IpFragmentReassembler::Limits limits;
        limits.maxFragments = 4;
        IpFragmentReassembler r(limits);
        for (quint16 i = 0; i < 4; ++i) {
            QVERIFY(feed(r, ipv4(payloadOf(8, 'o'), 20, static_cast<quint16>(0x2000 | i))).isEmpty());
        }
        QCOMPARE(r.inProgress(), 1);
        QVERIFY(feed(r, ipv4(payloadOf(8, 'o'), 20, 4)).isEmpty());
        QCOMPARE(drops(r, Drop::TooManyFragments), 1u);
        QCOMPARE(r.inProgress(), 0);
    }

    void oldestIsEvicted()
    {
        IpFragmentReassembler::Limits limits;
        limits.maxDatagrams = 2;
        IpFragmentReassembler r(limits);
        const QByteArray p = payloadOf(16, 'p');
        for (quint16 id = 1; id <= 3; ++id) {
            QVERIFY(feed(r, ipv4(p.left(8), id, 0x2000)).isEmpty());
        }
        QCOMPARE(drops(r, Drop::Evicted), 1u);
        QCOMPARE(r.inProgress(), 2);
        QCOMPARE(feed(r, ipv4(p.mid(8), 3, 1)), ipv4(p, 3, 0));
        QCOMPARE(feed(r, ipv4(p.mid(8), 2, 1)), ipv4(p, 2, 0));
        QVERIFY(feed(r, ipv4(p.mid(8), 1, 1)).isEmpty()); // evicted: its start is gone
        QCOMPARE(r.stats().datagrams, 2u);
    }

    void timeoutInCaptureTime()
    {
        const QByteArray p = payloadOf(16, 'q');
        IpFragmentReassembler r; // 30 s
        QVERIFY(feed(r, ipv4(p.left(8), 21, 0x2000), 100 * kSecond).isEmpty());
        QVERIFY(feed(r, ipv4(p.left(8), 22, 0x2000), 129 * kSecond).isEmpty());
        QCOMPARE(feed(r, ipv4(p.mid(8), 22, 1), 50 * kSecond), ipv4(p, 22, 0)); // time never goes back
        QCOMPARE(r.inProgress(), 1);
        QVERIFY(feed(r, ipv4(p.mid(8), 21, 1), 131 * kSecond).isEmpty()); // 31 s after its start
        QCOMPARE(drops(r, Drop::Timeout), 1u);
        QCOMPARE(r.inProgress(), 1); // the late fragment starts a datagram of its own
    }

    void flushCountsUnfinished()
    {
        IpFragmentReassembler r;
        QVERIFY(feed(r, ipv4(payloadOf(8, 'r'), 23, 0x2000)).isEmpty());
        QVERIFY(feed(r, ipv6Fragment(payloadOf(8, 'r'), 0, true, 23)).isEmpty());
        r.flush();
        QCOMPARE(drops(r, Drop::Unfinished), 2u);
        QCOMPARE(r.inProgress(), 0);
        QCOMPARE(r.stats().dropped(), 2u);
    }

    void ipOffsetPerLinkType()
    {
        QCOMPARE(IpFragmentReassembler::ipOffset(1, 0), 14);
        QCOMPARE(IpFragmentReassembler::ipOffset(1, 2), 22);
        QCOMPARE(IpFragmentReassembler::ipOffset(113, 0), 16);
        QCOMPARE(IpFragmentReassembler::ipOffset(276, 0), 20);
        QCOMPARE(IpFragmentReassembler::ipOffset(101, 0), 0);
        QCOMPARE(IpFragmentReassembler::ipOffset(0, 0), 4);
        QCOMPARE(IpFragmentReassembler::ipOffset(147, 0), -1);
    }
};

QTEST_GUILESS_MAIN(TestIpFragmentReassembler)
#include "tst_ipfragmentreassembler.moc"
