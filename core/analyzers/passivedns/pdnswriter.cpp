// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnswriter.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include <QSet>
#include <QStringBuilder>

#include "analyzers/passivedns/pdnskeys.h"

namespace d4::passivedns {

namespace {

constexpr qsizetype kSendBytes = 256 * 1024; ///< encoded commands handed to Redis at a time
constexpr qsizetype kNamesPerZadd = 500;
constexpr qsizetype kMergesPerCall = 500;   ///< script entries per EVAL (bounds the time Redis is busy)
constexpr qsizetype kKnownTuples = 1 << 19; ///< tuples remembered (~10 MB), then forgotten at once

/** One aggregated (kind, name, type, rdata, sensor) of a batch and where its replies are. */
struct Aggregate
{
    const PdnsRecord *record = nullptr;
    qint64 first = 0;
    qint64 last = 0;
    qint64 count = 0;
    QByteArray keyName;   ///< <q>
    QByteArray suffix;    ///< <q>:<v>:<t> (records only)
    qsizetype reply = -1; ///< index of its first reply in the first round trip
};

/** A decimal number viewed in place, so that encoding a command allocates nothing for it. */
struct Decimal
{
    explicit Decimal(qint64 value)
        : size(std::to_chars(digits, digits + sizeof digits, value).ptr - digits)
    {
    }
    operator QByteArrayView() const { return {digits, size}; }
    char digits[24];
    qsizetype size;
};

/** The "count first last" value of per-sensor and error hash fields. */
QByteArray sighting(qint64 count, qint64 first, qint64 last)
{
    return QByteArray::number(count) % ' ' % QByteArray::number(first) % ' ' % QByteArray::number(last);
}

/** @p prefix followed by @p rest, in a reused buffer. */
QByteArrayView joined(QByteArray &scratch, QByteArrayView prefix, QByteArrayView rest)
{
    scratch.clear();
    scratch.append(prefix.data(), prefix.size());
    scratch.append(rest.data(), rest.size());
    return scratch;
}

} // namespace

QByteArray PdnsWriter::script()
{
    // ARGV: a list of entries.
    //  'T' q reversed-name v t first last count sensor: a whole tuple that this writer stored before,
    //      so that it most probably exists: min/max/sum into its keys, or, when s: is missing (it
    //      expired, or the store was emptied), the creation with its indexes. Counted when created.
    //  For values that already existed (the first round trip's MSETNX / HSETNX found them):
    //  'm' key value (keep the minimum), 'M' key value (keep the maximum), 'h' key field count
    //      first last (hash field "count first last": sum, min, max); a missing key is simply set.
    // Returns the number of tuples created. SET drops a TTL: the writer re-applies the expiry right
    // after this call. Keys as in pdnskeys.h.
    return QByteArrayLiteral(R"LUA(
local function merge(key, field, c, f, l)
  local cur = redis.call('HGET', key, field)
  if cur then
    local a, b, d = string.match(cur, '^(%d+) (%d+) (%d+)$')
    if a then
      c = c + tonumber(a)
      f = math.min(f, tonumber(b))
      l = math.max(l, tonumber(d))
    end
  end
  redis.call('HSET', key, field, string.format('%d %d %d', c, f, l))
end
local function keep(op, key, value)
  local cur = redis.call('GET', key)
  cur = cur and tonumber(cur)
  local v = tonumber(value)
  if (not cur) or (op == 'm' and cur > v) or (op == 'M' and cur < v) then
    redis.call('SET', key, value)
  end
end
local created = 0
local i, n = 1, #ARGV
while i <= n do
  local op = ARGV[i]
  if op == 'T' then
    local q, rq, v, t = ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
    local f, l, c, s = ARGV[i + 5], ARGV[i + 6], ARGV[i + 7], ARGV[i + 8]
    local suffix = q .. ':' .. v .. ':' .. t
    local sk = 's:' .. suffix
    local cur = redis.call('GET', sk)
    if not cur then
      created = created + 1
      redis.call('SET', sk, f)
      redis.call('SADD', 'r:' .. q .. ':' .. t, v)
      redis.call('SADD', 'v:' .. v .. ':' .. t, q)
      redis.call('ZADD', 'pdns:names', 0, rq)
    elseif tonumber(cur) > tonumber(f) then
      redis.call('SET', sk, f)
    end
    keep('M', 'l:' .. suffix, l)
    redis.call('INCRBY', 'o:' .. suffix, c)
    if s ~= '' then
      merge('pdns:sensor:' .. suffix, s, tonumber(c), tonumber(f), tonumber(l))
    end
    i = i + 9
  elseif op == 'h' then
    merge(ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4]), tonumber(ARGV[i + 5]))
    i = i + 6
  else
    keep(op, ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  end
end
return created
)LUA");
}

PdnsWriter::PdnsWriter(store::RedisEndpoint endpoint, QHash<int, qint64> expiryByType)
    : m_connection(std::move(endpoint))
    , m_expiry(std::move(expiryByType))
{
}

bool PdnsWriter::write(const QList<PdnsRecord> &records, Counters counters, qint64 *newTuples)
{
    // Aggregate per (kind, type, name, rdata, sensor); per-batch counters too.
    QList<Aggregate> tuples;
    tuples.reserve(records.size());
    QHash<QByteArray, qsizetype> index;
    index.reserve(records.size());
    QHash<int, qint64> perType;
    QHash<QByteArray, qint64> perSensor;
    qint64 errorCount = 0;
    for (const PdnsRecord &record : records) {
        if (record.error) {
            errorCount += record.count;
        } else {
            perType[record.rrtype] += record.count;
            if (!record.sensorId.isEmpty()) {
                perSensor[record.sensorId] += record.count;
            }
        }
        QByteArray key = (record.error ? "E" : "R") % QByteArray::number(record.rrtype) % '\x1f' %
                         record.rrname % '\x1f' % record.rdata % '\x1f' % record.sensorId;
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            index.insert(std::move(key), tuples.size());
            tuples.append(Aggregate{&record, record.seconds, record.seconds, record.count, {}, {}, -1});
        } else {
            Aggregate &aggregate = tuples[it.value()];
            aggregate.first = std::min(aggregate.first, record.seconds);
            aggregate.last = std::max(aggregate.last, record.seconds);
            aggregate.count += record.count;
        }
    }
    index.clear();

    auto failed = [this] {
        m_error = m_connection.errorString();
        return false;
    };
    QByteArray buffer;
    buffer.reserve(kSendBytes + 64 * 1024);
    qsizetype sent = 0;
    auto add = [&](std::initializer_list<QByteArrayView> arguments) {
        PipelineConnection::encode(buffer, arguments);
        ++sent;
    };
    auto flush = [&](bool all) {
        if (buffer.size() < kSendBytes && !(all && !buffer.isEmpty())) {
            return true;
        }
        const bool ok = m_connection.send(buffer);
        buffer.resize(0); // keeps the capacity (clear() would free it)
        return ok;
    };
    // Whether a reply is a script or command error (the batch is then reported as failed).
    auto checkReplies = [this](const QList<store::RedisValue> &replies) {
        for (const store::RedisValue &reply : replies) {
            if (reply.isError()) {
                m_error = QStringLiteral("passive DNS store: Redis refused a command: %1")
                              .arg(QString::fromUtf8(reply.string));
                return false;
            }
        }
        return true;
    };

    // Round trip 1: creations and everything that is atomic as a plain command.
    QByteArray key;
    QByteArray lastKey;
    QByteArray countKey;
    QSet<QByteArray> namesSeen;
    QByteArrayList names;
    QByteArrayList knownCall;
    qsizetype knownEntries = 0;
    QList<qsizetype> knownReplies; // replies of the 'T' script calls (tuples created)
    QList<size_t> learned;         // tuples to remember once this batch is stored
    auto addKnown = [&] {
        PipelineConnection::encode(buffer, knownCall);
        knownReplies.append(sent++);
        knownCall = QByteArrayList{"EVAL", script(), "0"};
        knownEntries = 0;
    };
    knownCall = QByteArrayList{"EVAL", script(), "0"};
    auto addNames = [&] {
        QByteArrayList call{"ZADD", keys::names()};
        for (const QByteArray &name : std::as_const(names)) {
            call << "0" << name;
        }
        names.clear();
        PipelineConnection::encode(buffer, call);
        ++sent;
    };
    for (Aggregate &tuple : tuples) {
        const PdnsRecord &record = *tuple.record;
        tuple.keyName = keys::keyName(record.rrname);
        tuple.reply = sent;
        const QByteArray value = sighting(tuple.count, tuple.first, tuple.last);
        if (record.error) {
            add({"HSETNX", joined(key, "pdns:err:", tuple.keyName), record.rdata, value});
            continue;
        }
        tuple.suffix = keys::firstSeen(record.rrname, record.rdata, record.rrtype).sliced(2);
        const size_t fingerprint = qHash(QByteArray(tuple.suffix % '\x1f' % record.sensorId));
        if (m_known.contains(fingerprint)) {
            // Seen by this writer before: one script entry does the few calls an update needs.
            tuple.reply = -1;
            knownCall << "T" << tuple.keyName << keys::reversedName(record.rrname) << record.rdata
                      << QByteArray::number(record.rrtype) << QByteArray::number(tuple.first)
                      << QByteArray::number(tuple.last) << QByteArray::number(tuple.count) << record.sensorId;
            if (++knownEntries == kMergesPerCall) {
                addKnown();
            }
            if (!flush(false)) {
                return failed();
            }
            continue;
        }
        learned.append(fingerprint);
        // One command for the three strings of a new tuple: it sets all or, when any exists (the
        // tuple is stored already), none, and the second round trip merges into what is there.
        add({"MSETNX", joined(key, "s:", tuple.suffix), Decimal(tuple.first),
             joined(lastKey, "l:", tuple.suffix), Decimal(tuple.last), joined(countKey, "o:", tuple.suffix),
             Decimal(tuple.count)});
        add({"SADD", keys::forward(record.rrname, record.rrtype), record.rdata});
        add({"SADD", keys::inverse(record.rdata, record.rrtype), tuple.keyName});
        if (!record.sensorId.isEmpty()) {
            add({"HSETNX", joined(key, "pdns:sensor:", tuple.suffix), record.sensorId, value});
        }
        QByteArray reversed = keys::reversedName(record.rrname);
        if (!namesSeen.contains(reversed)) {
            namesSeen.insert(reversed);
            names.append(std::move(reversed));
            if (names.size() == kNamesPerZadd) {
                addNames();
            }
        }
        if (!flush(false)) {
            return failed();
        }
    }
    if (!names.isEmpty()) {
        addNames();
    }
    if (knownEntries > 0) {
        addKnown();
    }
    const qint64 processed = records.size();
    const std::pair<QByteArray, qint64> totals[] = {{keys::processed(), processed},
                                                    {keys::rejected(), counters.rejected},
                                                    {keys::excluded(), counters.excluded},
                                                    {keys::errorCount(), errorCount}};
    for (const auto &[counter, amount] : totals) {
        if (amount != 0) {
            add({"INCRBY", counter, Decimal(amount)});
        }
    }
    if (!perType.isEmpty()) {
        QByteArrayList typeSet{"SADD", keys::types()};
        for (auto it = perType.cbegin(); it != perType.cend(); ++it) {
            add({"HINCRBY", keys::typeDistribution(), Decimal(it.key()), Decimal(it.value())});
            typeSet << QByteArray::number(it.key());
        }
        PipelineConnection::encode(buffer, typeSet);
        ++sent;
    }
    // Per-sensor totals for /info, once per sensor and batch rather than once per tuple.
    for (auto it = perSensor.cbegin(); it != perSensor.cend(); ++it) {
        add({"ZINCRBY", keys::sensorCounts(), Decimal(it.value()), it.key()});
        add({"SADD", keys::sensorsSeen(), it.key()});
    }
    if (!flush(true)) {
        return failed();
    }
    const QList<store::RedisValue> replies = m_connection.receive(sent);
    if (replies.size() != sent) {
        return failed();
    }
    if (!checkReplies(replies)) {
        return false;
    }

    // Round trip 2: merges into what existed, expiry, the new-tuple counter.
    sent = 0;
    qint64 created = 0;
    for (const qsizetype at : std::as_const(knownReplies)) {
        created += replies[at].integer;
    }
    if (m_known.size() + learned.size() > kKnownTuples) {
        m_known.clear();
    }
    for (const size_t fingerprint : std::as_const(learned)) {
        m_known.insert(fingerprint);
    }
    QByteArrayList call;
    qsizetype entries = 0;
    auto endCall = [&] {
        if (entries > 0) {
            PipelineConnection::encode(buffer, call);
            ++sent;
        }
        call = QByteArrayList{"EVAL", script(), "0"};
        entries = 0;
    };
    endCall();
    auto merge = [&](std::initializer_list<QByteArray> entry) {
        call.append(QByteArrayList(entry));
        if (++entries == kMergesPerCall) {
            endCall();
        }
    };
    for (const Aggregate &tuple : std::as_const(tuples)) {
        const PdnsRecord &record = *tuple.record;
        if (tuple.reply < 0) {
            continue; // stored by a 'T' entry
        }
        const store::RedisValue *reply = replies.constData() + tuple.reply;
        if (record.error) {
            if (reply[0].integer == 0) {
                merge({"h", keys::errors(record.rrname), record.rdata, QByteArray::number(tuple.count),
                       QByteArray::number(tuple.first), QByteArray::number(tuple.last)});
            }
            continue;
        }
        // reply[0] MSETNX, [1] and [2] SADD, [3] HSETNX.
        if (reply[0].integer == 1) {
            ++created;
        } else {
            merge({"m", "s:" % tuple.suffix, QByteArray::number(tuple.first)});
            merge({"M", "l:" % tuple.suffix, QByteArray::number(tuple.last)});
            add({"INCRBY", joined(key, "o:", tuple.suffix), Decimal(tuple.count)});
        }
        if (!record.sensorId.isEmpty() && reply[3].integer == 0) {
            merge({"h", "pdns:sensor:" % tuple.suffix, record.sensorId, QByteArray::number(tuple.count),
                   QByteArray::number(tuple.first), QByteArray::number(tuple.last)});
        }
    }
    endCall();
    for (const Aggregate &tuple : std::as_const(tuples)) {
        const PdnsRecord &record = *tuple.record;
        const qint64 expiry = record.error ? 0 : m_expiry.value(record.rrtype, 0);
        if (expiry <= 0) {
            continue;
        }
        const Decimal seconds(expiry);
        for (const char *prefix : {"s:", "l:", "o:", "pdns:sensor:"}) {
            add({"EXPIRE", joined(key, prefix, tuple.suffix), seconds});
        }
        add({"EXPIRE", keys::forward(record.rrname, record.rrtype), seconds});
        add({"EXPIRE", keys::inverse(record.rdata, record.rrtype), seconds});
        if (!flush(false)) {
            return failed();
        }
    }
    if (created > 0) {
        add({"INCRBY", keys::tuples(), Decimal(created)});
    }
    if (sent > 0) {
        if (!flush(true)) {
            return failed();
        }
        const QList<store::RedisValue> secondReplies = m_connection.receive(sent);
        if (secondReplies.size() != sent) {
            return failed();
        }
        if (!checkReplies(secondReplies)) {
            return false;
        }
    }
    if (newTuples) {
        *newTuples = created;
    }
    return true;
}

} // namespace d4::passivedns
