// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// DNS records from wire-format messages (ldns), compared with passivedns 1.2.1's logs of the same
// captures (testdata/pdns). The test reads the pcaps with a few lines of its own (Ethernet, IPv4/IPv6,
// UDP and TCP with the two-byte length) so that it does not depend on core/capture.

#include <QFile>
#include <QSet>
#include <QTest>
#include <QtEndian>

#include "analyzers/passivedns/dnsextractor.h"
#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/rrtypes.h"
#include "testenvironment.h"

using namespace d4::passivedns;

namespace {

struct Message
{
    QByteArray wire;
    qint64 seconds = 0;
    int micros = 0;
};

/** DNS messages (port 53) of a little-endian µs Ethernet pcap; TCP streams reassembled naively per flow. */
QList<Message> dnsMessages(const QString &name)
{
    QFile file(d4::test::testDataPath(QStringLiteral("pdns/") + name));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray data = file.readAll();
    QList<Message> messages;
    QHash<QByteArray, QByteArray> tcpStreams;
    qsizetype offset = 24;
    while (offset + 16 <= data.size()) {
        const auto *header = reinterpret_cast<const uchar *>(data.constData() + offset);
        const qint64 seconds = qFromLittleEndian<quint32>(header);
        const int micros = int(qFromLittleEndian<quint32>(header + 4));
        const qsizetype length = qFromLittleEndian<quint32>(header + 8);
        const QByteArray frame = data.mid(offset + 16, length);
        offset += 16 + length;
        if (frame.size() < 14) {
            continue;
        }
        const auto *f = reinterpret_cast<const uchar *>(frame.constData());
        const quint16 etherType = qFromBigEndian<quint16>(f + 12);
        qsizetype l4 = 0;
        int protocol = 0;
        QByteArray flow;
        if (etherType == 0x0800) {
            l4 = 14 + (f[14] & 0x0f) * 4;
            protocol = f[14 + 9];
            flow = frame.mid(14 + 12, 8);
        } else if (etherType == 0x86dd) {
            l4 = 14 + 40;
            protocol = f[14 + 6];
            flow = frame.mid(14 + 8, 32);
        } else {
            continue;
        }
        if (protocol == 17 && frame.size() >= l4 + 8) {
            messages.append({frame.mid(l4 + 8), seconds, micros});
        } else if (protocol == 6 && frame.size() >= l4 + 20) {
            const qsizetype dataOffset = l4 + (f[l4 + 12] >> 4) * 4;
            flow += frame.mid(l4, 4);
            QByteArray &stream = tcpStreams[flow];
            stream += frame.mid(dataOffset);
            while (stream.size() >= 2) {
                const qsizetype size =
                    qFromBigEndian<quint16>(reinterpret_cast<const uchar *>(stream.constData()));
                if (stream.size() < 2 + size) {
                    break;
                }
                messages.append({stream.mid(2, size), seconds, micros});
                stream.remove(0, 2 + size);
            }
        }
    }
    return messages;
}

QSet<QByteArray> extracted(const QString &pcap, bool authority = false)
{
    QSet<QByteArray> out;
    DnsExtractor::Options options;
    options.authority = authority;
    for (const Message &message : dnsMessages(pcap)) {
        for (const PdnsRecord &record :
             DnsExtractor::extract(message.wire, message.seconds, message.micros, options)) {
            if (record.error) {
                continue;
            }
            out.insert(record.rrname + ' ' + RrTypes::displayName(record.rrtype) + ' ' + record.rdata);
        }
    }
    return out;
}

QSet<QByteArray> logged(const QString &log, const QSet<QByteArray> &types = {})
{
    QSet<QByteArray> out;
    QFile file(d4::test::testDataPath(QStringLiteral("pdns/") + log));
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    LineParser parser(LineLayout(), {});
    for (const QByteArray &line : file.readAll().split('\n')) {
        const ParseResult result = parser.parse(line);
        if (result.kind == ParseResult::Kind::Rejected) {
            continue;
        }
        const QByteArray type = RrTypes::displayName(result.record.rrtype);
        if (types.isEmpty() || types.contains(type)) {
            out.insert(result.record.rrname + ' ' + type + ' ' + result.record.rdata);
        }
    }
    return out;
}

} // namespace

class TestDnsExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void udpAndTcpMatchPassivedns()
    {
        const QSet<QByteArray> expected = logged(QStringLiteral("passivedns-tcpdump-dns_udp.log"));
        QCOMPARE(expected.size(), 2);
        // passivedns logs the answer section only; with the authority section we also get the NS records.
        QCOMPARE(extracted(QStringLiteral("dns_udp.pcap")), expected);
        QSet<QByteArray> withAuthority = expected;
        withAuthority << "tcpdump.org NS sns.cooperix.net"
                      << "tcpdump.org NS nic.sandelman.ca";
        QCOMPARE(extracted(QStringLiteral("dns_udp.pcap"), true), withAuthority);
        QCOMPARE(extracted(QStringLiteral("dns_tcp.pcap")),
                 logged(QStringLiteral("passivedns-tcpdump-dns_tcp.log")));
        // Times and TTL from the capture.
        const QList<Message> messages = dnsMessages(QStringLiteral("dns_udp.pcap"));
        QCOMPARE(messages.size(), 2);
        const QList<PdnsRecord> records =
            DnsExtractor::extract(messages[1].wire, messages[1].seconds, messages[1].micros);
        QVERIFY(records.size() >= 2);
        QCOMPARE(records[0].seconds, 1591780794);
        QCOMPARE(records[0].ttl, 60);
        QVERIFY(DnsExtractor::extract(messages[0].wire, 1).isEmpty()); // the query
    }

    void nxdomainIsAnErrorRecord()
    {
        QSet<QByteArray> errors;
        for (const Message &message : dnsMessages(QStringLiteral("dns-uri.pcap"))) {
            for (const PdnsRecord &record : DnsExtractor::extract(message.wire, message.seconds)) {
                if (record.error) {
                    errors.insert(record.rrname + ' ' + record.rdata);
                }
            }
        }
        QVERIFY(errors.contains("_ftp.dns.test NXDOMAIN"));
        // The URI answer passivedns does not log at all is extracted (type 256).
        bool uri = false;
        for (const QByteArray &entry : extracted(QStringLiteral("dns-uri.pcap"), true)) {
            uri = uri || entry.contains(" URI ");
        }
        QVERIFY(uri);
    }

    void syntheticCaptureMatchesPassivedns()
    {
        // Types passivedns prints in full presentation form (spec §3.2); the others it truncates.
        const QSet<QByteArray> fullTypes{"A",     "AAAA",  "CNAME", "NS", "PTR",    "DNAME",
                                         "NAPTR", "HINFO", "SSHFP", "DS", "DNSKEY", "SPF"};
        const QSet<QByteArray> expected = logged(QStringLiteral("passivedns-synth-alltypes.log"), fullTypes);
        const QSet<QByteArray> ours = extracted(QStringLiteral("pdns-synthetic.pcap"), true);
        QVERIFY(expected.size() >= 15);
        for (const QByteArray &entry : expected) {
            QVERIFY2(ours.contains(entry), entry.constData());
        }
        // Where passivedns loses data, we keep it: MX preference, SRV port, SOA serial, both TXT strings.
        bool mx = false;
        bool srv = false;
        bool soa = false;
        bool txt = false;
        for (const QByteArray &entry : ours) {
            mx = mx || (entry.startsWith("example.com MX 10 ") && entry.endsWith("mail.example.com"));
            srv = srv || entry.startsWith("_sip._tcp.example.com SRV ");
            soa = soa || entry.startsWith("example.com SOA ns1.example.com");
            txt = txt || (entry.startsWith("multi-txt.example.com TXT \"first string\" "));
        }
        QVERIFY(mx);
        QVERIFY(srv);
        QVERIFY(soa);
        QVERIFY(txt);
    }

    void garbageIsNotFatal()
    {
        bool decoded = true;
        QVERIFY(
            DnsExtractor::extract(QByteArray("short"), 1, 0, DnsExtractor::Options(), &decoded).isEmpty());
        QVERIFY(!decoded);
        QByteArray bogus(64, '\xff');
        QVERIFY(DnsExtractor::extract(bogus, 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDnsExtractor)
#include "tst_dnsextractor.moc"
