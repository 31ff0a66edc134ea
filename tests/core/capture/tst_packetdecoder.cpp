// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The packet decoder: every link type, VLAN stacks, IPv4 options and fragments, IPv6 extension
// headers, TCP/UDP/ICMP/ICMPv6 with quoted headers, and one test per non-Ok status.

#include <QTest>
#include <QtEndian>

#include "capture/capturefilereader.h"
#include "capture/packetdecoder.h"
#include "capturetestutil.h"

using namespace d4::test;
using d4::capture::DecodedPacket;
using d4::capture::PacketDecoder;
using Status = DecodedPacket::Status;

namespace {

QByteArray be16(quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    return QByteArray(b, 2);
}

QByteArray be32(quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    return QByteArray(b, 4);
}

QByteArray ipv4(quint32 src, quint32 dst, quint8 protocol, const QByteArray &payload, int optionWords = 0,
                quint16 fragment = 0)
{
    QByteArray h;
    h += static_cast<char>(0x40 | (5 + optionWords));
    h += '\0';
    h += be16(static_cast<quint16>(20 + optionWords * 4 + payload.size()));
    h += be16(1) + be16(fragment);
    h += static_cast<char>(64);
    h += static_cast<char>(protocol);
    h += be16(0) + be32(src) + be32(dst);
    h += QByteArray(optionWords * 4, '\x01'); // NOP options
    return h + payload;
}

QByteArray ipv6(const QByteArray &src, const QByteArray &dst, quint8 next, const QByteArray &payload)
{
    return QByteArray("\x60\0\0\0", 4) + be16(static_cast<quint16>(payload.size())) +
           static_cast<char>(next) + QByteArray("\x40", 1) + src + dst + payload;
}

QByteArray tcp(quint16 sport, quint16 dport, quint8 flags, quint32 seq = 7)
{
    return be16(sport) + be16(dport) + be32(seq) + be32(9) + QByteArray("\x50", 1) +
           static_cast<char>(flags) + be16(1000) + be16(0) + be16(0);
}

QByteArray udp(quint16 sport, quint16 dport, const QByteArray &payload = {})
{
    return be16(sport) + be16(dport) + be16(static_cast<quint16>(8 + payload.size())) + be16(0) + payload;
}

QByteArray icmp(quint8 type, quint8 code, const QByteArray &quoted = {})
{
    return QByteArray(1, static_cast<char>(type)) + static_cast<char>(code) + be16(0) + be32(0) + quoted;
}

QByteArray ethernet(quint16 type, const QByteArray &payload, const QList<quint16> &tags = {})
{
    QByteArray f = QByteArray(12, '\x02');
    for (quint16 tag : tags) {
        f += be16(tag) + be16(100);
    }
    return f + be16(type) + payload;
}

QByteArray v6addr(quint8 last)
{
    QByteArray a("\x20\x01\x0d\xb8", 4);
    a += QByteArray(11, '\0');
    a += static_cast<char>(last);
    return a;
}

DecodedPacket decode(quint32 linkType, const QByteArray &frame, PacketDecoder *decoder = nullptr)
{
    PacketDecoder local;
    DecodedPacket out;
    (decoder ? decoder : &local)
        ->decode(linkType, reinterpret_cast<const uchar *>(frame.constData()),
                 static_cast<quint32>(frame.size()), out);
    return out;
}

constexpr quint32 kA = 0xC0000201; // 192.0.2.1
constexpr quint32 kB = 0xCB007105; // 203.0.113.5

} // namespace

class TestPacketDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every supported link type delivers the same TCP SYN/ACK.
    void linkTypes_data()
    {
        QTest::addColumn<quint32>("linkType");
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("vlanTags");
        const QByteArray ip = ipv4(kA, kB, 6, tcp(80, 4444, 0x12));
        QTest::newRow("ethernet") << 1U << ethernet(0x0800, ip) << 0;
        QTest::newRow("802.1Q") << 1U << ethernet(0x0800, ip, {0x8100}) << 1;
        QTest::newRow("802.1ad QinQ") << 1U << ethernet(0x0800, ip, {0x88A8, 0x8100}) << 2;
        QTest::newRow("SLL") << 113U << QByteArray(14, '\0') + be16(0x0800) + ip << 0;
        QTest::newRow("SLL2") << 276U << be16(0x0800) + QByteArray(18, '\0') + ip << 0;
        QTest::newRow("raw 101") << 101U << ip << 0;
        QTest::newRow("raw 228") << 228U << ip << 0;
        QTest::newRow("null little-endian") << 0U << QByteArray("\x02\0\0\0", 4) + ip << 0;
        QTest::newRow("null big-endian") << 0U << QByteArray("\0\0\0\x02", 4) + ip << 0;
        QTest::newRow("loop") << 108U << QByteArray("\0\0\0\x02", 4) + ip << 0;
    }
    void linkTypes()
    {
        QFETCH(quint32, linkType);
        QFETCH(QByteArray, frame);
        QFETCH(int, vlanTags);
        const DecodedPacket p = decode(linkType, frame);
        QCOMPARE(p.status, Status::Ok);
        QCOMPARE(p.vlanTags, vlanTags);
        QCOMPARE(p.source.v4, kA);
        QCOMPARE(p.destination.v4, kB);
        QCOMPARE(p.protocol, quint8(6));
        QCOMPARE(p.sourcePort, quint16(80));
        QCOMPARE(p.destinationPort, quint16(4444));
        QCOMPARE(p.tcpFlags, quint8(0x12));
    }

    // Item 10: the SLL sample decodes to SYN, SYN/ACK, ACK.
    void sllSample()
    {
        QList<quint8> flags;
        PacketDecoder decoder;
        DecodedPacket out;
        d4::capture::CaptureFileReader::read(QStringLiteral(D4_TEST_DATA_DIR "/pcap/tcp-handshake-nano.pcap"),
                                             [&](const d4::capture::CapturePacket &packet) {
                                                 decoder.decode(packet.linkType, packet.data,
                                                                packet.capturedLength, out);
                                                 flags.append(out.tcpFlags);
                                             });
        QCOMPARE(flags, (QList<quint8>{0x02, 0x12, 0x10}));
        QCOMPARE(decoder.stats().status[int(Status::Ok)], 3ULL);
    }

    // IHL honoured: options shift the TCP header.
    void ipv4Options()
    {
        const DecodedPacket p = decode(101, ipv4(kA, kB, 6, tcp(443, 1, 0x04), 2));
        QCOMPARE(p.status, Status::Ok);
        QCOMPARE(p.sourcePort, quint16(443));
        QCOMPARE(p.tcpFlags, quint8(0x04));
    }

    // Fragments: the first carries the transport header, the others do not.
    void fragments()
    {
        DecodedPacket p = decode(101, ipv4(kA, kB, 17, udp(53, 9), 0, 0x2000));
        QCOMPARE(p.status, Status::Ok);
        QVERIFY(p.fragmented);
        p = decode(101, ipv4(kA, kB, 17, udp(53, 9), 0, 0x0010));
        QCOMPARE(p.status, Status::Fragment);
        QCOMPARE(p.source.v4, kA);
        QCOMPARE(p.sourcePort, quint16(0));
    }

    // IPv6 with hop-by-hop and a first fragment header, then a non-first fragment.
    void ipv6Extensions()
    {
        const QByteArray hopByHop = QByteArray("\x2c\0", 2) + QByteArray(6, '\0');          // next: fragment
        const QByteArray firstFragment = QByteArray("\x06\0", 2) + be16(0x0001) + be32(42); // next: TCP
        const QByteArray frame =
            ethernet(0x86DD, ipv6(v6addr(1), v6addr(2), 0, hopByHop + firstFragment + tcp(22, 5555, 0x12)));
        DecodedPacket p = decode(1, frame);
        QCOMPARE(p.status, Status::Ok);
        QCOMPARE(p.source.version, quint8(6));
        QCOMPARE(p.protocol, quint8(6));
        QCOMPARE(p.sourcePort, quint16(22));
        QVERIFY(p.fragmented);
        const QByteArray laterFragment = QByteArray("\x06\0", 2) + be16(0x0100) + be32(42);
        p = decode(229, ipv6(v6addr(1), v6addr(2), 44, laterFragment + QByteArray(20, 'x')));
        QCOMPARE(p.status, Status::Fragment);
    }

    // ICMP errors: the quoted header names the victim and ports (item 8 with the real sample).
    void icmpQuoted()
    {
        PacketDecoder decoder;
        DecodedPacket out;
        d4::capture::CaptureFileReader::read(
            QStringLiteral(D4_TEST_DATA_DIR "/pcap/icmp-destunreach-udp.pcap"),
            [&](const d4::capture::CapturePacket &packet) {
                decoder.decode(packet.linkType, packet.data, packet.capturedLength, out);
            });
        QCOMPARE(out.status, Status::Ok);
        QCOMPARE(out.icmpType, quint8(3));
        QCOMPARE(out.icmpCode, quint8(3));
        QCOMPARE(out.source.v4, 0xC0A80166U); // 192.168.1.102
        QVERIFY(out.quoted.present);
        QCOMPARE(out.quoted.destination.v4, 0xC0A80166U);
        QCOMPARE(out.quoted.source.v4, 0xC0A80101U);
        QCOMPARE(out.quoted.protocol, quint8(17));
        QVERIFY(out.quoted.hasPorts);
        QCOMPARE(out.quoted.sourcePort, quint16(53));
        QCOMPARE(out.quoted.destinationPort, quint16(59207));

        // Only an IP header quoted: no ports; nothing quoted: not present.
        DecodedPacket p = decode(101, ipv4(kA, kB, 1, icmp(11, 0, ipv4(kB, kA, 6, {}))));
        QVERIFY(p.quoted.present);
        QVERIFY(!p.quoted.hasPorts);
        p = decode(101, ipv4(kA, kB, 1, icmp(3, 1)));
        QCOMPARE(p.status, Status::Ok);
        QVERIFY(!p.quoted.present);
        // ICMPv6 destination unreachable quoting IPv6/UDP.
        p = decode(229,
                   ipv6(v6addr(1), v6addr(2), 58, icmp(1, 4, ipv6(v6addr(2), v6addr(9), 17, udp(1234, 53)))));
        QCOMPARE(p.status, Status::Ok);
        QVERIFY(p.quoted.present);
        QCOMPARE(p.quoted.destination.v6[15], quint8(9));
        QCOMPARE(p.quoted.destinationPort, quint16(53));
    }

    // One test per non-Ok status, each counted.
    void statuses_data()
    {
        QTest::addColumn<quint32>("linkType");
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("status");
        const QByteArray ip = ipv4(kA, kB, 6, tcp(1, 2, 0x02));
        QTest::newRow("unsupported link") << 147U << ip << int(Status::UnsupportedLinkType);
        QTest::newRow("short ethernet") << 1U << QByteArray(10, '\0') << int(Status::TruncatedLink);
        QTest::newRow("short vlan") << 1U << QByteArray(12, '\0') + be16(0x8100) + be16(1)
                                    << int(Status::TruncatedLink);
        QTest::newRow("short sll") << 113U << QByteArray(15, '\0') << int(Status::TruncatedLink);
        QTest::newRow("short null") << 0U << QByteArray(3, '\0') << int(Status::TruncatedLink);
        QTest::newRow("arp") << 1U << ethernet(0x0806, QByteArray(28, '\0')) << int(Status::NotIp);
        QTest::newRow("null other family") << 0U << QByteArray("\x07\0\0\0", 4) + ip << int(Status::NotIp);
        QTest::newRow("short ipv4") << 1U << ethernet(0x0800, ip.left(19)) << int(Status::TruncatedIp);
        QTest::newRow("short ipv6") << 229U << ipv6(v6addr(1), v6addr(2), 6, {}).left(39)
                                    << int(Status::TruncatedIp);
        QTest::newRow("options not captured")
            << 101U << ipv4(kA, kB, 6, {}, 3).left(22) << int(Status::TruncatedIp);
        QByteArray badIhl = ip;
        badIhl[0] = 0x44;
        QTest::newRow("IHL 4") << 101U << badIhl << int(Status::BadIpHeader);
        QByteArray shortTotal = ip;
        shortTotal[2] = 0;
        shortTotal[3] = 10;
        QTest::newRow("total length < header") << 101U << shortTotal << int(Status::BadIpHeader);
        QTest::newRow("version 5") << 101U << QByteArray("\x50", 1) + QByteArray(30, '\0')
                                   << int(Status::BadIpHeader);
        QTest::newRow("ethertype/version mismatch") << 1U << ethernet(0x86DD, ip) << int(Status::BadIpHeader);
        QTest::newRow("fragment") << 101U << ipv4(kA, kB, 6, tcp(1, 2, 2), 0, 0x0001)
                                  << int(Status::Fragment);
        QTest::newRow("short tcp") << 101U << ipv4(kA, kB, 6, tcp(1, 2, 2).left(19))
                                   << int(Status::TruncatedTransport);
        QTest::newRow("short udp") << 101U << ipv4(kA, kB, 17, udp(1, 2).left(7))
                                   << int(Status::TruncatedTransport);
        QTest::newRow("short icmp") << 101U << ipv4(kA, kB, 1, icmp(0, 0).left(3))
                                    << int(Status::TruncatedTransport);
        QTest::newRow("short ipv6 extension")
            << 229U << ipv6(v6addr(1), v6addr(2), 0, QByteArray("\x06\x05", 2))
            << int(Status::TruncatedTransport);
        QTest::newRow("gre") << 101U << ipv4(kA, kB, 47, QByteArray(8, '\0')) << int(Status::OtherTransport);
    }
    void statuses()
    {
        QFETCH(quint32, linkType);
        QFETCH(QByteArray, frame);
        QFETCH(int, status);
        PacketDecoder decoder;
        const DecodedPacket p = decode(linkType, frame, &decoder);
        QCOMPARE(int(p.status), status);
        QCOMPARE(decoder.stats().status[status], 1ULL);
        QCOMPARE(decoder.stats().frames, 1ULL);
        QVERIFY(QByteArray(PacketDecoder::statusKey(p.status)) != "unknown");
    }

    // Item 18: a pcapng whose interfaces have different link types is decoded per interface.
    void perInterfaceLinkTypes()
    {
        const QByteArray ip = ipv4(kA, kB, 17, udp(53, 1000));
        PcapNgBuilder builder(false);
        builder.section().interface(1).interface(101).enhanced(0, 1, ethernet(0x0800, ip)).enhanced(1, 2, ip);
        PacketDecoder decoder;
        QList<quint16> ports;
        d4::capture::CaptureReader reader([&](const d4::capture::CapturePacket &packet) {
            DecodedPacket out;
            decoder.decode(packet.linkType, packet.data, packet.capturedLength, out);
            ports.append(out.sourcePort);
        });
        QVERIFY(reader.feed(builder.bytes()));
        QVERIFY(reader.finish());
        QCOMPARE(ports, (QList<quint16>{53, 53}));
        QCOMPARE(decoder.stats().status[int(Status::Ok)], 2ULL);
    }

    // Item 1: 7,996 of the 8,000 packets of the reflection sample are IPv4.
    void ampIpv4Count()
    {
        PacketDecoder decoder;
        DecodedPacket out;
        d4::capture::CaptureFileReader::read(
            QStringLiteral(D4_TEST_DATA_DIR "/pcap/amp.TCP.reflection.SYNACK.pcap"),
            [&](const d4::capture::CapturePacket &packet) {
                decoder.decode(packet.linkType, packet.data, packet.capturedLength, out);
            });
        QCOMPARE(decoder.stats().frames, 8000ULL);
        QCOMPARE(decoder.stats().ipv4, 7996ULL);
    }
};

QTEST_GUILESS_MAIN(TestPacketDecoder)
#include "tst_packetdecoder.moc"
