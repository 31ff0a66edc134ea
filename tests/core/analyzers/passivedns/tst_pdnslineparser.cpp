// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The passivedns line parser against passivedns 1.2.1's own output (spec passive-dns.md §8, items 1–10).

#include <algorithm>

#include <QFile>
#include <QTest>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/rrtypes.h"
#include "testenvironment.h"

using namespace d4::passivedns;

namespace {

QByteArrayList linesOf(const QString &name)
{
    QFile file(d4::test::testDataPath(QStringLiteral("pdns/") + name));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

ParseResult parseOne(const QByteArray &line, const LineParser &parser = LineParser())
{
    return parser.parse(line);
}

} // namespace

class TestPdnsLineParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Item 1: every line of the all-types log parses; the weird TXT keeps its "||".
    void allTypesParse()
    {
        const QByteArrayList lines = linesOf(QStringLiteral("passivedns-synth-alltypes.log"));
        QCOMPARE(lines.size(), 30);
        LineParser parser;
        int records = 0;
        int excluded = 0;
        for (const QByteArray &line : lines) {
            const ParseResult result = parser.parse(line);
            QVERIFY2(result.kind == ParseResult::Kind::Record || result.kind == ParseResult::Kind::Excluded,
                     line.constData());
            records += result.kind == ParseResult::Kind::Record;
            excluded += result.kind == ParseResult::Kind::Excluded;
            QCOMPARE(result.record.seconds, 1700000000);
            QCOMPARE(result.record.ttl, 300);
            QCOMPARE(result.record.count, 1);
        }
        QCOMPARE(records, 29);
        QCOMPARE(excluded, 1);
        const ParseResult weird = parser.parse(lines[13]);
        QCOMPARE(weird.record.rrname, QByteArray("weird-txt.example.com"));
        QCOMPARE(weird.record.rrtype, 16);
        QCOMPARE(weird.record.rdata, QByteArray("\"has||pipes and \\\"quotes\\\" and \\\\backslash\""));
        QCOMPARE(weird.record.micros, 119000);
    }

    // Item 2: error records, and the decimal type column of passivedns' URI NXDOMAIN line.
    void errorRecords()
    {
        QByteArrayList lines = linesOf(QStringLiteral("passivedns-synth-alltypes-nxd.log"));
        lines += linesOf(QStringLiteral("passivedns-tcpdump-dns-uri-nxd.log"));
        QCOMPARE(lines.size(), 3);
        const QByteArrayList rcodes{"NXDOMAIN", "SERVFAIL", "NXDOMAIN"};
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const ParseResult result = parseOne(lines[i]);
            QCOMPARE(result.kind, ParseResult::Kind::Error);
            QVERIFY(result.record.error);
            QCOMPARE(result.record.rdata, rcodes[i]);
            QCOMPARE(result.record.ttl, 0);
        }
        const ParseResult uri = parseOne(lines[2]);
        QCOMPARE(uri.record.rrname, QByteArray("_ftp.dns.test"));
        QCOMPARE(uri.record.rrtype, 1);
        QCOMPARE(uri.record.seconds, 1550773917);
        // An answer that merely looks like an RCODE but has a TTL is an ordinary record.
        QCOMPARE(parseOne("1700000000.000001||a||b||IN||x.example.||CNAME||NXDOMAIN||60||1").kind,
                 ParseResult::Kind::Record);
        QVERIFY(LineParser::isRcodeName("UNKNOWN-ERROR-23"));
        QVERIFY(!LineParser::isRcodeName("UNKNOWN-ERROR-x"));
    }

    // Item 3: every rejection path has its reason.
    void rejections_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("reason");
        QTest::newRow("empty") << QByteArray("") << int(RejectReason::Empty);
        QTest::newRow("blank") << QByteArray("  \r") << int(RejectReason::Empty);
        QTest::newRow("garbage") << QByteArray("this is not passivedns") << int(RejectReason::TooFewFields);
        QTest::newRow("six fields") << QByteArray("1700000000.1||a||b||IN||x.example.||A")
                                    << int(RejectReason::TooFewFields);
        QTest::newRow("bad timestamp") << QByteArray("17000x0000.101000||a||b||IN||x.||A||192.0.2.1||300||1")
                                       << int(RejectReason::BadTimestamp);
        QTest::newRow("bad micros") << QByteArray("1700000000.1010000||a||b||IN||x.||A||192.0.2.1||300||1")
                                    << int(RejectReason::BadTimestamp);
        QTest::newRow("empty name") << QByteArray("1700000000.101000||a||b||IN||||A||192.0.2.1||300||1")
                                    << int(RejectReason::EmptyName);
        QTest::newRow("bad type") << QByteArray("1700000000.101000||a||b||IN||x.||NOPE||192.0.2.1||300||1")
                                  << int(RejectReason::BadType);
        QTest::newRow("type too big") << QByteArray("1700000000.101000||a||b||IN||x.||70000||1.2.3.4||300||1")
                                      << int(RejectReason::BadType);
        QTest::newRow("bad ttl") << QByteArray("1700000000.101000||a||b||IN||x.||A||192.0.2.1||-3||1")
                                 << int(RejectReason::BadNumber);
        QTest::newRow("bad count") << QByteArray("1700000000.101000||a||b||IN||x.||A||192.0.2.1||300||many")
                                   << int(RejectReason::BadNumber);
        QTest::newRow("bad json") << QByteArray("{\"query\": ") << int(RejectReason::BadJson);
        QTest::newRow("json no answer")
            << QByteArray("{\"query\":\"a.\",\"type\":\"A\"}") << int(RejectReason::BadJson);
        QTest::newRow("json bad count") << QByteArray("{\"timestamp_s\":1,\"query\":\"a.\",\"type\":\"A\","
                                                      "\"answer\":\"1.2.3.4\",\"count\":\"x\"}")
                                        << int(RejectReason::BadNumber);
        QTest::newRow("json bad micros") << QByteArray("{\"timestamp_s\":1,\"timestamp_ms\":5000000,"
                                                       "\"query\":\"a.\",\"type\":\"A\",\"answer\":\"x\"}")
                                         << int(RejectReason::BadTimestamp);
    }
    void rejections()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, reason);
        const ParseResult result = parseOne(line);
        QCOMPARE(result.kind, ParseResult::Kind::Rejected);
        QCOMPARE(int(result.reason), reason);
        QVERIFY(!rejectReasonName(result.reason).isEmpty());
    }

    void tooManyFieldsWithoutAnswer()
    {
        // A custom layout without 'A' cannot absorb extra separators.
        LineLayout layout;
        layout.fields = "SQT";
        layout.separator = ";";
        QVERIFY(!layout.validate().isEmpty()); // Q, T and A are required for storage...
        LineParser parser(layout);
        const ParseResult result = parser.parse("1700000000;x.example.;A;extra");
        QCOMPARE(result.kind, ParseResult::Kind::Rejected);
        QCOMPARE(result.reason, RejectReason::TooManyFields);
    }

    void crlfLineParses()
    {
        const ParseResult result =
            parseOne("1700000000.101000||a||b||IN||www.example.com.||A||192.0.2.10||300||1\r");
        QCOMPARE(result.kind, ParseResult::Kind::Record);
        QCOMPARE(result.record.count, 1);
        QCOMPARE(result.record.rdata, QByteArray("192.0.2.10"));
    }

    // Item 4: seconds and microseconds; pre-1.0 eight fields without count.
    void timestampsAndLegacy()
    {
        const ParseResult modern = parseOne(
            "1322849924.408856||10.1.1.1||8.8.8.8||IN||upload.youtube.com.||A||74.125.43.117||46587||5");
        QCOMPARE(modern.record.seconds, 1322849924);
        QCOMPARE(modern.record.micros, 408856);
        QCOMPARE(modern.record.count, 5);
        QCOMPARE(modern.record.ttl, 46587);
        const ParseResult legacy =
            parseOne("1322849924||10.1.1.1||8.8.8.8||IN||upload.youtube.com.||A||74.125.43.117||46587");
        QCOMPARE(legacy.kind, ParseResult::Kind::Record);
        QCOMPARE(legacy.record.seconds, 1322849924);
        QCOMPARE(legacy.record.count, 1);
        QCOMPARE(legacy.record.ttl, 46587);
        QCOMPARE(legacy.record.rdata, QByteArray("74.125.43.117"));
        // A pre-1.0 TXT with the separator inside still splits left/right.
        const ParseResult legacyTxt = parseOne("1322849924||a||b||IN||t.example.||TXT||\"x||y\"||60");
        QCOMPARE(legacyTxt.record.rdata, QByteArray("\"x||y\""));
        QCOMPARE(legacyTxt.record.ttl, 60);
    }

    // Item 5: a per-sensor layout, and the H time stamp in a configured zone.
    void customLayout()
    {
        LineLayout layout;
        layout.fields = "ScQTA";
        layout.separator = ";";
        QVERIFY(layout.validate().isEmpty());
        LineParser parser(layout);
        const ParseResult result = parser.parse("1700000000;10.0.0.2;WWW.example.com.;A;192.0.2.10");
        QCOMPARE(result.kind, ParseResult::Kind::Record);
        QCOMPARE(result.record.seconds, 1700000000);
        QCOMPARE(result.record.rrname, QByteArray("www.example.com"));
        QCOMPARE(result.record.ttl, -1);
        QCOMPARE(result.record.count, 1);
        // Letters in any order: passivedns prints in its own fixed order.
        layout.fields = "AQTcS";
        QCOMPARE(LineParser(layout).parse("1700000000;10.0.0.2;x.example.;A;192.0.2.10").record.rdata,
                 QByteArray("192.0.2.10"));
        layout.fields = "SQTAX";
        QVERIFY(!layout.validate().isEmpty());
        layout.fields = "SQTA";
        layout.separator.clear();
        QVERIFY(!layout.validate().isEmpty());
    }

    void allFieldsWithDateTime()
    {
        LineLayout layout;
        layout.fields = "HhcwsWpCQLTAltn";
        const QByteArrayList lines = linesOf(QStringLiteral("passivedns-synth-allfields.log"));
        QVERIFY(lines.size() > 20);
        LineParser parser(layout);
        for (const QByteArray &line : lines) {
            const ParseResult result = parser.parse(line);
            QVERIFY2(result.kind != ParseResult::Kind::Rejected, line.constData());
            QCOMPARE(result.record.seconds, 1700000000); // 2023-11-14 22:13:20 UTC
        }
        QCOMPARE(parser.parse(lines[0]).record.micros, 101000);
        QCOMPARE(parser.parse(lines[0]).record.rdata, QByteArray("192.0.2.10"));
        // The same text read as Luxembourg time (UTC+1 in November) is one hour earlier.
        layout.timeZone = QTimeZone("Europe/Luxembourg");
        QVERIFY(layout.timeZone.isValid());
        QCOMPARE(LineParser(layout).parse(lines[0]).record.seconds, 1700000000 - 3600);
    }

    // Item 6: JSON mode (timestamp_ms is microseconds).
    void jsonMode()
    {
        const QByteArrayList text = linesOf(QStringLiteral("passivedns-synth-alltypes.log"));
        const QByteArrayList json = linesOf(QStringLiteral("passivedns-synth-alltypes-json.log"));
        QCOMPARE(json.size(), text.size());
        LineParser parser;
        // passivedns prints the JSON run in its own order; compare the parsed records as multisets.
        auto key = [](const ParseResult &r) -> QByteArray {
            return QByteArray::number(int(r.kind)) + ' ' + r.record.rrname + ' ' +
                   QByteArray::number(r.record.rrtype) + ' ' + r.record.rdata + ' ' +
                   QByteArray::number(r.record.seconds) + ' ' + QByteArray::number(r.record.count) + ' ' +
                   QByteArray::number(r.record.ttl);
        };
        QByteArrayList fromText;
        QByteArrayList fromJson;
        for (qsizetype i = 0; i < json.size(); ++i) {
            fromText.append(key(parser.parse(text[i])));
            fromJson.append(key(parser.parse(json[i])));
        }
        std::sort(fromText.begin(), fromText.end());
        std::sort(fromJson.begin(), fromJson.end());
        QCOMPARE(fromJson, fromText);
        // (The JSON run printed the final repeat at another microsecond, so micros are checked apart.)
        QCOMPARE(parser.parse(json[0]).record.micros, 101000);
        QCOMPARE(parser.parse(json[0]).record.micros, parser.parse(text[0]).record.micros);
        for (const QByteArray &line : linesOf(QStringLiteral("passivedns-synth-alltypes-nxd-json.log"))) {
            QCOMPARE(parser.parse(line).kind, ParseResult::Kind::Error);
        }
        for (const QByteArray &line : linesOf(QStringLiteral("passivedns-synth-allfields-json.log"))) {
            QVERIFY(parser.parse(line).kind != ParseResult::Kind::Rejected);
        }
    }

    // Item 7: mnemonic, decimal and TYPEn are one type; unknown numeric types are kept.
    void types()
    {
        QCOMPARE(RrTypes::fromText("AAAA"), 28);
        QCOMPARE(RrTypes::fromText("aaaa"), 28);
        QCOMPARE(RrTypes::fromText("28"), 28);
        QCOMPARE(RrTypes::fromText("TYPE28"), 28);
        QCOMPARE(RrTypes::fromText("65280"), 65280);
        QCOMPARE(RrTypes::fromText("BOGUS"), -1);
        QCOMPARE(RrTypes::mnemonic(65280), QByteArray());
        QCOMPARE(RrTypes::displayName(65280), QByteArray("TYPE65280"));
        const ParseResult a = parseOne("1700000000.1||a||b||IN||x.||A||192.0.2.1||1||1");
        const ParseResult one = parseOne("1700000000.1||a||b||IN||x.||1||192.0.2.1||1||1");
        QCOMPARE(one.record.rrtype, a.record.rrtype);
        const ParseResult unknown = parseOne("1700000000.1||a||b||IN||x.||TYPE65280||\\# 2 abcd||1||1");
        QCOMPARE(unknown.kind, ParseResult::Kind::Record);
        QCOMPARE(unknown.record.rrtype, 65280);
        QCOMPARE(unknown.record.rdata, QByteArray("\\# 2 abcd"));
    }

    // Items 8 and 9: names normalised, name-typed rdata too, other rdata verbatim.
    void normalisation()
    {
        const QByteArrayList lines = linesOf(QStringLiteral("passivedns-synth-alltypes.log"));
        LineParser parser;
        QHash<QByteArray, QByteArray> rdataByType;
        for (const QByteArray &line : lines) {
            const ParseResult result = parser.parse(line);
            rdataByType[RrTypes::displayName(result.record.rrtype)] = result.record.rdata;
            if (line.contains("MiXeD")) {
                QCOMPARE(result.record.rrname, QByteArray("mixed.example.com"));
            }
            if (line.contains("xn--")) {
                QCOMPARE(result.record.rrname, QByteArray("xn--bcher-kva.example"));
            }
        }
        QCOMPARE(rdataByType["CNAME"], QByteArray("edge2.cdn.example.org"));
        QCOMPARE(rdataByType["NS"], QByteArray("ns2.example.net"));
        QCOMPARE(rdataByType["PTR"], QByteArray("www.example.com"));
        QCOMPARE(rdataByType["DNAME"], QByteArray("new.example.com"));
        QCOMPARE(rdataByType["MX"], QByteArray("mx2.example.com"));
        QCOMPARE(rdataByType["SRV"], QByteArray("sip.example.com"));
        QCOMPARE(rdataByType["SOA"], QByteArray("ns1.example.com"));
        QCOMPARE(rdataByType["SPF"], QByteArray("\"v=spf1 ip4:192.0.2.0/24 -all\""));
        QVERIFY(
            rdataByType["DNSKEY"].contains("AwEBqAAgqVVmukLohruATNqE5H71bb167GEmFVUs7JBtIRbQ7yBwKMUVVBRN"));
        QCOMPARE(rdataByType["NSEC"], QByteArray("a.example.com. A RRSIG NSEC "));
        QCOMPARE(rdataByType["HINFO"], QByteArray("\"INTEL-386\" \"UNIX\""));
        QCOMPARE(LineParser::normaliseName("."), QByteArray("."));
        QCOMPARE(LineParser::normaliseRdata(28, "2001:DB8:0:0::10"), QByteArray("2001:db8::10"));
        QCOMPARE(LineParser::normaliseRdata(16, "\"MiXeD\""), QByteArray("\"MiXeD\""));
        const ParseResult upperTxt = parseOne("1700000000.1||a||b||IN||t.example.||TXT||\"KeepCase\"||1||1");
        QCOMPARE(upperTxt.record.rdata, QByteArray("\"KeepCase\""));
    }

    // Item 10: exclusion substrings (default spamhaus.org, asn.cymru.com), configurable.
    void exclusions()
    {
        const QByteArray spamhaus =
            "1700000000.160000||10.0.0.2||10.0.0.1||IN||tracker.spamhaus.org.||A||127.0.0.2||300||1";
        QCOMPARE(parseOne(spamhaus).kind, ParseResult::Kind::Excluded);
        QCOMPARE(parseOne("1700000000.1||a||b||IN||1.2.3.origin.asn.cymru.com.||TXT||\"x\"||1||1").kind,
                 ParseResult::Kind::Excluded);
        const LineParser none(LineLayout(), {});
        QCOMPARE(none.parse(spamhaus).kind, ParseResult::Kind::Record);
        const LineParser custom(LineLayout(), {"example.com"});
        QCOMPARE(custom.parse(spamhaus).kind, ParseResult::Kind::Record);
        QCOMPARE(custom.parse("1700000000.1||a||b||IN||www.example.com.||A||192.0.2.1||1||1").kind,
                 ParseResult::Kind::Excluded);
    }
};

QTEST_GUILESS_MAIN(TestPdnsLineParser)
#include "tst_pdnslineparser.moc"
