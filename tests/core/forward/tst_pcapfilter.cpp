// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The forwarding pcap filter: libpcap expressions on real captures (tests/data/pcap), source
// streams of both byte orders and time resolutions, snap length, link types, malformed records.

#include <QFile>
#include <QTest>
#include <QtEndian>

#include "forward/pcapfilter.h"
#include "testenvironment.h"

using namespace d4::forward;

namespace {

/** A classic pcap file split into its global header and records (header + data each). */
struct Capture
{
    QByteArray globalHeader;
    QByteArrayList records;
};

Capture readCapture(const QString &name)
{
    QFile file(d4::test::testDataPath(QStringLiteral("pcap/") + name));
    Capture capture;
    if (!file.open(QIODevice::ReadOnly)) {
        return capture;
    }
    const QByteArray bytes = file.readAll();
    capture.globalHeader = bytes.left(24);
    const bool swapped = qFromLittleEndian<quint32>(bytes.constData()) != 0xa1b2c3d4 &&
                         qFromLittleEndian<quint32>(bytes.constData()) != 0xa1b23c4d;
    qsizetype offset = 24;
    while (offset + 16 <= bytes.size()) {
        const char *header = bytes.constData() + offset;
        const quint32 length =
            swapped ? qFromBigEndian<quint32>(header + 8) : qFromLittleEndian<quint32>(header + 8);
        capture.records.append(bytes.mid(offset, 16 + qsizetype(length)));
        offset += 16 + qsizetype(length);
    }
    return capture;
}

void swap32(QByteArray &bytes, qsizetype offset)
{
    qToBigEndian<quint32>(qFromLittleEndian<quint32>(bytes.constData() + offset), bytes.data() + offset);
}

void swap16(QByteArray &bytes, qsizetype offset)
{
    qToBigEndian<quint16>(qFromLittleEndian<quint16>(bytes.constData() + offset), bytes.data() + offset);
}

/** The same capture as a big-endian writer would have written it. */
Capture bigEndian(Capture capture)
{
    swap32(capture.globalHeader, 0);
    swap16(capture.globalHeader, 4);
    swap16(capture.globalHeader, 6);
    for (const qsizetype offset : {8, 12, 16, 20}) {
        swap32(capture.globalHeader, offset);
    }
    for (QByteArray &record : capture.records) {
        for (const qsizetype offset : {0, 4, 8, 12}) {
            swap32(record, offset);
        }
    }
    return capture;
}

/** The same little-endian microsecond capture with nanosecond timestamps. */
Capture nanoseconds(Capture capture)
{
    qToLittleEndian<quint32>(0xa1b23c4d, capture.globalHeader.data());
    for (QByteArray &record : capture.records) {
        qToLittleEndian<quint32>(qFromLittleEndian<quint32>(record.constData() + 4) * 1000 + 999,
                                 record.data() + 4);
    }
    return capture;
}

std::unique_ptr<PcapFilter> makeFilter(const QString &expression, quint32 linkType = 1,
                                       quint32 snapLength = 0)
{
    PcapFilterSettings settings;
    settings.expression = expression;
    settings.linkType = linkType;
    settings.snapLength = snapLength;
    QString error;
    auto filter = PcapFilter::create(settings, error);
    if (!filter) {
        qWarning("cannot compile %s: %s", qPrintable(expression), qPrintable(error));
    }
    return filter;
}

/** Ethernet + IPv6 + UDP, built by hand: 2001:db8::1 port 4000 -> 2001:db8:1::2 port 5353. */
QByteArray ipv6UdpRecord()
{
    QByteArray frame;
    frame += QByteArray::fromHex("02000000000202000000000186dd");          // dst, src, ethertype IPv6
    frame += QByteArray::fromHex("60000000000c1140");                      // version, length 12, UDP, hop 64
    frame += QByteArray::fromHex("20010db8000000000000000000000001");      // source
    frame += QByteArray::fromHex("20010db8000100000000000000000002");      // destination
    frame += QByteArray::fromHex("0fa014e9000c0000") + QByteArray("ping"); // UDP 4000 -> 5353
    QByteArray record(16, '\0');
    qToLittleEndian<quint32>(1700000000, record.data());
    qToLittleEndian<quint32>(123456, record.data() + 4);
    qToLittleEndian<quint32>(quint32(frame.size()), record.data() + 8);
    qToLittleEndian<quint32>(quint32(frame.size()), record.data() + 12);
    return record + frame;
}

QByteArray ethernetGlobalHeader()
{
    return readCapture(QStringLiteral("dns_udp.pcap")).globalHeader;
}

} // namespace

class TestPcapFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputGlobalHeader()
    {
        QCOMPARE(makeFilter(QString())->outputGlobalHeader().toHex(),
                 QByteArray("d4c3b2a10200040000000000000000000000040001000000"));
        QCOMPARE(makeFilter(QString(), 113, 96)->outputGlobalHeader().toHex(),
                 QByteArray("d4c3b2a10200040000000000000000006000000071000000"));
    }

    void emptyExpressionKeepsEverythingUnchanged()
    {
        const Capture capture = readCapture(QStringLiteral("edns-opts.pcap"));
        QCOMPARE(capture.records.size(), 42);
        const auto filter = makeFilter(QString());
        QVERIFY(filter);
        for (const QByteArray &record : capture.records) {
            const FilterDecision decision = filter->apply(capture.globalHeader, record);
            QCOMPARE(decision.reason, FilterReason::None);
            QCOMPARE(decision.output, record); // already little-endian microseconds
        }
    }

    void expressions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<quint32>("linkType");
        QTest::addColumn<int>("kept");
        QTest::addColumn<int>("total");
        // Counts checked against the packets' addresses and ports (dns_udp: one query and its
        // answer 192.168.1.11 <-> 209.87.249.18; dns_tcp: an 11-packet TCP DNS exchange, 6 from the client).
        QTest::newRow("udp port") << QStringLiteral("dns_udp.pcap") << QStringLiteral("udp port 53") << 1u
                                  << 2 << 2;
        QTest::newRow("udp port on tcp")
            << QStringLiteral("dns_tcp.pcap") << QStringLiteral("udp port 53") << 1u << 0 << 11;
        QTest::newRow("tcp port") << QStringLiteral("dns_tcp.pcap") << QStringLiteral("tcp port 53") << 1u
                                  << 11 << 11;
        QTest::newRow("src host") << QStringLiteral("dns_tcp.pcap") << QStringLiteral("src host 192.168.1.11")
                                  << 1u << 6 << 11;
        QTest::newRow("dst host") << QStringLiteral("dns_tcp.pcap") << QStringLiteral("dst host 192.168.1.11")
                                  << 1u << 5 << 11;
        QTest::newRow("host") << QStringLiteral("dns_udp.pcap") << QStringLiteral("host 209.87.249.18") << 1u
                              << 2 << 2;
        QTest::newRow("other host") << QStringLiteral("dns_udp.pcap") << QStringLiteral("host 192.0.2.1")
                                    << 1u << 0 << 2;
        QTest::newRow("src port") << QStringLiteral("dns_udp.pcap") << QStringLiteral("src port 43966") << 1u
                                  << 1 << 2;
        QTest::newRow("net") << QStringLiteral("edns-opts.pcap") << QStringLiteral("net 192.0.0.0/24") << 1u
                             << 42 << 42;
        QTest::newRow("src net") << QStringLiteral("edns-opts.pcap") << QStringLiteral("src net 192.0.0.1/32")
                                 << 1u << 21 << 42;
        QTest::newRow("other net") << QStringLiteral("edns-opts.pcap") << QStringLiteral("net 10.0.0.0/8")
                                   << 1u << 0 << 42;
        QTest::newRow("icmp") << QStringLiteral("icmp-destunreach-udp.pcap") << QStringLiteral("icmp") << 1u
                              << 1 << 1;
        QTest::newRow("icmp is not udp")
            << QStringLiteral("icmp-destunreach-udp.pcap") << QStringLiteral("udp") << 1u << 0 << 1;
        // Linux SLL (113), nanosecond capture: SYN, SYN/ACK, ACK.
        QTest::newRow("sll syn") << QStringLiteral("tcp-handshake-nano.pcap")
                                 << QStringLiteral("tcp[tcpflags] & tcp-syn != 0") << 113u << 2 << 3;
        QTest::newRow("sll ack only") << QStringLiteral("tcp-handshake-nano.pcap")
                                      << QStringLiteral("tcp[tcpflags] == tcp-ack") << 113u << 1 << 3;
    }
    void expressions()
    {
        QFETCH(QString, file);
        QFETCH(QString, expression);
        QFETCH(quint32, linkType);
        QFETCH(int, kept);
        QFETCH(int, total);
        const Capture capture = readCapture(file);
        QCOMPARE(capture.records.size(), total);
        const auto filter = makeFilter(expression, linkType);
        QVERIFY(filter);
        int counted = 0;
        for (const QByteArray &record : capture.records) {
            const FilterDecision decision = filter->apply(capture.globalHeader, record);
            QVERIFY(decision.reason == FilterReason::None || decision.reason == FilterReason::PcapFilter);
            QCOMPARE(decision.output.isEmpty(), !decision.kept());
            counted += decision.kept();
        }
        QCOMPARE(counted, kept);
    }

    void ipv6Expressions()
    {
        const QByteArray record = ipv6UdpRecord();
        const QByteArray header = ethernetGlobalHeader();
        QCOMPARE(makeFilter(QStringLiteral("ip6 and udp dst port 5353"))->apply(header, record).reason,
                 FilterReason::None);
        QCOMPARE(makeFilter(QStringLiteral("src net 2001:db8::/48"))->apply(header, record).reason,
                 FilterReason::None);
        QCOMPARE(makeFilter(QStringLiteral("src net 2001:db8:1::/48"))->apply(header, record).reason,
                 FilterReason::PcapFilter);
        QCOMPARE(makeFilter(QStringLiteral("ip"))->apply(header, record).reason, FilterReason::PcapFilter);
        QCOMPARE(makeFilter(QStringLiteral("port 53"))->apply(header, record).reason,
                 FilterReason::PcapFilter);
    }

    // A big-endian source gives the same little-endian records as the little-endian one.
    void bothByteOrders()
    {
        for (const QString &name :
             {QStringLiteral("dns_tcp.pcap"), QStringLiteral("tcp-handshake-nano.pcap")}) {
            const Capture little = readCapture(name);
            const Capture big = bigEndian(little);
            QVERIFY(big.globalHeader != little.globalHeader);
            const quint32 linkType = qFromLittleEndian<quint32>(little.globalHeader.constData() + 20);
            const auto filter = makeFilter(QStringLiteral("tcp"), linkType);
            for (qsizetype i = 0; i < little.records.size(); ++i) {
                QVERIFY(big.records[i] != little.records[i]);
                const FilterDecision fromBig = filter->apply(big.globalHeader, big.records[i]);
                const FilterDecision fromLittle = filter->apply(little.globalHeader, little.records[i]);
                QCOMPARE(fromBig.reason, FilterReason::None);
                QCOMPARE(fromBig.output, fromLittle.output);
            }
        }
        // Big-endian and a non-matching expression: still filtered.
        const Capture big = bigEndian(readCapture(QStringLiteral("dns_udp.pcap")));
        QCOMPARE(makeFilter(QStringLiteral("tcp"))->apply(big.globalHeader, big.records[0]).reason,
                 FilterReason::PcapFilter);
    }

    void nanosecondsBecomeMicroseconds()
    {
        const Capture nano = readCapture(QStringLiteral("tcp-handshake-nano.pcap"));
        const auto filter = makeFilter(QString(), 113);
        const FilterDecision first = filter->apply(nano.globalHeader, nano.records[0]);
        QCOMPARE(first.reason, FilterReason::None);
        QCOMPARE(qFromLittleEndian<quint32>(first.output.constData()), 1418145369u);
        QCOMPARE(qFromLittleEndian<quint32>(first.output.constData() + 4), 924505u); // 924505488 ns
        QCOMPARE(first.output.mid(8), nano.records[0].mid(8));                       // lengths and data

        // A microsecond capture turned into nanoseconds (+999 ns) comes back as the original, in both byte
        // orders.
        const Capture micro = readCapture(QStringLiteral("dns_udp.pcap"));
        const Capture asNano = nanoseconds(micro);
        const Capture asNanoBig = bigEndian(asNano);
        QCOMPARE(qFromBigEndian<quint32>(asNanoBig.globalHeader.constData()), 0xa1b23c4du);
        const auto ethernet = makeFilter(QString());
        for (qsizetype i = 0; i < micro.records.size(); ++i) {
            QVERIFY(asNano.records[i] != micro.records[i]);
            QCOMPARE(ethernet->apply(asNano.globalHeader, asNano.records[i]).output, micro.records[i]);
            QCOMPARE(ethernet->apply(asNanoBig.globalHeader, asNanoBig.records[i]).output, micro.records[i]);
        }
    }

    void snapLengthCutsCapturedBytes()
    {
        const Capture capture = readCapture(QStringLiteral("dns_udp.pcap"));
        const QByteArray &record = capture.records[0]; // 98 bytes
        // The expression looks at the whole packet (the DNS port is past byte 40 of nothing, but the
        // filter runs before the cut).
        const auto filter = makeFilter(
            QStringLiteral("udp[8:2] == 0x") + QString::fromLatin1(record.mid(16 + 42, 2).toHex()), 1, 44);
        QVERIFY(filter);
        const FilterDecision decision = filter->apply(capture.globalHeader, record);
        QCOMPARE(decision.reason, FilterReason::None);
        QCOMPARE(decision.output.size(), 16 + 44);
        QCOMPARE(qFromLittleEndian<quint32>(decision.output.constData() + 8), 44u);
        QCOMPARE(qFromLittleEndian<quint32>(decision.output.constData() + 12), 98u); // original length kept
        QCOMPARE(decision.output.mid(16), record.mid(16, 44));
        QCOMPARE(decision.output.left(8), record.left(8));
        // A snap length above the packet size leaves it whole.
        QCOMPARE(makeFilter(QString(), 1, 1000)->apply(capture.globalHeader, record).output, record);
        // Exactly the packet size too.
        QCOMPARE(makeFilter(QString(), 1, 98)->apply(capture.globalHeader, record).output, record);
    }

    void otherLinkTypeIsLeftOut()
    {
        const Capture sll = readCapture(QStringLiteral("tcp-handshake-nano.pcap"));
        QCOMPARE(makeFilter(QString())->apply(sll.globalHeader, sll.records[0]).reason,
                 FilterReason::LinkType);
        QCOMPARE(makeFilter(QStringLiteral("tcp"))->apply(sll.globalHeader, sll.records[0]).reason,
                 FilterReason::LinkType);
        const Capture ethernet = readCapture(QStringLiteral("dns_udp.pcap"));
        QCOMPARE(makeFilter(QString(), 113)->apply(ethernet.globalHeader, ethernet.records[0]).reason,
                 FilterReason::LinkType);
        QVERIFY(
            makeFilter(QString(), 113)->apply(ethernet.globalHeader, ethernet.records[0]).output.isEmpty());
    }

    void invalidExpression_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QStringLiteral("port port") << QStringLiteral("syntax error");
        QTest::newRow("bad port") << QStringLiteral("port 70000") << QStringLiteral("port");
        QTest::newRow("unknown protocol")
            << QStringLiteral("ip proto nosuchproto") << QStringLiteral("nosuchproto");
        QTest::newRow("bad net") << QStringLiteral("net 10.0.0.1/8") << QStringLiteral("non-network bits");
    }
    void invalidExpression()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        PcapFilterSettings settings;
        settings.expression = expression;
        QString error;
        QVERIFY(!PcapFilter::create(settings, error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // An expression that is valid but not for the link type is refused too.
    void expressionForAnotherLinkType()
    {
        PcapFilterSettings settings;
        settings.expression = QStringLiteral("ether host 02:00:00:00:00:01");
        settings.linkType = 101; // raw IP: no Ethernet addresses
        QString error;
        QVERIFY(!PcapFilter::create(settings, error));
        QVERIFY(!error.isEmpty());
        settings.linkType = 1;
        QVERIFY(PcapFilter::create(settings, error));
    }

    // --- Unparsable: one test per malformation.

    void recordShorterThanHeader()
    {
        const auto filter = makeFilter(QString());
        const Capture capture = readCapture(QStringLiteral("dns_udp.pcap"));
        QCOMPARE(filter->apply(capture.globalHeader, capture.records[0].left(15)).reason,
                 FilterReason::Unparsable);
        QCOMPARE(filter->apply(capture.globalHeader, QByteArrayView()).reason, FilterReason::Unparsable);
    }

    void capturedLengthBeyondTheBytes()
    {
        const Capture capture = readCapture(QStringLiteral("dns_udp.pcap"));
        QCOMPARE(makeFilter(QString())->apply(capture.globalHeader, capture.records[0].chopped(1)).reason,
                 FilterReason::Unparsable);
    }

    void capturedLengthShortOfTheBytes()
    {
        const Capture capture = readCapture(QStringLiteral("dns_udp.pcap"));
        QCOMPARE(
            makeFilter(QString())->apply(capture.globalHeader, QByteArray(capture.records[0] + '\0')).reason,
            FilterReason::Unparsable);
    }

    void badGlobalHeader()
    {
        const Capture capture = readCapture(QStringLiteral("dns_udp.pcap"));
        QByteArray header = capture.globalHeader;
        header[0] = 'X';
        QCOMPARE(makeFilter(QString())->apply(header, capture.records[0]).reason, FilterReason::Unparsable);
        QCOMPARE(makeFilter(QString())->apply(capture.globalHeader.left(23), capture.records[0]).reason,
                 FilterReason::Unparsable);
    }
};

QTEST_GUILESS_MAIN(TestPcapFilter)
#include "tst_pcapfilter.moc"
