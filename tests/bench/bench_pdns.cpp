// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Passive DNS benchmark (docs/passive-dns.md "Benchmark"), against a running redis-server given on
// the command line (run-pdns-bench.sh starts a private one):
//   parse    LineParser alone, lines/s on one core;
//   ingest   PdnsAnalyzer (parse + aggregation + store, pipelined) end to end, lines/s, for N
//            distinct A tuples (each with its own name and address, as the reference measurement),
//            then the same N lines again (every tuple exists: the update path), by the same
//            analyzer and by a restarted one; with the Redis server's CPU time per line (less
//            sensitive than the rate to other load on the machine);
//   memory   Redis used_memory growth per stored tuple;
//   schema   Redis' own cost of the key schema without the analyzer: the creations of the same N
//            tuples sent as plain pipelined commands into an empty database, Redis CPU and memory
//            per tuple, for analyzer-d4-passivedns' five keys alone and with the per-sensor hash and
//            wildcard index entry this store adds. 1 / (CPU per tuple) is the most new tuples per
//            second one Redis core can take with that schema, whatever the client does;
//   query    /query/<name> latency over HTTP keep-alive against the LookupServer with the store
//            holding those N tuples: p50/p99/max of Q requests for random names, and the same for a
//            250-record RRset.
// It prints what it measured and on how much data; no assertions.

#include <algorithm>
#include <cstdio>
#include <random>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnskeys.h"
#include "analyzers/passivedns/pipelineconnection.h"
#include "api/lookupservice.h"

using namespace d4;

namespace {

QByteArray lineFor(qint64 i)
{
    return "1700000000.123456||192.0.2." + QByteArray::number(i % 250) + "||198.51.100.53||IN||host" +
           QByteArray::number(i) + ".bench.example.com.||A||10." + QByteArray::number((i >> 16) & 0xff) +
           '.' + QByteArray::number((i >> 8) & 0xff) + '.' + QByteArray::number(i & 0xff) + "||300||1";
}

qint64 usedMemory(passivedns::PipelineConnection &redis)
{
    const store::RedisValue info = redis.command({"INFO", "memory"});
    for (const QByteArray &line : info.string.split('\n')) {
        if (line.startsWith("used_memory:")) {
            return line.mid(12).trimmed().toLongLong();
        }
    }
    return -1;
}

/** CPU seconds (user + system) the Redis server has used since it started. */
double redisCpuSeconds(passivedns::PipelineConnection &redis)
{
    const store::RedisValue info = redis.command({"INFO", "cpu"});
    double seconds = 0;
    for (const QByteArray &line : info.string.split('\n')) {
        if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
            seconds += line.mid(line.indexOf(':') + 1).trimmed().toDouble();
        }
    }
    return seconds;
}

/**
 * Creates the keys of @p tuples new A tuples (names and addresses as lineFor()) in the empty
 * database of @p redis with plain commands, 256 KB of them per round trip: analyzer-d4-passivedns'
 * s:, l:, o:, r: and v:, plus, with @p ourKeys, the per-sensor hash and the wildcard index entry (500
 * names per ZADD) as PdnsWriter creates them. Prints Redis CPU time and used_memory per tuple.
 */
bool measureSchema(passivedns::PipelineConnection &redis, qint64 tuples, bool ourKeys)
{
    using namespace passivedns;
    if (redis.command({"FLUSHDB"}).isError()) {
        return false;
    }
    const QByteArray sensor = "0123456789abcdef0123456789abcdef";
    const qint64 memoryBefore = usedMemory(redis);
    const double cpuBefore = redisCpuSeconds(redis);
    QByteArray buffer;
    qsizetype pending = 0;
    QByteArrayList names{"ZADD", keys::names()};
    auto roundTrip = [&] {
        if (!redis.send(buffer) || redis.receive(pending).size() != pending) {
            return false;
        }
        buffer.resize(0);
        pending = 0;
        return true;
    };
    for (qint64 i = 0; i < tuples; ++i) {
        const QByteArray name = "host" + QByteArray::number(i) + ".bench.example.com";
        const QByteArray address = "10." + QByteArray::number((i >> 16) & 0xff) + '.' +
                                   QByteArray::number((i >> 8) & 0xff) + '.' + QByteArray::number(i & 0xff);
        const QByteArray seconds = "1700000000";
        PipelineConnection::encode(buffer, {"SET", keys::firstSeen(name, address, 1), seconds, "NX"});
        PipelineConnection::encode(buffer, {"SET", keys::lastSeen(name, address, 1), seconds, "NX"});
        PipelineConnection::encode(buffer, {"INCRBY", keys::occurrences(name, address, 1), "1"});
        PipelineConnection::encode(buffer, {"SADD", keys::forward(name, 1), address});
        PipelineConnection::encode(buffer, {"SADD", keys::inverse(address, 1), keys::keyName(name)});
        pending += 5;
        if (ourKeys) {
            PipelineConnection::encode(
                buffer, {"HSETNX", keys::tupleSensors(name, address, 1), sensor, "1 1700000000 1700000000"});
            ++pending;
            names << "0" << keys::reversedName(name);
            if (names.size() == 2 + 2 * 500 || i + 1 == tuples) {
                PipelineConnection::encode(buffer, names);
                ++pending;
                names.resize(2);
            }
        }
        if (buffer.size() >= 256 * 1024 && !roundTrip()) {
            return false;
        }
    }
    if (pending > 0 && !roundTrip()) {
        return false;
    }
    const double cpu = (redisCpuSeconds(redis) - cpuBefore) * 1e6 / double(std::max<qint64>(tuples, 1));
    const double memory = double(usedMemory(redis) - memoryBefore) / double(std::max<qint64>(tuples, 1));
    std::printf("schema %lld new tuples, %s: Redis CPU %.1f us/tuple (at most %.0f new tuples/s on this "
                "Redis core), %.0f bytes/tuple\n",
                qlonglong(tuples),
                ourKeys ? "five reference keys + per-sensor hash + wildcard index entry"
                        : "analyzer-d4-passivedns' five keys alone (s:, l:, o:, r:, v:)",
                cpu, 1e6 / std::max(cpu, 1e-3), memory);
    return !redis.command({"FLUSHDB"}).isError();
}

/** One GET on a keep-alive connection; returns the body size, or -1. */
qsizetype fetch(QTcpSocket &socket, const QByteArray &target)
{
    socket.write("GET " + target + " HTTP/1.1\r\nHost: bench\r\n\r\n");
    QByteArray data;
    while (true) {
        if (!socket.waitForReadyRead(5000)) {
            return -1;
        }
        data += socket.readAll();
        const qsizetype headEnd = data.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            continue;
        }
        const qsizetype at = data.indexOf("Content-Length: ");
        const qsizetype length = data.mid(at + 16, data.indexOf('\r', at) - at - 16).toLongLong();
        if (data.size() >= headEnd + 4 + length) {
            return length;
        }
    }
}

void report(const char *what, QList<double> &ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.isEmpty()) {
        return;
    }
    auto at = [&](double p) {
        return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(p * double(ms.size())))];
    };
    std::printf("query %-28s n=%lld  p50=%.3f ms  p99=%.3f ms  max=%.3f ms\n", what, qlonglong(ms.size()),
                at(0.50), at(0.99), ms.last());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("usage: bench_pdns [--socket PATH | --port P] [--db N] [--tuples N] [--queries Q]\n"
                    "Needs a running, empty redis-server (run-pdns-bench.sh starts one).\n");
        return 0;
    }
    auto option = [&](const char *name, const QString &fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
    };
    store::RedisEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = option("--port", QStringLiteral("6379")).toInt();
    endpoint.unixSocket = option("--socket", QString());
    endpoint.db = option("--db", QStringLiteral("3")).toInt();
    const qint64 tuples = option("--tuples", QStringLiteral("1000000")).toLongLong();
    const int queries = option("--queries", QStringLiteral("10000")).toInt();

    passivedns::PipelineConnection redis(endpoint);
    if (redis.command({"FLUSHDB"}).isError()) {
        std::fprintf(stderr, "cannot reach Redis at %s\n", qPrintable(endpoint.describe()));
        return 1;
    }
    QByteArrayList lines;
    lines.reserve(tuples);
    for (qint64 i = 0; i < tuples; ++i) {
        lines.append(lineFor(i));
    }
    std::printf("data: %lld distinct passivedns lines (A records, one name and one address each), Redis %s\n",
                qlonglong(tuples), qPrintable(endpoint.describe()));

    {
        const passivedns::LineParser parser;
        QElapsedTimer timer;
        timer.start();
        qint64 ok = 0;
        for (const QByteArray &line : std::as_const(lines)) {
            ok += parser.parse(line).kind == passivedns::ParseResult::Kind::Record;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("parse  %lld lines in %.3f s: %.0f lines/s (one thread)\n", qlonglong(ok), seconds,
                    double(ok) / seconds);
    }

    // As the type-8 worker does: batches of lines per onLines() call; prints the rate of one pass.
    auto timedPass = [&](passivedns::PdnsAnalyzer &analyzer, const char *what) {
        const passivedns::AnalyzerCounters before = analyzer.counters();
        const double redisCpuBefore = redisCpuSeconds(redis);
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = 0; i < lines.size(); i += 1000) {
            analyzer.onLines("0123456789abcdef0123456789abcdef", "8", lines.mid(i, 1000));
        }
        analyzer.waitIdle(600000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const passivedns::AnalyzerCounters after = analyzer.counters();
        const qint64 done = after.lines - before.lines;
        const double redisCpu = redisCpuSeconds(redis) - redisCpuBefore;
        std::printf(
            "ingest %lld lines, %lld new tuples in %.3f s: %.0f lines/s, Redis CPU %.1f us/line (%s)\n",
            qlonglong(done), qlonglong(after.newTuples - before.newTuples), seconds, double(done) / seconds,
            redisCpu * 1e6 / double(std::max<qint64>(done, 1)), what);
    };
    passivedns::AnalyzerSettings ingestSettings;
    ingestSettings.redis = endpoint;
    const qint64 memoryBefore = usedMemory(redis);
    {
        passivedns::PdnsAnalyzer analyzer(ingestSettings);
        QString error;
        if (!analyzer.start(error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        timedPass(analyzer, "every tuple new");
        // The same lines again: every tuple exists (the update path: min/max/sum merges).
        timedPass(analyzer, "every tuple seen before, same analyzer");
        analyzer.stop();
    }
    {
        // A restarted analyzer does not yet know which tuples exist.
        passivedns::PdnsAnalyzer analyzer(ingestSettings);
        QString error;
        analyzer.start(error);
        timedPass(analyzer, "every tuple seen before, new analyzer");
        analyzer.stop();
    }
    const qint64 memoryAfter = usedMemory(redis);
    std::printf("memory used_memory +%lld bytes for %lld tuples after three passes: %.0f bytes/tuple (all "
                "keys incl. per-sensor hash, "
                "wildcard index)\n",
                qlonglong(memoryAfter - memoryBefore), qlonglong(tuples),
                double(memoryAfter - memoryBefore) / double(std::max<qint64>(tuples, 1)));
    {
        // Another database of the same server, emptied before and after (FLUSHDB of millions of keys
        // takes seconds: a long timeout).
        store::RedisEndpoint schemaEndpoint = endpoint;
        schemaEndpoint.db = endpoint.db == 15 ? 14 : endpoint.db + 1;
        passivedns::PipelineConnection schemaRedis(schemaEndpoint, 120000);
        if (!measureSchema(schemaRedis, tuples, false) || !measureSchema(schemaRedis, tuples, true)) {
            std::fprintf(stderr, "schema: %s\n", qPrintable(schemaRedis.errorString()));
            return 1;
        }
    }
    // A 250-record RRset on top.
    {
        passivedns::AnalyzerSettings settings;
        settings.redis = endpoint;
        passivedns::PdnsAnalyzer analyzer(settings);
        QString error;
        analyzer.start(error);
        QByteArrayList rrset;
        for (int i = 0; i < 250; ++i) {
            rrset.append("1700000000.1||a||b||IN||rrset.bench.example.||A||172.16." +
                         QByteArray::number(i / 200) + '.' + QByteArray::number(i % 200) + "||60||1");
        }
        analyzer.onLines("0123456789abcdef0123456789abcdef", "8", rrset);
        analyzer.waitIdle(60000);
    }

    api::LookupSettings lookup;
    lookup.port = 0;
    lookup.redis = endpoint;
    api::LookupService service(lookup);
    QString error;
    if (!service.start(error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), service.port());
    if (!socket.waitForConnected(3000)) {
        return 1;
    }
    std::mt19937_64 random(42);
    QList<double> single;
    QList<double> big;
    qsizetype emptyAnswers = 0;
    for (int q = 0; q < queries; ++q) {
        const qint64 i = qint64(random() % quint64(std::max<qint64>(tuples, 1)));
        QElapsedTimer timer;
        timer.start();
        if (fetch(socket, "/query/host" + QByteArray::number(i) + ".bench.example.com") <= 0) {
            ++emptyAnswers;
        }
        single.append(double(timer.nsecsElapsed()) / 1e6);
    }
    for (int q = 0; q < std::max(10, queries / 20); ++q) {
        QElapsedTimer timer;
        timer.start();
        if (fetch(socket, "/query/rrset.bench.example") <= 0) {
            ++emptyAnswers;
        }
        big.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("store: %lld tuples + a 250-record RRset; lookups over HTTP keep-alive on loopback, %lld "
                "empty/failed\n",
                qlonglong(tuples), qlonglong(emptyAnswers));
    report("/query/<random name> (1 rec)", single);
    report("/query/<250-record RRset>", big);
    return 0;
}
