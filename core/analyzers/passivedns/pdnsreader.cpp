// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnsreader.h"

#include <algorithm>

#include <QSet>
#include <QStringBuilder>

#include "analyzers/passivedns/pdnskeys.h"

namespace d4::passivedns {

using store::RedisValue;

namespace {

bool parseTriple(const QByteArray &value, qint64 &count, qint64 &first, qint64 &last)
{
    const QList<QByteArray> parts = value.split(' ');
    if (parts.size() != 3) {
        return false;
    }
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    count = parts[0].toLongLong(&ok1);
    first = parts[1].toLongLong(&ok2);
    last = parts[2].toLongLong(&ok3);
    return ok1 && ok2 && ok3;
}

} // namespace

PdnsReader::PdnsReader(store::RedisEndpoint endpoint)
    : m_connection(std::move(endpoint))
{
}

std::optional<QList<int>> PdnsReader::storedTypes()
{
    const RedisValue reply = m_connection.command({"SMEMBERS", keys::types()});
    if (reply.kind != RedisValue::Kind::Array) {
        return std::nullopt;
    }
    QList<int> types;
    for (const RedisValue &element : reply.elements) {
        types.append(element.string.toInt());
    }
    std::sort(types.begin(), types.end());
    return types;
}

std::optional<QList<PdnsTuple>> PdnsReader::byName(const QByteArray &rrname, const QList<int> &types)
{
    return byNames({rrname}, types);
}

std::optional<QList<PdnsTuple>> PdnsReader::byNames(const QByteArrayList &names, const QList<int> &types)
{
    return fromIndex(Index::Forward, names, types);
}

std::optional<QList<PdnsTuple>> PdnsReader::byRdata(const QByteArrayList &rdataForms, const QList<int> &types)
{
    return fromIndex(Index::Inverse, rdataForms, types);
}

std::optional<QList<PdnsTuple>> PdnsReader::fromIndex(Index index, const QByteArrayList &values,
                                                      const QList<int> &types)
{
    QList<int> wanted = types;
    if (wanted.isEmpty()) {
        const auto stored = storedTypes();
        if (!stored) {
            return std::nullopt;
        }
        wanted = *stored;
    }
    QList<QByteArrayList> commands;
    QList<QPair<QByteArray, int>> asked;
    for (const QByteArray &value : values) {
        for (const int type : std::as_const(wanted)) {
            commands.append({"SMEMBERS", index == Index::Forward ? keys::forward(value, type)
                                                                 : keys::inverse(value, type)});
            asked.append({value, type});
        }
    }
    if (commands.isEmpty()) {
        return QList<PdnsTuple>();
    }
    const QList<RedisValue> replies = m_connection.run(commands);
    if (replies.size() != commands.size()) {
        return std::nullopt;
    }
    QList<Candidate> candidates;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const auto &[value, type] = asked[i];
        for (const RedisValue &member : replies[i].elements) {
            // Forward index: name -> rdata members; inverse index: rdata -> name members.
            candidates.append(index == Index::Forward ? Candidate{value, type, member.string}
                                                      : Candidate{member.string, type, value});
        }
    }
    return fill(candidates);
}

std::optional<QList<PdnsTuple>> PdnsReader::fill(const QList<Candidate> &candidates)
{
    // De-duplicate (the same tuple may be reached through several index entries).
    QList<Candidate> unique;
    QSet<QByteArray> seen;
    for (const Candidate &candidate : candidates) {
        const QByteArray id =
            QByteArray::number(candidate.rrtype) % '\x1f' % candidate.rrname % '\x1f' % candidate.rdata;
        if (!seen.contains(id)) {
            seen.insert(id);
            unique.append(candidate);
        }
    }
    QList<QByteArrayList> commands;
    commands.reserve(unique.size() * 4);
    for (const Candidate &c : std::as_const(unique)) {
        commands.append({"GET", keys::firstSeen(c.rrname, c.rdata, c.rrtype)});
        commands.append({"GET", keys::lastSeen(c.rrname, c.rdata, c.rrtype)});
        commands.append({"GET", keys::occurrences(c.rrname, c.rdata, c.rrtype)});
        commands.append({"HGETALL", keys::tupleSensors(c.rrname, c.rdata, c.rrtype)});
    }
    QList<PdnsTuple> tuples;
    if (commands.isEmpty()) {
        return tuples;
    }
    const QList<RedisValue> replies = m_connection.run(commands);
    if (replies.size() != commands.size()) {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < unique.size(); ++i) {
        const RedisValue &first = replies[i * 4];
        if (first.kind != RedisValue::Kind::String) {
            continue; // expired or never complete
        }
        PdnsTuple tuple;
        tuple.rrname = unique[i].rrname;
        tuple.rrtype = unique[i].rrtype;
        tuple.rdata = unique[i].rdata;
        tuple.first = first.string.toLongLong();
        tuple.last = replies[i * 4 + 1].string.toLongLong();
        tuple.count = replies[i * 4 + 2].string.toLongLong();
        const QList<RedisValue> &fields = replies[i * 4 + 3].elements;
        for (qsizetype f = 0; f + 1 < fields.size(); f += 2) {
            SensorSighting sighting;
            sighting.sensorId = fields[f].string;
            if (parseTriple(fields[f + 1].string, sighting.count, sighting.first, sighting.last)) {
                tuple.sensors.append(sighting);
            }
        }
        tuples.append(std::move(tuple));
    }
    std::sort(tuples.begin(), tuples.end());
    return tuples;
}

std::optional<QByteArrayList> PdnsReader::namesUnder(const QByteArray &domain, qsizetype max)
{
    const QByteArray prefix = keys::reversedName(domain);
    const RedisValue reply =
        m_connection.command({"ZRANGEBYLEX", keys::names(), "(" + prefix, "[" + prefix + '\xff', "LIMIT", "0",
                              QByteArray::number(max)});
    if (reply.kind != RedisValue::Kind::Array) {
        return std::nullopt;
    }
    QByteArrayList names;
    for (const RedisValue &element : reply.elements) {
        // Reverse back: "com.example.www." -> "www.example.com".
        QByteArray reversed = element.string;
        reversed.chop(1);
        names.append(keys::reversedName(reversed));
        names.last().chop(1);
    }
    return names;
}

std::optional<QList<PdnsErrorTuple>> PdnsReader::errorsOf(const QByteArray &rrname)
{
    const RedisValue reply = m_connection.command({"HGETALL", keys::errors(rrname)});
    if (reply.kind != RedisValue::Kind::Array) {
        return std::nullopt;
    }
    QList<PdnsErrorTuple> errors;
    for (qsizetype f = 0; f + 1 < reply.elements.size(); f += 2) {
        PdnsErrorTuple error;
        error.rrname = rrname;
        error.rcode = reply.elements[f].string;
        if (parseTriple(reply.elements[f + 1].string, error.count, error.first, error.last)) {
            errors.append(error);
        }
    }
    return errors;
}

std::optional<PdnsStats> PdnsReader::stats()
{
    const QList<RedisValue> replies = m_connection.run({
        {"GET", keys::processed()},
        {"GET", keys::rejected()},
        {"GET", keys::excluded()},
        {"GET", keys::errorCount()},
        {"GET", keys::tuples()},
        {"ZREVRANGE", keys::sensorCounts(), "0", "-1", "WITHSCORES"},
        {"HGETALL", keys::typeDistribution()},
        {"GET", keys::status()},
    });
    if (replies.size() != 8) {
        return std::nullopt;
    }
    PdnsStats stats;
    stats.processed = replies[0].string.toLongLong();
    stats.rejected = replies[1].string.toLongLong();
    stats.excluded = replies[2].string.toLongLong();
    stats.errors = replies[3].string.toLongLong();
    stats.tuples = replies[4].string.toLongLong();
    for (qsizetype i = 0; i + 1 < replies[5].elements.size(); i += 2) {
        stats.sensors.append({replies[5].elements[i].string, replies[5].elements[i + 1].string.toLongLong()});
    }
    for (qsizetype i = 0; i + 1 < replies[6].elements.size(); i += 2) {
        stats.typeDistribution.append(
            {replies[6].elements[i].string.toInt(), replies[6].elements[i + 1].string.toLongLong()});
    }
    stats.publishedStatus = replies[7].string;
    return stats;
}

} // namespace d4::passivedns
