// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// DnsSink on real captures read by the capture reader, compared with passivedns 1.2.1's logs of the
// same captures (tests/data/pdns, spec passive-dns.md §3): every (rrname, rrtype, rdata) passivedns
// logged is extracted; the differences are only where passivedns loses data, and are tested.

#include <QFile>
#include <QSet>
#include <QTest>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/rrtypes.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "import/dnssink.h"
#include "testenvironment.h"

using namespace d4;
using d4::import::DnsSink;
using d4::import::DnsTuple;

namespace {

struct Run
{
    QList<DnsTuple> tuples;
    DnsSink::Stats stats;
    quint64 tcpMessages = 0;
};

Run runSink(const QString &pcap)
{
    DnsSink sink;
    capture::PacketPipeline pipeline;
    pipeline.addSink(&sink);
    const capture::CaptureSummary summary = capture::CaptureFileReader::read(
        test::testDataPath(QStringLiteral("pdns/") + pcap),
        [&](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
    [&] { QVERIFY2(summary.ok(), qPrintable(pcap)); }();
    return Run{sink.aggregator().tuples(), sink.stats(), sink.tcpStats().messages};
}

QByteArray keyOf(const QByteArray &name, int type, const QByteArray &rdata)
{
    return name + ' ' + passivedns::RrTypes::displayName(type) + ' ' + rdata;
}

QSet<QByteArray> keys(const QList<DnsTuple> &tuples, bool errors = false)
{
    QSet<QByteArray> out;
    for (const DnsTuple &tuple : tuples) {
        if (tuple.error == errors) {
            out.insert(keyOf(tuple.rrname, tuple.rrtype, tuple.rdata));
        }
    }
    return out;
}

QList<passivedns::PdnsRecord> logged(const QString &log)
{
    QList<passivedns::PdnsRecord> out;
    QFile file(test::testDataPath(QStringLiteral("pdns/") + log));
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    const passivedns::LineParser parser(passivedns::LineLayout(), {});
    for (const QByteArray &line : file.readAll().split('\n')) {
        const passivedns::ParseResult result = parser.parse(line);
        if (result.kind == passivedns::ParseResult::Kind::Record ||
            result.kind == passivedns::ParseResult::Kind::Error) {
            out.append(result.record);
        }
    }
    return out;
}

} // namespace

class TestDnsSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void udpAndTcpCapturesMatchPassivedns_data()
    {
        QTest::addColumn<QString>("pcap");
        QTest::addColumn<QString>("log");
        QTest::addColumn<bool>("tcp");
        QTest::newRow("udp") << QStringLiteral("dns_udp.pcap")
                             << QStringLiteral("passivedns-tcpdump-dns_udp.log") << false;
        QTest::newRow("tcp") << QStringLiteral("dns_tcp.pcap")
                             << QStringLiteral("passivedns-tcpdump-dns_tcp.log") << true;
    }
    void udpAndTcpCapturesMatchPassivedns()
    {
        QFETCH(QString, pcap);
        QFETCH(QString, log);
        QFETCH(bool, tcp);
        const Run run = runSink(pcap);
        const QList<passivedns::PdnsRecord> expected = logged(log);
        QCOMPARE(expected.size(), 2);
        const QSet<QByteArray> ours = keys(run.tuples);
        for (const passivedns::PdnsRecord &record : expected) {
            QVERIFY2(ours.contains(keyOf(record.rrname, record.rrtype, record.rdata)),
                     record.rrname.constData());
        }
        // Our extra: the authority section (passivedns logs answers only, §3.1).
        QVERIFY(ours.contains("tcpdump.org NS sns.cooperix.net"));
        QCOMPARE(ours.size(), 4);
        for (const DnsTuple &tuple : run.tuples) {
            QCOMPARE(tuple.count, 1);
            QCOMPARE(tuple.first, expected.constFirst().seconds);
        }
        QCOMPARE(run.tcpMessages > 0, tcp);
        QCOMPARE(run.stats.undecodable, 0u);
    }

    void syntheticCaptureMatchesPassivedns()
    {
        const Run run = runSink(QStringLiteral("pdns-synthetic.pcap"));
        const QSet<QByteArray> ours = keys(run.tuples);
        // What passivedns prints in full is found verbatim (§3.2 table).
        const QSet<QByteArray> full{"A",     "AAAA",  "CNAME", "NS", "PTR",    "DNAME",
                                    "NAPTR", "HINFO", "SSHFP", "DS", "DNSKEY", "SPF"};
        // What it truncates (MX preference, SRV priority/weight/port, SOA after MNAME, RP's TXT
        // pointer, TXT strings after the first) we keep whole: the logged part is in our rdata.
        const QSet<QByteArray> lossy{"MX", "SRV", "SOA", "RP", "TXT", "NSEC"};
        int verbatim = 0;
        int contained = 0;
        for (const passivedns::PdnsRecord &record : logged(QStringLiteral("passivedns-synth-alltypes.log"))) {
            const QByteArray type = passivedns::RrTypes::displayName(record.rrtype);
            const QByteArray key = keyOf(record.rrname, record.rrtype, record.rdata);
            if (full.contains(type)) {
                QVERIFY2(ours.contains(key), key.constData());
                ++verbatim;
                continue;
            }
            QVERIFY2(lossy.contains(type), type.constData());
            const QByteArray logged = record.rdata.trimmed();
            bool found = false;
            for (const DnsTuple &tuple : run.tuples) {
                found = found || (tuple.rrname == record.rrname && tuple.rrtype == record.rrtype &&
                                  tuple.rdata.contains(logged));
            }
            QVERIFY2(found, key.constData());
            ++contained;
        }
        QVERIFY(verbatim >= 18);
        QVERIFY(contained >= 6);
        // The documented differences themselves.
        QVERIFY(ours.contains("example.com MX 10 mail.example.com"));
        bool srvPort = false;
        bool txtBoth = false;
        for (const QByteArray &key : ours) {
            srvPort = srvPort || (key.startsWith("_sip._tcp.example.com SRV ") &&
                                  key.endsWith(" sip.example.com") && key.count(' ') == 5);
            txtBoth = txtBoth || key == "multi-txt.example.com TXT \"first string\" \"second string\"";
        }
        QVERIFY(srvPort);
        QVERIFY2(txtBoth, "multi-string TXT kept whole");
        // Aggregation on capture time: www.example.com A 192.0.2.10 was answered twice.
        bool twice = false;
        for (const DnsTuple &tuple : run.tuples) {
            if (tuple.rrname == "www.example.com" && tuple.rdata == "192.0.2.10") {
                twice = tuple.count == 2 && tuple.first == 1700000000 && tuple.last == 1700000000;
            }
        }
        QVERIFY(twice);
        // IPv6 transport: the AAAA answer came over IPv6.
        QVERIFY(ours.contains("www.example.com AAAA 2001:db8::10"));
    }

    void errorRecordsMatchPassivedns()
    {
        const Run synthetic = runSink(QStringLiteral("pdns-synthetic.pcap"));
        const QSet<QByteArray> errors = keys(synthetic.tuples, true);
        for (const passivedns::PdnsRecord &record :
             logged(QStringLiteral("passivedns-synth-alltypes-nxd.log"))) {
            if (record.error) {
                QVERIFY2(errors.contains(keyOf(record.rrname, record.rrtype, record.rdata)),
                         record.rrname.constData());
            }
        }
        // passivedns prints a bogus type for a URI question (§3.3 "Bug to tolerate"): we give the
        // question's real type, so only the name and RCODE are compared.
        const Run uri = runSink(QStringLiteral("dns-uri.pcap"));
        const QList<passivedns::PdnsRecord> expected =
            logged(QStringLiteral("passivedns-tcpdump-dns-uri-nxd.log"));
        QCOMPARE(expected.size(), 1);
        bool found = false;
        for (const DnsTuple &tuple : uri.tuples) {
            if (tuple.error && tuple.rrname == expected[0].rrname && tuple.rdata == expected[0].rdata) {
                found = true;
                QCOMPARE(tuple.rrtype, 256); // URI; passivedns logged 1
            }
        }
        QVERIFY(found);
        // The URI answer passivedns does not log at all (§3.2) is extracted.
        bool uriAnswer = false;
        for (const DnsTuple &tuple : uri.tuples) {
            uriAnswer = uriAnswer || (!tuple.error && tuple.rrtype == 256);
        }
        QVERIFY(uriAnswer);
    }
};

QTEST_GUILESS_MAIN(TestDnsSink)
#include "tst_dnssink.moc"
