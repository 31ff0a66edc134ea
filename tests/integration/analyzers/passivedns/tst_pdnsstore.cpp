// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The passive DNS store against a real redis-server (spec passive-dns.md §8, items 11–17 and 19):
// lines go through PdnsAnalyzer (parser, batching thread, Lua script), results are read back with
// PdnsReader and, for compatibility, with plain Redis commands on analyzer-d4-passivedns' keys.

#include <thread>

#include <QFile>
#include <QTest>
#include <QThread>

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnsreader.h"
#include "analyzers/passivedns/pdnswriter.h"
#include "analyzers/passivedns/pipelineconnection.h"
#include "redisserverfixture.h"
#include "testenvironment.h"

using namespace d4::passivedns;
using namespace d4::test;

namespace {

constexpr int kDb = 3;

QByteArray line(qint64 seconds, const QByteArray &name, const QByteArray &type, const QByteArray &answer,
                qint64 count = 1)
{
    return QByteArray::number(seconds) + ".000001||10.0.0.2||10.0.0.1||IN||" + name + "||" + type + "||" +
           answer + "||300||" + QByteArray::number(count);
}

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

PdnsRecord record(qint64 seconds, const QByteArray &name, const QByteArray &rdata, qint64 count,
                  const QByteArray &sensor, int type = 1)
{
    PdnsRecord out;
    out.rrname = name;
    out.rrtype = type;
    out.rdata = rdata;
    out.seconds = seconds;
    out.count = count;
    out.sensorId = sensor;
    return out;
}

PdnsRecord errorRecord(qint64 seconds, const QByteArray &name, const QByteArray &rcode, qint64 count)
{
    PdnsRecord out = record(seconds, name, rcode, count, "aa");
    out.error = true;
    return out;
}

} // namespace

class TestPdnsStore : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    std::unique_ptr<PdnsAnalyzer> m_analyzer;

    void startAnalyzer(QHash<int, qint64> expiry = {})
    {
        AnalyzerSettings settings;
        settings.redis = m_redis.endpoint(kDb);
        settings.expiryByType = std::move(expiry);
        m_analyzer = std::make_unique<PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
    }
    void feed(const QByteArray &sensor, const QByteArrayList &lines)
    {
        m_analyzer->onLines(sensor, "8", lines);
        QVERIFY(m_analyzer->waitIdle(20000));
    }
    QList<PdnsTuple> byName(const QByteArray &name, QList<int> types = {})
    {
        PdnsReader reader(m_redis.endpoint(kDb));
        const auto tuples = reader.byName(name, types);
        return tuples ? *tuples : QList<PdnsTuple>();
    }

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        startAnalyzer();
    }
    void cleanup()
    {
        m_analyzer.reset();
        m_redis.stop();
    }

    // Item 11: count is the sum of passivedns counts.
    void countIsSumOfCounts()
    {
        feed("aa", {line(1700000000, "www.example.com.", "A", "192.0.2.10", 1)});
        feed("aa", {line(1700000001, "www.example.com.", "A", "192.0.2.10", 23)});
        const auto tuples = byName("www.example.com");
        QCOMPARE(tuples.size(), 1);
        QCOMPARE(tuples[0].count, 24);
        // analyzer-d4-passivedns' own keys hold the same values.
        QCOMPARE(m_redis.command({"GET", "o:www.example.com:192.0.2.10:1"}, kDb).string, QByteArray("24"));
        QCOMPARE(m_redis.command({"SMEMBERS", "r:www.example.com:1"}, kDb).sortedStrings(),
                 QByteArrayList{"192.0.2.10"});
        QCOMPARE(m_redis.command({"SMEMBERS", "v:192.0.2.10:1"}, kDb).sortedStrings(),
                 QByteArrayList{"www.example.com"});
    }

    // Item 12: first = min, last = max, whatever the order of arrival.
    void firstMinLastMax()
    {
        feed("aa", {line(1700000500, "t.example.", "A", "192.0.2.1")});
        feed("aa", {line(1700000100, "t.example.", "A", "192.0.2.1")});
        feed("aa", {line(1700000900, "t.example.", "A", "192.0.2.1"),
                    line(1700000300, "t.example.", "A", "192.0.2.1")});
        const auto tuples = byName("t.example");
        QCOMPARE(tuples.size(), 1);
        QCOMPARE(tuples[0].first, 1700000100);
        QCOMPARE(tuples[0].last, 1700000900);
        QCOMPARE(tuples[0].count, 4);
        QCOMPARE(m_redis.command({"GET", "s:t.example:192.0.2.1:1"}, kDb).string, QByteArray("1700000100"));
        QCOMPARE(m_redis.command({"GET", "l:t.example:192.0.2.1:1"}, kDb).string, QByteArray("1700000900"));
    }

    // Item 13: same name and rdata under two types are two tuples.
    void twoTypesTwoTuples()
    {
        feed("aa", {line(1700000000, "example.com.", "NS", "ns1.example.com.", 2),
                    line(1700000050, "example.com.", "SOA", "ns1.example.com.", 5)});
        const auto tuples = byName("example.com");
        QCOMPARE(tuples.size(), 2);
        QCOMPARE(tuples[0].rrtype, 2);
        QCOMPARE(tuples[0].count, 2);
        QCOMPARE(tuples[0].first, 1700000000);
        QCOMPARE(tuples[1].rrtype, 6);
        QCOMPARE(tuples[1].count, 5);
        QCOMPARE(tuples[1].first, 1700000050);
    }

    // Item 14: per-type expiry removes every key of the tuple together; re-seeing extends it.
    void expiryRemovesEverything()
    {
        m_analyzer.reset();
        startAnalyzer({{16, 2}});
        feed("aa", {line(1700000000, "txt.example.", "TXT", "\"hello\""),
                    line(1700000000, "txt.example.", "A", "192.0.2.5")});
        const QByteArrayList txtKeys{"s:txt.example:\"hello\":16",
                                     "l:txt.example:\"hello\":16",
                                     "o:txt.example:\"hello\":16",
                                     "r:txt.example:16",
                                     "v:\"hello\":16",
                                     "pdns:sensor:txt.example:\"hello\":16"};
        for (const QByteArray &key : txtKeys) {
            const auto ttl = m_redis.command({"TTL", key}, kDb).integer;
            QVERIFY2(ttl > 0 && ttl <= 2, key.constData());
        }
        QCOMPARE(m_redis.command({"TTL", "s:txt.example:192.0.2.5:1"}, kDb).integer, -1);
        QThread::msleep(1200);
        feed("aa", {line(1700000001, "txt.example.", "TXT", "\"hello\"")}); // extends the window
        QThread::msleep(1200);
        QCOMPARE(byName("txt.example", {16}).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(byName("txt.example", {16}).size(), 0, 5000);
        for (const QByteArray &key : txtKeys) {
            QCOMPARE(m_redis.command({"EXISTS", key}, kDb).integer, 0);
        }
        QCOMPARE(byName("txt.example").size(), 1); // the A record has no expiry
    }

    // Item 15: the sensor UUID per tuple, with its own count and times; /info counters.
    void perSensor()
    {
        const QByteArray s1 = "0123456789abcdef0123456789abcdef";
        const QByteArray s2 = "fedcba9876543210fedcba9876543210";
        feed(s1, {line(1700000000, "p.example.", "A", "192.0.2.7", 3)});
        feed(s2, {line(1700000100, "p.example.", "A", "192.0.2.7", 4),
                  line(1700000200, "p.example.", "A", "192.0.2.7", 1)});
        const auto tuples = byName("p.example");
        QCOMPARE(tuples.size(), 1);
        QCOMPARE(tuples[0].count, 8);
        QCOMPARE(tuples[0].sensors.size(), 2);
        for (const SensorSighting &sighting : tuples[0].sensors) {
            if (sighting.sensorId == s1) {
                QCOMPARE(sighting.count, 3);
                QCOMPARE(sighting.first, 1700000000);
                QCOMPARE(sighting.last, 1700000000);
            } else {
                QCOMPARE(sighting.sensorId, s2);
                QCOMPARE(sighting.count, 5);
                QCOMPARE(sighting.first, 1700000100);
                QCOMPARE(sighting.last, 1700000200);
            }
        }
        PdnsReader reader(m_redis.endpoint(kDb));
        const auto stats = reader.stats();
        QVERIFY(stats);
        QCOMPARE(stats->processed, 3);
        QCOMPARE(stats->sensors.size(), 2);
        QCOMPARE(stats->sensors[0].first, s2);
        QCOMPARE(stats->sensors[0].second, 5);
        QCOMPARE(stats->sensors[1].second, 3);
    }

    // Item 16: awkward rdata round-trips exactly.
    void awkwardRdata()
    {
        const QByteArrayList answers{"\"a:b c \\\"q\\\" ||x\"", "\"%3A colon: and \x1f unit\"",
                                     "\"caf\xc3\xa9\""};
        QByteArrayList lines;
        for (const QByteArray &answer : answers) {
            lines.append(line(1700000000, "odd.example.", "TXT", answer));
        }
        lines.append(line(1700000000, "odd.example.", "AAAA", "2001:DB8:0:0:0:0:0:10"));
        lines.append(line(1700000000, "we:ird.example.", "A", "192.0.2.1"));
        feed("aa", lines);
        const auto tuples = byName("odd.example");
        QCOMPARE(tuples.size(), 4);
        QByteArrayList stored;
        for (const PdnsTuple &tuple : tuples) {
            stored.append(tuple.rdata);
        }
        QVERIFY(stored.contains("2001:db8::10"));
        for (const QByteArray &answer : answers) {
            QVERIFY2(stored.contains(answer), answer.constData());
        }
        QCOMPARE(byName("we:ird.example").size(), 1);
        QCOMPARE(byName("we:ird.example")[0].rdata, QByteArray("192.0.2.1"));
    }

    // Item 17: an RRset of 250 answers is stored and returned in full.
    void bigRrset()
    {
        QByteArrayList lines;
        for (int i = 0; i < 250; ++i) {
            lines.append(line(1700000000, "big.example.", "A",
                              "10.0." + QByteArray::number(i / 200) + '.' + QByteArray::number(i % 200)));
        }
        feed("aa", lines);
        QCOMPARE(byName("big.example").size(), 250);
    }

    // Error records are kept apart: no "nxdomain" rdata, counted.
    void errorRecordsApart()
    {
        feed("aa", fixture(QStringLiteral("passivedns-synth-alltypes-nxd.log")) +
                       fixture(QStringLiteral("passivedns-tcpdump-dns-uri-nxd.log")));
        QCOMPARE(byName("does-not-exist.example.com").size(), 0);
        PdnsReader reader(m_redis.endpoint(kDb));
        const auto errors = reader.errorsOf("does-not-exist.example.com");
        QVERIFY(errors);
        QCOMPARE(errors->size(), 1);
        QCOMPARE(errors->first().rcode, QByteArray("NXDOMAIN"));
        QCOMPARE(reader.stats()->errors, 3);
        QCOMPARE(m_redis.command({"KEYS", "*nxdomain*"}, kDb).elements.size(), 0);
    }

    // Item 3 through the analyzer: bad lines are counted by reason and do not stop ingestion.
    void rejectedLinesCounted()
    {
        feed("aa", {"garbage", "", "1700000000.1||a||b||IN||x.||A",
                    "1700000000.1||a||b||IN||x.||NOPE||1.2.3.4||1||1",
                    line(1700000000, "ok.example.", "A", "192.0.2.1") + "\r",
                    line(1700000000, "tracker.spamhaus.org.", "A", "127.0.0.2")});
        const AnalyzerCounters counters = m_analyzer->counters();
        QCOMPARE(counters.lines, 6);
        QCOMPARE(counters.rejected, 4);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::TooFewFields)], 2);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::Empty)], 1);
        QCOMPARE(counters.rejectedBy[size_t(RejectReason::BadType)], 1);
        QCOMPARE(counters.excluded, 1);
        QCOMPARE(counters.records, 1);
        QCOMPARE(byName("ok.example").size(), 1);
        PdnsReader reader(m_redis.endpoint(kDb));
        QCOMPARE(reader.stats()->rejected, 4);
        QCOMPARE(reader.stats()->excluded, 1);
    }

    // Item 19 (no loss part; the rate is measured by bench_pdns_ingest): 20,000 distinct lines.
    void noLoss()
    {
        QByteArrayList lines;
        for (int i = 0; i < 20000; ++i) {
            lines.append(line(1700000000 + i, "h" + QByteArray::number(i) + ".load.example.", "A",
                              "10." + QByteArray::number(i / 65536) + '.' +
                                  QByteArray::number((i / 256) % 256) + '.' + QByteArray::number(i % 256)));
        }
        for (qsizetype i = 0; i < lines.size(); i += 1000) {
            m_analyzer->onLines("aa", "8", lines.mid(i, 1000));
        }
        QVERIFY(m_analyzer->waitIdle(60000));
        QCOMPARE(m_analyzer->counters().newTuples, 20000);
        PdnsReader reader(m_redis.endpoint(kDb));
        QCOMPARE(reader.stats()->tuples, 20000);
        QCOMPARE(reader.stats()->processed, 20000);
        QCOMPARE(byName("h19999.load.example").size(), 1);
    }

    // Redis down: the batch is kept and written once Redis is back.
    void survivesRedisOutage()
    {
        m_redis.pause();
        m_analyzer->onLines("aa", "8", {line(1700000000, "late.example.", "A", "192.0.2.9")});
        QThread::msleep(300);
        m_redis.resume();
        QVERIFY(m_analyzer->waitIdle(30000));
        QCOMPARE(byName("late.example").size(), 1);
    }

    // The writer's two routes into an existing tuple: a writer that stored the tuple itself updates
    // it with one script entry; a fresh writer (restart, second writer) finds it through MSETNX /
    // HSETNX and merges. Both keep min/max/sum, per sensor too, and count the tuple once.
    void updateRoutesKeepMinMaxSum()
    {
        PdnsWriter first(m_redis.endpoint(kDb));
        qint64 created = -1;
        QVERIFY2(first.write({record(1700000500, "u.example", "192.0.2.1", 2, "s1")}, {}, &created),
                 qPrintable(first.errorString()));
        QCOMPARE(created, 1);
        // Same writer: the known-tuple route.
        QVERIFY(first.write({record(1700000300, "u.example", "192.0.2.1", 3, "s1"),
                             record(1700000700, "u.example", "192.0.2.1", 1, "s1")},
                            {}, &created));
        QCOMPARE(created, 0);
        // A fresh writer: the creation commands find everything and merge; a new sensor field is created.
        PdnsWriter second(m_redis.endpoint(kDb));
        QVERIFY(second.write({record(1700000100, "u.example", "192.0.2.1", 4, "s1"),
                              record(1700000900, "u.example", "192.0.2.1", 5, "s2")},
                             {}, &created));
        QCOMPARE(created, 0);
        const auto tuples = byName("u.example");
        QCOMPARE(tuples.size(), 1);
        QCOMPARE(tuples[0].first, 1700000100);
        QCOMPARE(tuples[0].last, 1700000900);
        QCOMPARE(tuples[0].count, 15);
        QCOMPARE(m_redis.command({"HGET", "pdns:sensor:u.example:192.0.2.1:1", "s1"}, kDb).string,
                 QByteArray("10 1700000100 1700000700"));
        QCOMPARE(m_redis.command({"HGET", "pdns:sensor:u.example:192.0.2.1:1", "s2"}, kDb).string,
                 QByteArray("5 1700000900 1700000900"));
        QCOMPARE(m_redis.command({"GET", "pdns:stats:tuples"}, kDb).string, QByteArray("1"));
        QCOMPARE(m_redis.command({"GET", "stats:processed"}, kDb).string, QByteArray("5"));
        QCOMPARE(m_redis.command({"HGET", "dist:type", "1"}, kDb).string, QByteArray("15"));
        QCOMPARE(m_redis.command({"SMEMBERS", "pdns:types"}, kDb).sortedStrings(), QByteArrayList{"1"});
    }

    // The known-tuple route is only a hint: when the store lost the tuple (expiry, FLUSHDB), the
    // script creates it again with its indexes and counts it as new.
    void knownTupleRecreatedWhenGone()
    {
        PdnsWriter writer(m_redis.endpoint(kDb));
        qint64 created = -1;
        QVERIFY(writer.write({record(1700000000, "gone.example", "192.0.2.3", 1, "s1")}, {}, &created));
        QCOMPARE(created, 1);
        QCOMPARE(m_redis.command({"FLUSHDB"}, kDb).string, QByteArray("OK"));
        QVERIFY(writer.write({record(1700000050, "gone.example", "192.0.2.3", 2, "s1")}, {}, &created));
        QCOMPARE(created, 1);
        const auto tuples = byName("gone.example");
        QCOMPARE(tuples.size(), 1);
        QCOMPARE(tuples[0].first, 1700000050);
        QCOMPARE(tuples[0].count, 2);
        QCOMPARE(m_redis.command({"SMEMBERS", "v:192.0.2.3:1"}, kDb).sortedStrings(),
                 QByteArrayList{"gone.example"});
        QCOMPARE(m_redis.command({"ZSCORE", "pdns:names", "example.gone."}, kDb).string, QByteArray("0"));
        QCOMPARE(m_redis.command({"HGET", "pdns:sensor:gone.example:192.0.2.3:1", "s1"}, kDb).string,
                 QByteArray("2 1700000050 1700000050"));
        QCOMPARE(m_redis.command({"GET", "pdns:stats:tuples"}, kDb).string, QByteArray("1"));
    }

    // A merge rewrites s:/l: with SET, which drops a TTL: the expiry must be applied again, on both
    // routes.
    void mergesKeepExpiry()
    {
        const QHash<int, qint64> expiry{{1, 100}};
        PdnsWriter first(m_redis.endpoint(kDb), expiry);
        QVERIFY(first.write({record(1700000500, "ttl.example", "192.0.2.4", 1, "s1")}, {}));
        QVERIFY(first.write({record(1700000400, "ttl.example", "192.0.2.4", 1, "s1"),
                             record(1700000600, "ttl.example", "192.0.2.4", 1, "s1")},
                            {}));
        // The known-tuple route rewrote s: and l:.
        QCOMPARE(m_redis.command({"GET", "s:ttl.example:192.0.2.4:1"}, kDb).string, QByteArray("1700000400"));
        QVERIFY(m_redis.command({"TTL", "s:ttl.example:192.0.2.4:1"}, kDb).integer > 90);
        QVERIFY(m_redis.command({"TTL", "l:ttl.example:192.0.2.4:1"}, kDb).integer > 90);
        PdnsWriter second(m_redis.endpoint(kDb), expiry);
        QVERIFY(second.write({record(1700000300, "ttl.example", "192.0.2.4", 1, "s1"),
                              record(1700000700, "ttl.example", "192.0.2.4", 1, "s1")},
                             {}));
        QCOMPARE(m_redis.command({"GET", "s:ttl.example:192.0.2.4:1"}, kDb).string, QByteArray("1700000300"));
        QCOMPARE(m_redis.command({"GET", "l:ttl.example:192.0.2.4:1"}, kDb).string, QByteArray("1700000700"));
        for (const QByteArray key :
             {"s:ttl.example:192.0.2.4:1", "l:ttl.example:192.0.2.4:1", "o:ttl.example:192.0.2.4:1",
              "r:ttl.example:1", "v:192.0.2.4:1", "pdns:sensor:ttl.example:192.0.2.4:1"}) {
            const auto ttl = m_redis.command({"TTL", key}, kDb).integer;
            QVERIFY2(ttl > 90 && ttl <= 100, key.constData());
        }
    }

    // Error records: created by HSETNX, merged (sum, min, max) when the field exists.
    void errorRecordsMerge()
    {
        PdnsWriter first(m_redis.endpoint(kDb));
        QVERIFY(first.write({errorRecord(1700000200, "nx.example", "NXDOMAIN", 2)}, {}));
        PdnsWriter second(m_redis.endpoint(kDb));
        QVERIFY(second.write({errorRecord(1700000100, "nx.example", "NXDOMAIN", 3),
                              errorRecord(1700000300, "nx.example", "NXDOMAIN", 1)},
                             {}));
        QCOMPARE(m_redis.command({"HGET", "pdns:err:nx.example", "NXDOMAIN"}, kDb).string,
                 QByteArray("6 1700000100 1700000300"));
        QCOMPARE(m_redis.command({"GET", "pdns:stats:errors"}, kDb).string, QByteArray("6"));
        QCOMPARE(m_redis.command({"EXISTS", "s:nx.example:NXDOMAIN:1"}, kDb).integer, 0);
    }

    // Several writers on the same tuples at once: each tuple is counted new exactly once, counts add
    // up, first/last are the extremes whatever the interleaving.
    void concurrentWriters()
    {
        constexpr int kTuples = 2000;
        constexpr int kWriters = 3;
        constexpr int kRounds = 4;
        auto work = [this](int writerIndex, qint64 *created) {
            PdnsWriter writer(m_redis.endpoint(kDb));
            for (int round = 0; round < kRounds; ++round) {
                QList<PdnsRecord> batch;
                for (int i = 0; i < kTuples; ++i) {
                    const qint64 at = 1700000000 + 10 * round + writerIndex;
                    batch.append(record(at, "c" + QByteArray::number(i) + ".example", "192.0.2.9", 1,
                                        "s" + QByteArray::number(writerIndex % 2)));
                }
                qint64 now = 0;
                if (!writer.write(batch, {}, &now)) {
                    *created = -1;
                    return;
                }
                *created += now;
            }
        };
        qint64 created[kWriters] = {};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back(work, w, &created[w]);
        }
        for (std::thread &thread : threads) {
            thread.join();
        }
        qint64 total = 0;
        for (const qint64 c : created) {
            QVERIFY(c >= 0);
            total += c;
        }
        QCOMPARE(total, kTuples);
        QCOMPARE(m_redis.command({"GET", "pdns:stats:tuples"}, kDb).string, QByteArray::number(kTuples));
        for (const int i : {0, 777, kTuples - 1}) {
            const QByteArray suffix = "c" + QByteArray::number(i) + ".example:192.0.2.9:1";
            QCOMPARE(m_redis.command({"GET", "o:" + suffix}, kDb).string,
                     QByteArray::number(kWriters * kRounds));
            QCOMPARE(m_redis.command({"GET", "s:" + suffix}, kDb).string, QByteArray("1700000000"));
            QCOMPARE(m_redis.command({"GET", "l:" + suffix}, kDb).string,
                     QByteArray::number(1700000000 + 10 * (kRounds - 1) + kWriters - 1));
            // Writers 0 and 2 report as sensor s0, writer 1 as s1.
            QCOMPARE(m_redis.command({"HGET", "pdns:sensor:" + suffix, "s0"}, kDb).string,
                     "8 1700000000 " + QByteArray::number(1700000000 + 10 * (kRounds - 1) + 2));
            QCOMPARE(m_redis.command({"HGET", "pdns:sensor:" + suffix, "s1"}, kDb).string,
                     "4 1700000001 " + QByteArray::number(1700000000 + 10 * (kRounds - 1) + 1));
        }
    }

    // The streaming calls of the writer's connection: replies in order, and nothing pending after a
    // failure.
    void pipelineStreaming()
    {
        PipelineConnection connection(m_redis.endpoint(kDb));
        QByteArray encoded;
        PipelineConnection::encode(encoded, {"SET", "stream:a", "x y\r\nz"});
        PipelineConnection::encode(encoded, QByteArrayList{"INCRBY", "stream:n", "5"});
        QCOMPARE(encoded.left(17), QByteArray("*3\r\n$3\r\nSET\r\n$8\r\n"));
        QVERIFY(connection.send(encoded));
        encoded.clear();
        PipelineConnection::encode(encoded, {"GET", "stream:a"});
        PipelineConnection::encode(encoded, {"NOSUCHCOMMAND"});
        QVERIFY(connection.send(encoded));
        const QList<d4::store::RedisValue> replies = connection.receive(4);
        QCOMPARE(replies.size(), 4);
        QCOMPARE(replies[0].string, QByteArray("OK"));
        QCOMPARE(replies[1].integer, 5);
        QCOMPARE(replies[2].string, QByteArray("x y\r\nz"));
        QVERIFY(replies[3].isError());
        m_redis.kill();
        encoded.clear();
        PipelineConnection::encode(encoded, {"PING"});
        connection.send(encoded); // may still succeed into the socket buffer
        QVERIFY(connection.receive(1).isEmpty());
        QVERIFY(!connection.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPdnsStore)
#include "tst_pdnsstore.moc"
