// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The forwarding line filter: every reason, zones, layouts, JSON lines, client field policies and
// sampling, on passivedns 1.2.1's own output (tests/data/pdns) and hand-made lines.

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTest>

#include "analyzers/passivedns/lineparser.h"
#include "forward/filterdecision.h"
#include "forward/linefilter.h"
#include "testenvironment.h"

using namespace d4::forward;

namespace {

// Default layout (SMcsCQTAtn, "||").
const QByteArray kWww =
    QByteArrayLiteral("1700000000.101000||10.0.0.2||10.0.0.1||IN||www.example.com.||A||192.0.2.10||300||1");
const QByteArray kCname = QByteArrayLiteral(
    "1700000000.109000||10.0.0.2||10.0.0.1||IN||alias.example.net.||CNAME||edge.cdn.example.org.||300||1");
const QByteArray kWeirdTxt = QByteArrayLiteral("1700000000.119000||10.0.0.2||10.0.0.1||IN||weird-txt.example."
                                               "com.||TXT||\"has||pipes and \\\"quotes\\\"\"||300||1");
// Pre-1.0 eight-field layout: integer timestamp, no count.
const QByteArray kLegacy =
    QByteArrayLiteral("1322849924||10.1.1.1||8.8.8.8||IN||upload.youtube.com.||A||74.125.43.117||46587");
// -f HhcwsWpCQLTAltn: every field, including the client MAC.
const QByteArray kAllFields = QByteArrayLiteral(
    "2023-11-14 "
    "22:13:20.101000||sensor01||10.0.0.2||00:11:22:33:44:55||10.0.0.1||66:77:88:99:aa:bb||udp||IN||"
    "www.example.com.||16||A||192.0.2.10||10||300||1");
const QByteArray kJson = QByteArrayLiteral(
    "{\"timestamp_s\":1700000000,\"timestamp_ms\":101000,\"client\":\"10.0.0.2\",\"server\":\"10.0.0.1\","
    "\"class\":\"IN\",\"query\":\"www.example.com.\",\"type\":\"A\",\"answer\":\"192.0.2.10\",\"ttl\":300,"
    "\"count\":1}");

LineFilterSettings pdns()
{
    LineFilterSettings settings;
    settings.passiveDns = true;
    return settings;
}

LineFilterSettings allFieldsLayout()
{
    LineFilterSettings settings = pdns();
    settings.fields = "HhcwsWpCQLTAltn";
    return settings;
}

FilterReason reasonOf(const LineFilterSettings &settings, QByteArrayView line)
{
    return LineFilter(settings).apply(line).reason;
}

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

bool isUniqueLocalAddress(const QByteArray &text)
{
    const QHostAddress address(QString::fromLatin1(text));
    return address.protocol() == QAbstractSocket::IPv6Protocol && address.toIPv6Address()[0] == 0xfd;
}

bool isLocalUnicastMac(const QByteArray &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$"));
    if (!pattern.match(QString::fromLatin1(text)).hasMatch()) {
        return false;
    }
    const int first = text.left(2).toInt(nullptr, 16);
    return (first & 0x03) == 0x02;
}

} // namespace

class TestLineFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasonNames()
    {
        QCOMPARE(filterReasonName(FilterReason::None), QByteArray("none"));
        QCOMPARE(filterReasonName(FilterReason::Unparsable), QByteArray("unparsable"));
        QCOMPARE(filterReasonName(FilterReason::DropSuffix), QByteArray("drop_suffix"));
        QCOMPARE(filterReasonName(FilterReason::NotKept), QByteArray("not_kept"));
        QCOMPARE(filterReasonName(FilterReason::Rrtype), QByteArray("rrtype"));
        QCOMPARE(filterReasonName(FilterReason::Sampled), QByteArray("sampled"));
        QCOMPARE(filterReasonName(FilterReason::PcapFilter), QByteArray("pcap_filter"));
        QCOMPARE(filterReasonName(FilterReason::LinkType), QByteArray("link_type"));
    }

    // Without passiveDns any line passes unchanged (only sampling applies).
    void plainLinesPassUnchanged()
    {
        const LineFilter filter{LineFilterSettings{}};
        const FilterDecision decision = filter.apply("not a passivedns line at all");
        QCOMPARE(decision.reason, FilterReason::None);
        QCOMPARE(decision.output, QByteArray("not a passivedns line at all"));
        LineFilterSettings settings;
        settings.dropSuffixes = {QStringLiteral("example.com")};
        QCOMPARE(LineFilter(settings).apply(kWww).output, kWww); // zones need passiveDns
    }

    void keptLineIsUnchanged()
    {
        const FilterDecision decision = LineFilter(pdns()).apply(kWww);
        QCOMPARE(decision.reason, FilterReason::None);
        QVERIFY(decision.kept());
        QCOMPARE(decision.output, kWww);
    }

    // Every line passivedns 1.2.1 wrote (default, all-fields, JSON) passes a filter without conditions.
    void realOutputPasses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("fields");
        QTest::newRow("default") << QStringLiteral("passivedns-synth-default.log")
                                 << QByteArray("SMcsCQTAtn");
        QTest::newRow("alltypes") << QStringLiteral("passivedns-synth-alltypes.log")
                                  << QByteArray("SMcsCQTAtn");
        QTest::newRow("nxd") << QStringLiteral("passivedns-synth-alltypes-nxd.log")
                             << QByteArray("SMcsCQTAtn");
        QTest::newRow("allfields") << QStringLiteral("passivedns-synth-allfields.log")
                                   << QByteArray("HhcwsWpCQLTAltn");
        QTest::newRow("json") << QStringLiteral("passivedns-synth-alltypes-json.log")
                              << QByteArray("SMcsCQTAtn");
    }
    void realOutputPasses()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, fields);
        const QByteArrayList lines = linesOf(file);
        QVERIFY(!lines.isEmpty());
        LineFilterSettings settings = pdns();
        settings.fields = fields;
        const LineFilter filter(settings);
        for (const QByteArray &line : lines) {
            const FilterDecision decision = filter.apply(line);
            QVERIFY2(decision.kept(), line.constData());
            QCOMPARE(decision.output, line);
        }
    }

    // --- Unparsable: one test per way a line can fail.

    void unparsableEmptyLine()
    {
        QCOMPARE(reasonOf(pdns(), ""), FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), " \t\r"), FilterReason::Unparsable);
    }

    void unparsableTooFewFields()
    {
        QCOMPARE(reasonOf(pdns(), "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com."),
                 FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "garbage without separators"), FilterReason::Unparsable);
    }

    void unparsableInvalidLayout()
    {
        LineFilterSettings settings = pdns();
        settings.separator.clear();
        QCOMPARE(reasonOf(settings, kWww), FilterReason::Unparsable);
        settings = pdns();
        settings.fields = "SMcsCQTAtnZ";
        QCOMPARE(reasonOf(settings, kWww), FilterReason::Unparsable);
        settings.fields = "SMcsCQTtn"; // no answer field
        QCOMPARE(reasonOf(settings, kWww), FilterReason::Unparsable);
        // JSON lines do not depend on the text layout.
        QCOMPARE(reasonOf(settings, kJson), FilterReason::None);
    }

    void unparsableEmptyQuery()
    {
        QCOMPARE(reasonOf(pdns(), "1700000000.1||10.0.0.2||10.0.0.1||IN||||A||192.0.2.10||300||1"),
                 FilterReason::Unparsable);
    }

    void unparsableUnknownType()
    {
        QCOMPARE(
            reasonOf(pdns(),
                     "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com.||BOGUS||192.0.2.10||300||1"),
            FilterReason::Unparsable);
        QCOMPARE(
            reasonOf(pdns(),
                     "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com.||65536||192.0.2.10||300||1"),
            FilterReason::Unparsable);
    }

    void unparsableJsonSyntax()
    {
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"www.example.com.\",\"type\":\"A\",\"answer\":"),
                 FilterReason::Unparsable);
    }

    void unparsableJsonMissingKeys()
    {
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"www.example.com.\",\"type\":\"A\"}"),
                 FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{\"type\":\"A\",\"answer\":\"192.0.2.1\"}"), FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"www.example.com.\",\"answer\":\"192.0.2.1\"}"),
                 FilterReason::Unparsable);
    }

    void unparsableJsonBadType()
    {
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"a.example.\",\"type\":1.5,\"answer\":\"192.0.2.1\"}"),
                 FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"a.example.\",\"type\":-1,\"answer\":\"192.0.2.1\"}"),
                 FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"a.example.\",\"type\":true,\"answer\":\"192.0.2.1\"}"),
                 FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{\"query\":\"a.example.\",\"type\":1,\"answer\":\"192.0.2.1\"}"),
                 FilterReason::None);
    }

    void unparsableJsonNotAnObject()
    {
        QCOMPARE(reasonOf(pdns(), "{"), FilterReason::Unparsable);
        QCOMPARE(reasonOf(pdns(), "{}"), FilterReason::Unparsable);
    }

    // --- Zones.

    void dropZoneMatchesItselfAndSubdomains_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("dropped");
        QTest::newRow("itself") << QStringLiteral("example.com") << QByteArray("example.com.") << true;
        QTest::newRow("subdomain") << QStringLiteral("example.com") << QByteArray("www.example.com.") << true;
        QTest::newRow("deep subdomain")
            << QStringLiteral("example.com") << QByteArray("a.b.c.example.com.") << true;
        QTest::newRow("name without trailing dot")
            << QStringLiteral("example.com") << QByteArray("www.example.com") << true;
        QTest::newRow("zone with trailing dot")
            << QStringLiteral("example.com.") << QByteArray("www.example.com.") << true;
        QTest::newRow("zone with leading dot")
            << QStringLiteral(".example.com") << QByteArray("www.example.com.") << true;
        QTest::newRow("case of the name")
            << QStringLiteral("example.com") << QByteArray("WwW.ExAmPlE.CoM.") << true;
        QTest::newRow("case of the zone")
            << QStringLiteral("EXAMPLE.Com") << QByteArray("www.example.com.") << true;
        QTest::newRow("not a label boundary")
            << QStringLiteral("example.com") << QByteArray("badexample.com.") << false;
        QTest::newRow("parent is not inside")
            << QStringLiteral("www.example.com") << QByteArray("example.com.") << false;
        QTest::newRow("other tld") << QStringLiteral("example.com") << QByteArray("example.com.evil.")
                                   << false;
        QTest::newRow("tld zone") << QStringLiteral("com") << QByteArray("www.example.com.") << true;
        QTest::newRow("root zone") << QStringLiteral(".") << QByteArray("www.example.org.") << true;
        QTest::newRow("empty entry ignored") << QString() << QByteArray("www.example.org.") << false;
    }
    void dropZoneMatchesItselfAndSubdomains()
    {
        QFETCH(QString, zone);
        QFETCH(QByteArray, query);
        QFETCH(bool, dropped);
        LineFilterSettings settings = pdns();
        settings.dropSuffixes = {zone};
        const QByteArray line = "1700000000.1||10.0.0.2||10.0.0.1||IN||" + query + "||A||192.0.2.10||300||1";
        QCOMPARE(reasonOf(settings, line), dropped ? FilterReason::DropSuffix : FilterReason::None);
    }

    // Names in the answer (targets of name-typed records) are checked against the drop zones.
    void dropZoneAppliesToNameAnswers()
    {
        LineFilterSettings settings = pdns();
        settings.dropSuffixes = {QStringLiteral("cdn.example.org")};
        QCOMPARE(reasonOf(settings, kCname), FilterReason::DropSuffix);
        for (const char *type : {"NS", "MX", "PTR", "SRV", "SOA", "DNAME"}) {
            const QByteArray line = QByteArray("1700000000.1||10.0.0.2||10.0.0.1||IN||example.net.||") +
                                    type + "||edge.CDN.example.org.||300||1";
            QVERIFY2(reasonOf(settings, line) == FilterReason::DropSuffix, type);
        }
        // Not a name: a TXT answer that happens to contain the zone, an address, an RCODE.
        const QByteArray txt =
            "1700000000.1||10.0.0.2||10.0.0.1||IN||example.net.||TXT||\"cdn.example.org\"||300||1";
        QCOMPARE(reasonOf(settings, txt), FilterReason::None);
        settings.dropSuffixes = {QStringLiteral("nxdomain")};
        const QByteArray error = "1700000000.1||10.0.0.2||10.0.0.1||IN||example.net.||CNAME||NXDOMAIN||0||1";
        QCOMPARE(reasonOf(settings, error), FilterReason::None);
    }

    void keepZonesApplyToTheQueryOnly()
    {
        LineFilterSettings settings = pdns();
        settings.keepSuffixes = {QStringLiteral("example.com"), QStringLiteral("example.org")};
        QCOMPARE(reasonOf(settings, kWww), FilterReason::None);
        // alias.example.net. -> edge.cdn.example.org.: the answer is in a keep zone, the query is not.
        QCOMPARE(reasonOf(settings, kCname), FilterReason::NotKept);
        QCOMPARE(
            reasonOf(settings, "1700000000.1||10.0.0.2||10.0.0.1||IN||badexample.com.||A||192.0.2.1||300||1"),
            FilterReason::NotKept);
    }

    void dropWinsOverKeep()
    {
        LineFilterSettings settings = pdns();
        settings.keepSuffixes = {QStringLiteral("example.com")};
        settings.dropSuffixes = {QStringLiteral("www.example.com")};
        QCOMPARE(reasonOf(settings, kWww), FilterReason::DropSuffix);
        QCOMPARE(reasonOf(settings, kWeirdTxt), FilterReason::None);
    }

    // --- Rrtypes.

    void rrtypeMnemonicAndDecimal()
    {
        LineFilterSettings settings = pdns();
        settings.dropRrtypes = {28, 5};
        QCOMPARE(reasonOf(settings, kCname), FilterReason::Rrtype);
        QCOMPARE(reasonOf(settings, kWww), FilterReason::None);
        QCOMPARE(
            reasonOf(settings,
                     "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com.||AAAA||2001:db8::1||300||1"),
            FilterReason::Rrtype);
        QCOMPARE(reasonOf(settings,
                          "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com.||28||2001:db8::1||300||1"),
                 FilterReason::Rrtype);
        QCOMPARE(
            reasonOf(settings,
                     "1700000000.1||10.0.0.2||10.0.0.1||IN||www.example.com.||TYPE28||2001:db8::1||300||1"),
            FilterReason::Rrtype);
        QCOMPARE(reasonOf(settings, "{\"query\":\"a.example.\",\"type\":28,\"answer\":\"2001:db8::1\"}"),
                 FilterReason::Rrtype);
        QCOMPARE(
            reasonOf(settings, "{\"query\":\"a.example.\",\"type\":\"aaaa\",\"answer\":\"2001:db8::1\"}"),
            FilterReason::Rrtype);
    }

    // --- Sampling.

    void samplingIsDeterministicAndProportional()
    {
        LineFilterSettings settings = pdns();
        settings.sampleRate = 0.25;
        const LineFilter filter(settings);
        const LineFilter again(settings);
        int kept = 0;
        const int total = 20000;
        for (int i = 0; i < total; ++i) {
            const QByteArray line = "1700000000." + QByteArray::number(100000 + i % 900000) + "||10.0.0." +
                                    QByteArray::number(i % 250) + "||10.0.0.1||IN||host" +
                                    QByteArray::number(i) + ".example.com.||A||192.0.2.10||300||1";
            const FilterDecision decision = filter.apply(line);
            QVERIFY(decision.reason == FilterReason::None || decision.reason == FilterReason::Sampled);
            QCOMPARE(again.apply(line).reason, decision.reason);
            QCOMPARE(filter.apply(line).reason, decision.reason);
            kept += decision.kept();
        }
        QVERIFY2(kept > total * 0.23 && kept < total * 0.27, QByteArray::number(kept).constData());
    }

    void samplingAppliesToPlainLines()
    {
        LineFilterSettings settings;
        settings.sampleRate = 0.5;
        const LineFilter filter(settings);
        int kept = 0;
        int sampled = 0;
        for (int i = 0; i < 1000; ++i) {
            const FilterReason reason = filter.apply(QByteArray("line " + QByteArray::number(i))).reason;
            kept += reason == FilterReason::None;
            sampled += reason == FilterReason::Sampled;
        }
        QCOMPARE(kept + sampled, 1000);
        QVERIFY(kept > 400 && kept < 600);
    }

    void samplingExtremes()
    {
        LineFilterSettings settings = pdns();
        settings.sampleRate = 1.0;
        settings.dropRrtypes = {};
        const LineFilter all(settings);
        settings.sampleRate = 1e-9;
        const LineFilter none(settings);
        for (const QByteArray &line : linesOf(QStringLiteral("passivedns-synth-default.log"))) {
            QCOMPARE(all.apply(line).reason, FilterReason::None);
            QCOMPARE(none.apply(line).reason, FilterReason::Sampled);
        }
    }

    // Sampling comes after the other filters: a dropped line counts under its own reason.
    void samplingAfterOtherReasons()
    {
        LineFilterSettings settings = pdns();
        settings.sampleRate = 1e-9;
        settings.dropRrtypes = {1};
        QCOMPARE(reasonOf(settings, kWww), FilterReason::Rrtype);
    }

    // --- Layouts.

    void legacyEightFieldLayout()
    {
        LineFilterSettings settings = pdns();
        QCOMPARE(reasonOf(settings, kLegacy), FilterReason::None);
        settings.dropSuffixes = {QStringLiteral("youtube.com")};
        QCOMPARE(reasonOf(settings, kLegacy), FilterReason::DropSuffix);
        settings.dropSuffixes.clear();
        settings.clientFields = ClientFieldPolicy::Drop;
        QCOMPARE(LineFilter(settings).apply(kLegacy).output,
                 QByteArray("1322849924||||8.8.8.8||IN||upload.youtube.com.||A||74.125.43.117||46587"));
    }

    // An emptied field must not change how the line is read: eight fields stay eight fields
    // ("||||" is two separators, not three overlapping ones).
    void emptiedFieldKeepsTheEightFieldLayout()
    {
        const QByteArray line =
            "1700000000.125000||10.0.0.2||10.0.0.1||IN||www.example.com.||A||192.0.2.1||300";
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Drop;
        const FilterDecision dropped = LineFilter(settings).apply(line);
        QCOMPARE(dropped.output,
                 QByteArray("1700000000.125000||||10.0.0.1||IN||www.example.com.||A||192.0.2.1||300"));
        QCOMPARE(LineFilter(pdns()).apply(dropped.output).reason, FilterReason::None);
        QCOMPARE(LineFilter(settings).apply(dropped.output).output, dropped.output);
    }

    void customLayoutWithClientMac()
    {
        LineFilterSettings settings = allFieldsLayout();
        settings.keepSuffixes = {QStringLiteral("example.com")};
        QCOMPARE(reasonOf(settings, kAllFields), FilterReason::None);
        settings.keepSuffixes = {QStringLiteral("example.org")};
        QCOMPARE(reasonOf(settings, kAllFields), FilterReason::NotKept);
        // Letters in another order give the same layout: the output order is fixed by passivedns.
        settings = allFieldsLayout();
        settings.fields = "nAtlTLQCpWswchH";
        settings.dropRrtypes = {1};
        QCOMPARE(reasonOf(settings, kAllFields), FilterReason::Rrtype);
    }

    void customSeparator()
    {
        LineFilterSettings settings = pdns();
        settings.separator = "\t";
        const QByteArray line =
            "1700000000.101000\t10.0.0.2\t10.0.0.1\tIN\twww.example.com.\tA\t192.0.2.10\t300\t1";
        QCOMPARE(reasonOf(settings, line), FilterReason::None);
        settings.dropSuffixes = {QStringLiteral("example.com")};
        QCOMPARE(reasonOf(settings, line), FilterReason::DropSuffix);
        QCOMPARE(reasonOf(settings, kWww), FilterReason::Unparsable); // "||" is not this layout
        settings.dropSuffixes.clear();
        settings.clientFields = ClientFieldPolicy::Drop;
        QCOMPARE(LineFilter(settings).apply(line).output,
                 QByteArray("1700000000.101000\t\t10.0.0.1\tIN\twww.example.com.\tA\t192.0.2.10\t300\t1"));
    }

    // A TXT answer may contain the separator: fields before the answer come from the left, after it from the
    // right.
    void txtAnswerWithSeparator()
    {
        LineFilterSettings settings = pdns();
        settings.dropRrtypes = {16};
        QCOMPARE(reasonOf(settings, kWeirdTxt), FilterReason::Rrtype);
        settings = pdns();
        settings.clientFields = ClientFieldPolicy::Drop;
        const FilterDecision decision = LineFilter(settings).apply(kWeirdTxt);
        QCOMPARE(decision.reason, FilterReason::None);
        QByteArray expected = kWeirdTxt;
        expected.replace("||10.0.0.2||", "||||");
        QCOMPARE(decision.output, expected);
        // The zone check sees the real query, not a piece of the answer.
        settings = pdns();
        settings.keepSuffixes = {QStringLiteral("weird-txt.example.com")};
        QCOMPARE(reasonOf(settings, kWeirdTxt), FilterReason::None);
    }

    // --- Client fields.

    void dropKeepsTheLayout()
    {
        LineFilterSettings settings = allFieldsLayout();
        settings.clientFields = ClientFieldPolicy::Drop;
        const FilterDecision decision = LineFilter(settings).apply(kAllFields);
        QCOMPARE(decision.reason, FilterReason::None);
        QCOMPARE(decision.output.count('|'), kAllFields.count('|'));
        QCOMPARE(decision.output,
                 QByteArray("2023-11-14 22:13:20.101000||sensor01||||||10.0.0.1||66:77:88:99:aa:bb||udp||IN||"
                            "www.example.com.||16||A||192.0.2.10||10||300||1"));
        // The parser still reads the line, with the same fields.
        d4::passivedns::LineLayout layout;
        layout.fields = settings.fields;
        d4::passivedns::TextFields fields;
        QVERIFY(!d4::passivedns::LineParser(layout).splitText(decision.output, fields).has_value());
        QCOMPARE(fields.field('s'), QByteArrayView("10.0.0.1"));
        QCOMPARE(fields.field('W'), QByteArrayView("66:77:88:99:aa:bb"));
    }

    void pseudonymsArePlausibleAndInPlace()
    {
        LineFilterSettings settings = allFieldsLayout();
        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "partner-secret";
        const FilterDecision decision = LineFilter(settings).apply(kAllFields);
        QCOMPARE(decision.reason, FilterReason::None);
        d4::passivedns::LineLayout layout;
        layout.fields = settings.fields;
        d4::passivedns::TextFields fields;
        QVERIFY(!d4::passivedns::LineParser(layout).splitText(decision.output, fields).has_value());
        const QByteArray client = fields.field('c').toByteArray();
        const QByteArray mac = fields.field('w').toByteArray();
        QVERIFY2(isUniqueLocalAddress(client), client.constData());
        QVERIFY2(isLocalUnicastMac(mac), mac.constData());
        QVERIFY(!decision.output.contains("10.0.0.2"));
        QVERIFY(!decision.output.contains("00:11:22:33:44:55"));
        // Everything else is untouched.
        QCOMPARE(fields.field('s'), QByteArrayView("10.0.0.1"));
        QCOMPARE(fields.field('W'), QByteArrayView("66:77:88:99:aa:bb"));
        QCOMPARE(fields.field('Q'), QByteArrayView("www.example.com."));
        QVERIFY(decision.output.startsWith("2023-11-14 22:13:20.101000||sensor01||fd"));
        QVERIFY(decision.output.endsWith("||udp||IN||www.example.com.||16||A||192.0.2.10||10||300||1"));
    }

    void pseudonymsAreDeterministicAndKeyed()
    {
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "key-one";
        const LineFilter first(settings);
        const LineFilter same(settings);
        settings.pseudonymKey = "key-two";
        const LineFilter other(settings);

        const QByteArray a = first.apply(kWww).output;
        QCOMPARE(first.apply(kWww).output, a);
        QCOMPARE(same.apply(kWww).output, a);
        QVERIFY(other.apply(kWww).output != a);
        // The same client in another line gets the same pseudonym; another client another one.
        const QByteArray pseudonym = a.split('|').value(2);
        QVERIFY(isUniqueLocalAddress(pseudonym));
        QCOMPARE(first.apply(kCname).output.split('|').value(2), pseudonym);
        QByteArray otherClient = kWww;
        otherClient.replace("10.0.0.2", "10.0.0.3");
        QVERIFY(first.apply(otherClient).output.split('|').value(2) != pseudonym);
        // IPv6 clients become ULAs as well.
        const QByteArray v6 = first
                                  .apply("1700000000.1||2001:db8::2||2001:db8::1||IN||www.example.com.||AAAA|"
                                         "|2001:db8::10||300||1")
                                  .output;
        QVERIFY(isUniqueLocalAddress(
            v6.mid(v6.indexOf("||") + 2, v6.indexOf("||2001:db8::1||") - v6.indexOf("||") - 2)));
        QVERIFY(v6.contains("||2001:db8::1||IN||"));
    }

    void emptyClientStaysEmpty()
    {
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "k";
        const QByteArray line = "1700000000.1||||10.0.0.1||IN||www.example.com.||A||192.0.2.10||300||1";
        QCOMPARE(LineFilter(settings).apply(line).output, line);
    }

    void jsonClientPolicies()
    {
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Drop;
        const QByteArray dropped = LineFilter(settings).apply(kJson).output;
        QVERIFY(dropped.contains("\"client\":\"\""));
        QVERIFY(dropped.contains("\"query\":\"www.example.com.\""));
        QVERIFY(dropped.contains("\"ttl\":300"));

        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "key-one";
        const LineFilter json(settings);
        const QByteArray output = json.apply(kJson).output;
        QCOMPARE(json.apply(kJson).output, output);
        QVERIFY(!output.contains("10.0.0.2"));
        QVERIFY(output.contains("\"server\":\"10.0.0.1\""));
        // JSON and text lines of one client get one pseudonym.
        const QByteArray text = json.apply(kWww).output.split('|').value(2);
        QVERIFY(output.contains(QByteArray("\"client\":\"" + text + "\"")));
        QVERIFY(isUniqueLocalAddress(text));
    }

    // Only the client value changes; key order, spacing and escapes elsewhere stay as they were.
    void jsonClientReplacedInPlace()
    {
        const QByteArray line =
            "{\"query\":\"a\\u0041.example.com.\", \"client\" : \"10.0.0.2\",\"x\":{\"client\":\"k\"},"
            "\"type\":\"A\",\"answer\":\"192.0.2.1\"}";
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Drop;
        QByteArray expected = line;
        expected.replace("\"10.0.0.2\"", "\"\"");
        QCOMPARE(LineFilter(settings).apply(line).output, expected);
        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "key";
        const QByteArray pseudonymised = LineFilter(settings).apply(line).output;
        const QByteArray pseudonym = LineFilter(settings).apply(kWww).output.split('|').value(2);
        expected = line;
        expected.replace("10.0.0.2", pseudonym);
        QCOMPARE(pseudonymised, expected);
        QVERIFY(pseudonymised.contains("{\"client\":\"k\"}")); // a nested "client" is not the client
    }

    // A key spelt with escapes is still found (QJsonDocument decodes it); the line is then re-serialised.
    void jsonEscapedClientKey()
    {
        const QByteArray line = "{\"query\":\"a.example.com.\",\"\\u0063lient\":\"10.0.0.2\",\"type\":\"A\","
                                "\"answer\":\"192.0.2.1\"}";
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Drop;
        const QByteArray output = LineFilter(settings).apply(line).output;
        QVERIFY2(output.contains("\"client\":\"\""), output.constData());
        QVERIFY(!output.contains("10.0.0.2"));
    }

    void jsonZones()
    {
        LineFilterSettings settings = pdns();
        settings.dropSuffixes = {QStringLiteral("cdn.example.org")};
        QCOMPARE(
            reasonOf(
                settings,
                "{\"query\":\"alias.example.net.\",\"type\":\"CNAME\",\"answer\":\"edge.cdn.example.org.\"}"),
            FilterReason::DropSuffix);
        QCOMPARE(
            reasonOf(settings, "{\"query\":\"x.CDN.example.org\",\"type\":\"A\",\"answer\":\"192.0.2.1\"}"),
            FilterReason::DropSuffix);
        settings = pdns();
        settings.keepSuffixes = {QStringLiteral("example.com")};
        QCOMPARE(reasonOf(settings, kJson), FilterReason::None);
        QCOMPARE(
            reasonOf(settings, "  {\"query\":\"www.example.net.\",\"type\":\"A\",\"answer\":\"192.0.2.1\"}"),
            FilterReason::NotKept);
    }

    // A copy of a filter decides as the original (the console's preview shares the settings).
    void copiesDecideAlike()
    {
        LineFilterSettings settings = pdns();
        settings.clientFields = ClientFieldPolicy::Pseudonymise;
        settings.pseudonymKey = "key";
        settings.sampleRate = 0.5;
        const LineFilter original(settings);
        const LineFilter copy = original; // NOLINT(performance-unnecessary-copy-initialization)
        for (const QByteArray &line : linesOf(QStringLiteral("passivedns-synth-alltypes.log"))) {
            const FilterDecision a = original.apply(line);
            const FilterDecision b = copy.apply(line);
            QCOMPARE(a.reason, b.reason);
            QCOMPARE(a.output, b.output);
        }
        QCOMPARE(copy.settings().pseudonymKey, QByteArray("key"));
    }
};

QTEST_GUILESS_MAIN(TestLineFilter)
#include "tst_linefilter.moc"
