// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The COF lookup server over real HTTP on loopback (spec passive-dns.md §8, items 20–36), with the
// store filled from passivedns 1.2.1's output through the analyzer and a real redis-server.

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "api/cofformat.h"
#include "api/lookupservice.h"
#include "httptestclient.h"
#include "redisserverfixture.h"
#include "testenvironment.h"

using namespace d4::passivedns;
using namespace d4::test;

namespace {

constexpr int kDb = 3;

QByteArrayList fixture(const QString &name)
{
    QFile file(testDataPath(QStringLiteral("pdns/") + name));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArrayList lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

QJsonObject object(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

/** "rrtype rrname rdata" of every line, sorted. */
QStringList triples(const HttpTestResponse &response)
{
    QStringList out;
    for (const QByteArray &line : response.lines()) {
        const QJsonObject o = object(line);
        out.append(o.value(QLatin1String("rrtype")).toVariant().toString() + QLatin1Char(' ') +
                   o.value(QLatin1String("rrname")).toString() + QLatin1Char(' ') +
                   o.value(QLatin1String("rdata")).toString());
    }
    out.sort();
    return out;
}

} // namespace

class TestPdnsLookup : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    std::unique_ptr<PdnsAnalyzer> m_analyzer;
    std::unique_ptr<d4::api::LookupService> m_service;
    const QByteArray m_sensor = "0123456789abcdef0123456789abcdef";

    void startLookup(d4::api::LookupSettings settings = {})
    {
        m_service.reset();
        settings.port = 0;
        settings.redis = m_redis.endpoint(kDb);
        m_service = std::make_unique<d4::api::LookupService>(settings);
        QString error;
        QVERIFY2(m_service->start(error), qPrintable(error));
    }
    HttpTestResponse get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return HttpTestClient(m_service->port()).get(target, headers);
    }
    void feed(const QByteArrayList &lines)
    {
        m_analyzer->onLines(m_sensor, "8", lines);
        QVERIFY(m_analyzer->waitIdle(20000));
    }

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        AnalyzerSettings settings;
        settings.redis = m_redis.endpoint(kDb);
        m_analyzer = std::make_unique<PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
        d4::api::LookupSettings lookup;
        lookup.origin = "https://pdns.example.org/";
        startLookup(lookup);
    }
    void cleanup()
    {
        m_service.reset();
        m_analyzer.reset();
        m_redis.stop();
    }

    // Item 34 first, on an empty database.
    void infoOnEmptyDatabase()
    {
        const HttpTestResponse response = get("/info");
        QCOMPARE(response.status, 200);
        const QJsonObject info = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(info.value(QLatin1String("stats")).toInteger(), 0);
        QCOMPARE(info.value(QLatin1String("rejected")).toInteger(), 0);
        QVERIFY(info.value(QLatin1String("sensors")).isArray());
        QCOMPARE(info.value(QLatin1String("software")).toString(), QStringLiteral("d4-console"));
    }

    // Items 20–24 and 26: NDJSON lines, types, origin, sensor_id; case and trailing dot of the query.
    void queryByName()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")));
        const HttpTestResponse response = get("/query/www.example.com");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-type"), QByteArray("application/x-ndjson"));
        QVERIFY(response.body.endsWith('\n'));
        QCOMPARE(triples(response), (QStringList{QStringLiteral("A www.example.com 192.0.2.10"),
                                                 QStringLiteral("AAAA www.example.com 2001:db8::10")}));
        for (const QByteArray &line : response.lines()) {
            QVERIFY(!line.contains('\n'));
            const QJsonObject o = object(line);
            QVERIFY(o.value(QLatin1String("time_first")).isDouble());
            QVERIFY(o.value(QLatin1String("time_last")).isDouble());
            QVERIFY(o.value(QLatin1String("count")).isDouble());
            QCOMPARE(o.value(QLatin1String("time_first")).toInteger(), 1700000000);
            QCOMPARE(o.value(QLatin1String("origin")).toString(),
                     QStringLiteral("https://pdns.example.org/"));
            QCOMPARE(o.value(QLatin1String("sensor_id")).toString(), QString::fromLatin1(m_sensor));
            // Our own client reads what we write.
            QVERIFY(d4::api::CofFormat::parse(line));
        }
        // The A record was seen twice (the exact repeat at the end of the log).
        for (const QByteArray &line : response.lines()) {
            if (object(line).value(QLatin1String("rrtype")).toString() == u"A") {
                QCOMPARE(object(line).value(QLatin1String("count")).toInteger(), 2);
            }
        }
        QCOMPARE(triples(get("/query/WWW.EXAMPLE.COM.")), triples(response));
        // Item 22: TXT in presentation form, no trailing-quote artefact; rdata array on request.
        const HttpTestResponse txt = get("/query/weird-txt.example.com");
        QCOMPARE(txt.lines().size(), 1);
        QCOMPARE(object(txt.lines()[0]).value(QLatin1String("rdata")).toString(),
                 QStringLiteral("\"has||pipes and \\\"quotes\\\" and \\\\backslash\""));
        const HttpTestResponse array = get("/query/weird-txt.example.com?rdata=array");
        QVERIFY(object(array.lines()[0]).value(QLatin1String("rdata")).isArray());
        // Item 23: each tuple at most once.
        const QStringList all = triples(get("/query/example.com"));
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
    }

    // Item 29: every stored type is served, including ones without a mnemonic (JSON number).
    void allTypesServed()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")));
        feed({"1700000000.1||a||b||IN||unknown.example.||TYPE65280||\\# 2 abcd||300||1"});
        const QStringList example = triples(get("/query/example.com"));
        for (const char *type :
             {"NS ", "MX ", "TXT ", "SOA ", "NAPTR ", "DS ", "DNSKEY ", "NSEC ", "RP ", "SPF "}) {
            bool found = false;
            for (const QString &triple : example) {
                found = found || triple.startsWith(QLatin1String(type));
            }
            QVERIFY2(found, type);
        }
        QCOMPARE(triples(get("/query/10.2.0.192.in-addr.arpa")),
                 QStringList{QStringLiteral("PTR 10.2.0.192.in-addr.arpa www.example.com")});
        const HttpTestResponse unknown = get("/query/unknown.example");
        QCOMPARE(unknown.lines().size(), 1);
        QCOMPARE(object(unknown.lines()[0]).value(QLatin1String("rrtype")).toInteger(), 65280);
    }

    // Items 27 and 28: address and rdata look-ups; the D4 compatibility switch.
    void queryByAddressAndRdata()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")));
        QCOMPARE(triples(get("/query/192.0.2.10")),
                 QStringList{QStringLiteral("A www.example.com 192.0.2.10")});
        QCOMPARE(triples(get("/query/2001:DB8:0::10")),
                 QStringList{QStringLiteral("AAAA www.example.com 2001:db8::10")});
        QCOMPARE(triples(get("/fquery/2001:db8:0:0:0:0:0:10")),
                 QStringList{QStringLiteral("AAAA www.example.com 2001:db8::10")});
        // analyzer-d4-passivedns answers every record of the names (its recorded responses).
        QCOMPARE(triples(get("/query/192.0.2.10?compat=d4")),
                 (QStringList{QStringLiteral("A www.example.com 192.0.2.10"),
                              QStringLiteral("AAAA www.example.com 2001:db8::10")}));
        QCOMPARE(triples(get("/fquery/ns1.example.com")),
                 (QStringList{QStringLiteral("NS example.com ns1.example.com"),
                              QStringLiteral("SOA example.com ns1.example.com")}));
        QCOMPARE(triples(get("/fquery/NS1.Example.COM.")), triples(get("/fquery/ns1.example.com")));
        QCOMPARE(triples(get("/fquery/edge.cdn.example.org")),
                 QStringList{QStringLiteral("CNAME alias.example.net edge.cdn.example.org")});
    }

    // Item 30: rrtype filter by parameter and by CIRCL header; unknown type -> 400.
    void rrtypeFilter()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")));
        QCOMPARE(triples(get("/query/www.example.com?rrtype=AAAA")),
                 QStringList{QStringLiteral("AAAA www.example.com 2001:db8::10")});
        QCOMPARE(triples(get("/query/www.example.com?rrtype=1")),
                 QStringList{QStringLiteral("A www.example.com 192.0.2.10")});
        QCOMPARE(triples(get("/query/www.example.com", {{"dribble-filter-rrtype", "AAAA"}})),
                 QStringList{QStringLiteral("AAAA www.example.com 2001:db8::10")});
        QCOMPARE(get("/query/example.com?rrtype=MX,NS").lines().size(), 4);
        const HttpTestResponse bad = get("/query/www.example.com?rrtype=BOGUS");
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("BOGUS"));
    }

    // Item 31: DNSDB time fencing, absolute and relative, overlap versus strict.
    void timeFencing()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto at = [](qint64 first, const QByteArray &rdata) -> QByteArray {
            return QByteArray::number(first) + ".000000||a||b||IN||fence.example.||A||" + rdata + "||60||1";
        };
        // Tuple 1: [1000, 2000]; tuple 2: [1500, 3000]; tuple 3: [now - 100, now - 50].
        feed({at(1000, "192.0.2.1"), at(2000, "192.0.2.1"), at(1500, "192.0.2.2"), at(3000, "192.0.2.2"),
              at(now - 100, "192.0.2.3"), at(now - 50, "192.0.2.3")});
        auto rdatas = [this](const QByteArray &query) {
            QStringList out;
            for (const QByteArray &line : get("/query/fence.example?" + query).lines()) {
                out.append(object(line).value(QLatin1String("rdata")).toString());
            }
            out.sort();
            return out;
        };
        QCOMPARE(rdatas("time_first_before=1400"), QStringList{QStringLiteral("192.0.2.1")});
        QCOMPARE(rdatas("time_last_after=2500"),
                 (QStringList{QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.3")}));
        // Overlap with the window [1800, 2500]: seen after 1800 and before 2500.
        QCOMPARE(rdatas("time_last_after=1800&time_first_before=2500"),
                 (QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2")}));
        // Strict: entirely inside [1200, 3500].
        QCOMPARE(rdatas("time_first_after=1200&time_last_before=3500"),
                 QStringList{QStringLiteral("192.0.2.2")});
        // Relative: seen in the last 1000 s.
        QCOMPARE(rdatas("time_last_after=-1000"), QStringList{QStringLiteral("192.0.2.3")});
        QCOMPARE(get("/query/fence.example?time_last_after=soon").status, 400);
    }

    // Items 17 and 32: a 250-record RRset walked with limit and cursor, no duplicates; truncation header.
    void pagingWalksEverything()
    {
        QByteArrayList lines;
        for (int i = 0; i < 250; ++i) {
            lines.append("1700000000.000001||a||b||IN||big.example.||A||10.0." + QByteArray::number(i / 200) +
                         '.' + QByteArray::number(i % 200) + "||60||1");
        }
        feed(lines);
        QCOMPARE(get("/query/big.example").lines().size(), 250);
        QSet<QString> seen;
        QByteArray cursor;
        int pages = 0;
        while (true) {
            const HttpTestResponse page =
                get("/query/big.example?limit=40" + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor));
            QCOMPARE(page.status, 200);
            ++pages;
            for (const QByteArray &line : page.lines()) {
                const QString rdata = object(line).value(QLatin1String("rdata")).toString();
                QVERIFY2(!seen.contains(rdata), qPrintable(rdata));
                seen.insert(rdata);
            }
            QCOMPARE(page.header("x-total-count"), QByteArray("250"));
            if (page.header("x-pagination-required") != "true") {
                QVERIFY(page.header("x-next-cursor").isEmpty());
                break;
            }
            QCOMPARE(page.header("x-truncated"), QByteArray("true"));
            cursor = page.header("x-next-cursor");
            QCOMPARE(page.header("x-dribble-cursor"), cursor);
            QVERIFY(!cursor.isEmpty());
            QVERIFY(pages < 20);
        }
        QCOMPARE(pages, 7);
        QCOMPARE(seen.size(), 250);
        // The CIRCL headers do the same.
        const HttpTestResponse viaHeaders = get("/query/big.example", {{"dribble-paginate-count", "100"}});
        QCOMPARE(viaHeaders.lines().size(), 100);
        QVERIFY(!viaHeaders.header("x-dribble-cursor").isEmpty());
    }

    // Item 33: empty result and malformed input.
    void emptyAndMalformed()
    {
        const HttpTestResponse empty = get("/query/nothing.example");
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body, QByteArray());
        QCOMPARE(empty.header("content-type"), QByteArray("application/x-ndjson"));
        const QList<QByteArray> bad{"/query/",          "/query/%zz",           "/query/a%",
                                    "/query/x?limit=0", "/query/x?limit=abc",   "/query/x?cursor=%21%21",
                                    "/query/x?nope=1",  "/query/**.example",    "/query/a*b.example",
                                    "/query/*.",        "/fquery/x?rdata=list", "/query/x?compat=dnsdb",
                                    "/query/%00x"};
        for (const QByteArray &target : bad) {
            const HttpTestResponse response = get(target);
            QVERIFY2(response.status == 400, target.constData());
            QVERIFY2(QJsonDocument::fromJson(response.body).object().contains(QLatin1String("error")),
                     target.constData());
        }
        QCOMPARE(get("/nowhere").status, 404);
        HttpTestClient client(m_service->port());
        QCOMPARE(client.raw("POST /query/x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").status, 405);
        QCOMPARE(client.raw("GARBAGE\r\n\r\n").status, 400);
        QCOMPARE(client.raw("GET /info HTTP/2.0\r\n\r\n").status, 505);
        QCOMPARE(client.raw("GET /info HTTP/1.1\r\nbad header\r\n\r\n").status, 400);
        QCOMPARE(client.raw("GET /info HTTP/1.1\r\nX: " + QByteArray(20000, 'a') + "\r\n\r\n").status, 431);
        // The server is still fine afterwards.
        QCOMPARE(get("/info").status, 200);
    }

    // Item 34 with data: processed, rejected, per-sensor counts.
    void infoWithData()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")) + QByteArrayList{"garbage line"});
        const QJsonObject info = QJsonDocument::fromJson(get("/info").body).object();
        QCOMPARE(info.value(QLatin1String("stats")).toInteger(), 29);
        QCOMPARE(info.value(QLatin1String("rejected")).toInteger(), 1);
        QCOMPARE(info.value(QLatin1String("excluded")).toInteger(), 1);
        const QJsonArray sensors = info.value(QLatin1String("sensors")).toArray();
        QCOMPARE(sensors.size(), 1);
        QCOMPARE(sensors[0].toObject().value(QLatin1String("sensor_id")).toString(),
                 QString::fromLatin1(m_sensor));
        QCOMPARE(sensors[0].toObject().value(QLatin1String("count")).toInteger(), 29);
    }

    // Item 35: left-hand wildcard through the reversed-name index.
    void wildcard()
    {
        feed(fixture(QStringLiteral("passivedns-synth-alltypes.log")));
        QStringList names;
        for (const QByteArray &line : get("/query/*.cdn.example.org").lines()) {
            names.append(object(line).value(QLatin1String("rrname")).toString());
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("edge.cdn.example.org"),
                                     QStringLiteral("edge2.cdn.example.org")}));
        const QStringList underExample = triples(get("/query/*.example.com?rrtype=A"));
        QVERIFY(underExample.contains(QStringLiteral("A www.example.com 192.0.2.10")));
        QVERIFY(underExample.contains(QStringLiteral("A mixed.example.com 192.0.2.99")));
        QVERIFY(!underExample.contains(QStringLiteral("A edge2.cdn.example.org 198.51.100.7")));
        // The index is a sorted set of reversed names (no KEYS/SCAN).
        QCOMPARE(m_redis.command({"ZSCORE", "pdns:names", "org.example.cdn.edge."}, kDb).string,
                 QByteArray("0"));
    }

    // Item 36: token per endpoint; loopback by default.
    void tokenAndLoopback()
    {
        QCOMPARE(d4::api::LookupSettings().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(d4::api::LookupSettings().port, 8400);
        d4::api::LookupSettings settings;
        settings.token = "s3cret";
        settings.tokenEndpoints = {"query", "fquery"};
        startLookup(settings);
        QCOMPARE(get("/query/www.example.com").status, 401);
        QCOMPARE(get("/query/www.example.com", {{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(get("/query/www.example.com", {{"Authorization", "Bearer s3cret"}}).status, 200);
        QCOMPARE(get("/fquery/x", {{"X-Api-Key", "s3cret"}}).status, 200);
        QCOMPARE(get("/info").status, 200); // not protected in this configuration
    }

    // Item 25: our COF reader is lenient (CIRCL's numeric strings, arrays, numeric rrtype).
    void lenientClient()
    {
        const auto circl = d4::api::CofFormat::parse(
            "{\"count\": \"3\", \"time_first\": \"1700000000\", \"time_last\": \"1700000100\", \"rrtype\": "
            "\"A\", \"rrname\": \"x.example\", \"rdata\": \"192.0.2.1\", \"extra\": {\"a\": 1}}");
        QVERIFY(circl);
        QCOMPARE(circl->first().count, 3);
        QCOMPARE(circl->first().last, 1700000100);
        const auto array =
            d4::api::CofFormat::parse("{\"time_first\": 1, \"time_last\": 2, \"rrtype\": 28, \"rrname\": "
                                      "\"y.\", \"rdata\": [\"2001:db8::1\", \"2001:db8::2\"]}");
        QVERIFY(array);
        QCOMPARE(array->size(), 2);
        QCOMPARE(array->at(1).rrtype, 28);
        QVERIFY(!d4::api::CofFormat::parse("{\"rrname\": \"x\", \"rrtype\": \"A\", \"rdata\": \"1\"}"));
        QVERIFY(!d4::api::CofFormat::parse("{\"time_first\": 1, \"time_last\": 2, \"rrtype\": \"NOPE\", "
                                           "\"rrname\": \"x\", \"rdata\": \"1\"}"));
        QVERIFY(!d4::api::CofFormat::parse("not json"));
    }

    // Keep-alive: several requests on one connection, answered in order.
    void keepAlive()
    {
        HttpTestClient client(m_service->port());
        const HttpTestResponse first = client.raw("GET /info HTTP/1.1\r\nHost: a\r\n\r\nGET /query/x "
                                                  "HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("connection"), QByteArray("keep-alive"));
    }
};

QTEST_GUILESS_MAIN(TestPdnsLookup)
#include "tst_pdnslookup.moc"
