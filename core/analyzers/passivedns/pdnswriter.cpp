// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnswriter.h"

#include <QStringBuilder>

#include "analyzers/passivedns/pdnskeys.h"

namespace d4::passivedns {

namespace {

constexpr qsizetype kTuplesPerCall = 500;
constexpr qsizetype kArgsPerTuple = 10;

struct Aggregate
{
    const PdnsRecord *record = nullptr;
    qint64 first = 0;
    qint64 last = 0;
    qint64 count = 0;
};

} // namespace

QByteArray PdnsWriter::script()
{
    // ARGV: processed, rejected, excluded, then per tuple: kind ('R' record, 'E' error), key name,
    // reversed name, rdata (RCODE for 'E'), type, first, last, count, sensor, expiry seconds.
    // Keys as in pdnskeys.h. Merged values "count first last" for per-sensor and error hashes.
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
local new = 0
if ARGV[1] ~= '0' then redis.call('INCRBY', 'stats:processed', ARGV[1]) end
if ARGV[2] ~= '0' then redis.call('INCRBY', 'pdns:stats:rejected', ARGV[2]) end
if ARGV[3] ~= '0' then redis.call('INCRBY', 'pdns:stats:excluded', ARGV[3]) end
local i = 4
while i + 9 <= #ARGV do
  local kind, q, rq, v, t = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local f, l, c = tonumber(ARGV[i + 5]), tonumber(ARGV[i + 6]), tonumber(ARGV[i + 7])
  local s, e = ARGV[i + 8], tonumber(ARGV[i + 9])
  if kind == 'E' then
    merge('pdns:err:' .. q, v, c, f, l)
    redis.call('INCRBY', 'pdns:stats:errors', c)
  else
    local suffix = q .. ':' .. v .. ':' .. t
    local sk = 's:' .. suffix
    local cur = redis.call('GET', sk)
    if not cur then
      new = new + 1
      redis.call('SET', sk, f)
      redis.call('SADD', 'r:' .. q .. ':' .. t, v)
      redis.call('SADD', 'v:' .. v .. ':' .. t, q)
      redis.call('ZADD', 'pdns:names', 0, rq)
      redis.call('SADD', 'pdns:types', t)
    elseif tonumber(cur) > f then
      redis.call('SET', sk, f)
    end
    local lk = 'l:' .. suffix
    cur = redis.call('GET', lk)
    if (not cur) or tonumber(cur) < l then redis.call('SET', lk, l) end
    redis.call('INCRBY', 'o:' .. suffix, c)
    redis.call('HINCRBY', 'dist:type', t, c)
    local hk = 'pdns:sensor:' .. suffix
    if s ~= '' then
      merge(hk, s, c, f, l)
    end
    if e > 0 then
      for _, k in ipairs({sk, lk, 'o:' .. suffix, 'r:' .. q .. ':' .. t, 'v:' .. v .. ':' .. t, hk}) do
        redis.call('EXPIRE', k, e)
      end
    end
  end
  i = i + 10
end
if new > 0 then redis.call('INCRBY', 'pdns:stats:tuples', new) end
return new
)LUA");
}

PdnsWriter::PdnsWriter(store::RedisEndpoint endpoint, QHash<int, qint64> expiryByType)
    : m_connection(std::move(endpoint))
    , m_expiry(std::move(expiryByType))
{
}

bool PdnsWriter::loadScript()
{
    const store::RedisValue reply = m_connection.command({"SCRIPT", "LOAD", script()});
    if (reply.kind != store::RedisValue::Kind::String) {
        m_error = QStringLiteral("SCRIPT LOAD failed: %1").arg(QString::fromUtf8(reply.string));
        return false;
    }
    m_sha = reply.string;
    return true;
}

bool PdnsWriter::write(const QList<PdnsRecord> &records, Counters counters, qint64 *newTuples)
{
    // Aggregate per (kind, name, type, rdata, sensor).
    QHash<QByteArray, Aggregate> merged;
    QList<QByteArray> order;
    merged.reserve(records.size());
    qint64 processed = 0;
    for (const PdnsRecord &record : records) {
        ++processed;
        QByteArray key = (record.error ? "E" : "R") % QByteArray::number(record.rrtype) % '\x1f' %
                         record.rrname % '\x1f' % record.rdata % '\x1f' % record.sensorId;
        auto it = merged.find(key);
        if (it == merged.end()) {
            merged.insert(key, Aggregate{&record, record.seconds, record.seconds, record.count});
            order.append(std::move(key));
        } else {
            it->first = std::min(it->first, record.seconds);
            it->last = std::max(it->last, record.seconds);
            it->count += record.count;
        }
    }
    QList<QByteArrayList> calls;
    auto startCall = [&](bool firstCall) {
        QByteArrayList call{"EVALSHA", m_sha, "0"};
        call << QByteArray::number(firstCall ? processed : 0)
             << QByteArray::number(firstCall ? counters.rejected : 0)
             << QByteArray::number(firstCall ? counters.excluded : 0);
        return call;
    };
    QByteArrayList call = startCall(true);
    qsizetype inCall = 0;
    for (const QByteArray &key : std::as_const(order)) {
        const Aggregate &aggregate = merged[key];
        const PdnsRecord &record = *aggregate.record;
        call << QByteArray(record.error ? "E" : "R") << keys::keyName(record.rrname)
             << keys::reversedName(record.rrname) << record.rdata << QByteArray::number(record.rrtype)
             << QByteArray::number(aggregate.first) << QByteArray::number(aggregate.last)
             << QByteArray::number(aggregate.count) << record.sensorId
             << QByteArray::number(m_expiry.value(record.rrtype, 0));
        if (++inCall == kTuplesPerCall) {
            calls.append(call);
            call = startCall(false);
            inCall = 0;
        }
    }
    if (inCall > 0 || calls.isEmpty()) {
        calls.append(call);
    }
    const qsizetype scriptCalls = calls.size();
    // Per-sensor totals for /info, once per sensor and batch rather than once per tuple.
    QHash<QByteArray, qint64> perSensor;
    for (const PdnsRecord &record : records) {
        if (!record.sensorId.isEmpty() && !record.error) {
            perSensor[record.sensorId] += record.count;
        }
    }
    for (auto it = perSensor.cbegin(); it != perSensor.cend(); ++it) {
        calls.append({"ZINCRBY", keys::sensorCounts(), QByteArray::number(it.value()), it.key()});
        calls.append({"SADD", keys::sensorsSeen(), it.key()});
    }
    static_assert(kArgsPerTuple == 10);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_sha.isEmpty() && !loadScript()) {
            return false;
        }
        for (qsizetype c = 0; c < scriptCalls; ++c) {
            calls[c][1] = m_sha;
        }
        const QList<store::RedisValue> replies = m_connection.run(calls);
        if (replies.isEmpty()) {
            m_error = m_connection.errorString();
            m_sha.clear();
            return false;
        }
        qint64 created = 0;
        bool noScript = false;
        for (qsizetype r = 0; r < scriptCalls; ++r) {
            const store::RedisValue &reply = replies[r];
            if (reply.isError()) {
                if (reply.string.startsWith("NOSCRIPT")) {
                    noScript = true;
                    continue;
                }
                m_error =
                    QStringLiteral("passive DNS script failed: %1").arg(QString::fromUtf8(reply.string));
                return false;
            }
            created += reply.integer;
        }
        if (noScript) {
            calls.resize(scriptCalls); // the sensor totals were applied already
            m_sha.clear();
            continue;
        }
        if (newTuples) {
            *newTuples = created;
        }
        return true;
    }
    m_error = QStringLiteral("the passive DNS script could not be loaded");
    return false;
}

} // namespace d4::passivedns
