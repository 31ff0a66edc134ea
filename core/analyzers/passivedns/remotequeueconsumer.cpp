// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/remotequeueconsumer.h"

#include <algorithm>
#include <chrono>

#include <QLoggingCategory>
#include <QUuid>

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnskeys.h"
#include "store/keyschema.h"

Q_LOGGING_CATEGORY(lcPdnsRemote, "d4.pdns.remote")

namespace d4::passivedns {

namespace {

constexpr int kBlockSeconds = 2;  ///< BRPOPLPUSH timeout when the queue is empty
constexpr int kTimeoutMs = 10000; ///< socket timeout: well above the block
constexpr int kFirstBackOffMs = 250;
constexpr int kMaxBackOffMs = 5000;
constexpr int kStoreCheckMs = 250; ///< how often a wait for the store looks at the stop flag

/**
 * Moves up to ARGV[1] lines from the right of KEYS[1] to the left of KEYS[2] and, when the in-flight
 * list KEYS[2] is not empty, names it ARGV[2] in KEYS[3]. Returns the lines moved, oldest first.
 */
const QByteArray kMoveScript = QByteArrayLiteral("local moved = {}\n"
                                                 "for i = 1, tonumber(ARGV[1]) do\n"
                                                 "  local line = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])\n"
                                                 "  if not line then break end\n"
                                                 "  moved[#moved + 1] = line\n"
                                                 "end\n"
                                                 "if redis.call('LLEN', KEYS[2]) > 0 then\n"
                                                 "  redis.call('SET', KEYS[3], ARGV[2])\n"
                                                 "end\n"
                                                 "return moved\n");

QByteArray newBatchId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString describe(const store::RedisValue &reply, const store::RedisSyncClient &redis)
{
    return reply.isError() ? QString::fromUtf8(reply.string) : redis.errorString();
}

void appendStrings(QByteArrayList &out, const store::RedisValue &array)
{
    for (const store::RedisValue &element : array.elements) {
        out.append(element.string);
    }
}

} // namespace

RemoteQueueConsumer::RemoteQueueConsumer(RemoteQueueSettings settings, PdnsAnalyzer &analyzer)
    : m_settings(std::move(settings))
    , m_analyzer(analyzer)
    , m_redis(m_settings.redis, kTimeoutMs)
    , m_store(analyzer.settings().redis, kTimeoutMs)
{
}

RemoteQueueConsumer::~RemoteQueueConsumer()
{
    stop();
}

QByteArray RemoteQueueConsumer::queueKey() const
{
    return store::keys::analyzerList("8", m_settings.queueUuid);
}

QByteArray RemoteQueueConsumer::inflightKey() const
{
    return keys::remoteInFlight(m_settings.queueUuid);
}

void RemoteQueueConsumer::start()
{
    if (m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_needRecovery = true;
        m_counters.running = true;
    }
    qCInfo(lcPdnsRemote).noquote() << "passive DNS: consuming" << queueKey() << "at"
                                   << m_settings.redis.describe();
    m_thread = std::thread([this] { run(); });
}

void RemoteQueueConsumer::stop(int graceMs)
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_counters.running = false;
        m_graceMs = graceMs;
        if (m_blocking) {
            m_redis.interrupt();
        }
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

RemoteQueueCounters RemoteQueueConsumer::counters() const
{
    RemoteQueueCounters counters;
    {
        std::lock_guard lock(m_mutex);
        counters = m_counters;
    }
    const AnalyzerCounters analyzed = m_analyzer.remoteQueueCounters();
    counters.rejected = analyzed.rejected;
    counters.rejectedBy = analyzed.rejectedBy;
    counters.excluded = analyzed.excluded;
    return counters;
}

void RemoteQueueConsumer::setInFlight(qint64 lines)
{
    std::lock_guard lock(m_mutex);
    m_counters.inFlight = lines;
}

bool RemoteQueueConsumer::stopping() const
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

bool RemoteQueueConsumer::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping; });
}

void RemoteQueueConsumer::failed(const QString &problem)
{
    m_needRecovery = true; // whatever was moved but not acknowledged is in the in-flight list
    {
        std::lock_guard lock(m_mutex);
        m_counters.connected = false;
        if (m_stopping) {
            return; // the block interrupted by stop(), or a failure while stopping: not a fault
        }
        ++m_counters.connectFailures;
        m_counters.lastError = problem;
        m_counters.lastErrorTime = QDateTime::currentDateTimeUtc();
    }
    if (problem != m_lastLogged) {
        qCWarning(lcPdnsRemote).noquote() << "passive DNS remote queue" << m_settings.queueUuid << ":"
                                          << problem << "- retrying with back-off";
        m_lastLogged = problem;
    }
    const int delay = std::min(kMaxBackOffMs, kFirstBackOffMs << std::min(m_failures, 5));
    ++m_failures;
    pause(delay);
}

bool RemoteQueueConsumer::recover(Batch &batch)
{
    const QByteArray inflight = inflightKey();
    const QByteArray idKey = keys::remoteInFlightBatch(m_settings.queueUuid);
    // Moved by RPOPLPUSH (to the left), so the oldest line is the last element.
    const store::RedisValue left = m_redis.command({"LRANGE", inflight, "0", "-1"});
    const store::RedisValue id = m_redis.command({"GET", idKey});
    if (left.kind != store::RedisValue::Kind::Array || id.isError()) {
        failed(QStringLiteral("reading %1: %2")
                   .arg(QString::fromLatin1(inflight), describe(left.isError() ? left : id, m_redis)));
        return false;
    }
    m_needRecovery = false;
    setInFlight(left.elements.size());
    if (left.elements.isEmpty()) {
        return true;
    }
    const store::RedisValue stored = m_store.command({"GET", keys::remoteStoredBatch(m_settings.queueUuid)});
    if (!id.string.isEmpty() && stored.kind == store::RedisValue::Kind::String &&
        stored.string == id.string) {
        qCInfo(lcPdnsRemote).noquote()
            << "passive DNS remote queue" << m_settings.queueUuid << ":" << left.elements.size()
            << "lines in flight were stored before the connection broke";
        if (!acknowledge()) {
            return false;
        }
        std::lock_guard lock(m_mutex);
        m_counters.alreadyStored += left.elements.size();
        return true;
    }
    // Not known as stored (or our store cannot say): store them, under an id of their own.
    batch.id = newBatchId();
    const store::RedisValue named = m_redis.command({"SET", idKey, batch.id});
    if (named.isError()) {
        failed(QStringLiteral("naming %1: %2").arg(QString::fromLatin1(inflight), describe(named, m_redis)));
        return false;
    }
    appendStrings(batch.lines, left);
    std::reverse(batch.lines.begin(), batch.lines.end());
    batch.recovered = true;
    qCInfo(lcPdnsRemote).noquote() << "passive DNS remote queue" << m_settings.queueUuid << ":"
                                   << batch.lines.size() << "lines taken before were not stored yet";
    return true;
}

bool RemoteQueueConsumer::take(Batch &batch)
{
    if (m_needRecovery) {
        if (!recover(batch)) {
            return false;
        }
        if (!batch.lines.isEmpty()) {
            return true;
        }
    }
    const QByteArray source = queueKey();
    const QByteArray inflight = inflightKey();
    const QByteArray idKey = keys::remoteInFlightBatch(m_settings.queueUuid);
    const QByteArray count = QByteArray::number(std::max(1, m_settings.batchSize));
    batch.id = newBatchId();
    store::RedisValue moved =
        m_redis.command({"EVAL", kMoveScript, "3", source, inflight, idKey, count, batch.id});
    if (moved.kind != store::RedisValue::Kind::Array) {
        failed(QStringLiteral("taking lines from %1: %2")
                   .arg(QString::fromLatin1(source), describe(moved, m_redis)));
        return false;
    }
    appendStrings(batch.lines, moved);
    if (!batch.lines.isEmpty()) {
        return true;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return false;
        }
        m_blocking = true;
    }
    const store::RedisValue first =
        m_redis.command({"BRPOPLPUSH", source, inflight, QByteArray::number(kBlockSeconds)});
    {
        std::lock_guard lock(m_mutex);
        m_blocking = false;
    }
    if (first.kind == store::RedisValue::Kind::Nil) {
        return true; // nothing within the block time: look at the stop flag and block again
    }
    if (first.kind != store::RedisValue::Kind::String) {
        failed(
            QStringLiteral("waiting on %1: %2").arg(QString::fromLatin1(source), describe(first, m_redis)));
        return false;
    }
    // A line has arrived and more probably follow it: take them too, and name the batch.
    setInFlight(1);
    moved = m_redis.command({"EVAL", kMoveScript, "3", source, inflight, idKey, count, batch.id});
    if (moved.kind != store::RedisValue::Kind::Array) {
        failed(QStringLiteral("taking lines from %1: %2")
                   .arg(QString::fromLatin1(source), describe(moved, m_redis)));
        return false; // the line is in flight: the recovery stores it
    }
    batch.lines.append(first.string);
    appendStrings(batch.lines, moved);
    return true;
}

bool RemoteQueueConsumer::store(const Batch &batch)
{
    // The analyzer's queue may be full (store down, sensors' lines waiting): never block stop().
    quint64 ticket = 0;
    while (ticket == 0 && !stopping()) {
        ticket = m_analyzer.submit(m_settings.sensorId, batch.lines, kStoreCheckMs,
                                   PdnsAnalyzer::Source::RemoteQueue);
    }
    if (ticket == 0) {
        return false;
    }
    bool stored = false;
    while (!(stored = m_analyzer.waitStored(ticket, kStoreCheckMs)) && !stopping()) {
    }
    if (!stored) {
        int grace = 0;
        {
            std::lock_guard lock(m_mutex);
            grace = m_graceMs;
        }
        stored = m_analyzer.waitStored(ticket, grace);
    }
    return stored;
}

bool RemoteQueueConsumer::acknowledge()
{
    const store::RedisValue done =
        m_redis.command({"DEL", inflightKey(), keys::remoteInFlightBatch(m_settings.queueUuid)});
    if (done.isError()) {
        failed(QStringLiteral("acknowledging %1: %2")
                   .arg(QString::fromLatin1(inflightKey()), QString::fromUtf8(done.string)));
        return false;
    }
    setInFlight(0);
    return true;
}

void RemoteQueueConsumer::run()
{
    while (!stopping()) {
        Batch batch;
        if (!take(batch)) {
            continue;
        }
        if (m_failures > 0) {
            qCInfo(lcPdnsRemote).noquote() << "passive DNS remote queue" << m_settings.queueUuid
                                           << ": connected again to" << m_settings.redis.describe();
            std::lock_guard lock(m_mutex);
            ++m_counters.reconnects;
        }
        m_failures = 0;
        m_lastLogged.clear();
        {
            std::lock_guard lock(m_mutex);
            m_counters.connected = true;
        }
        if (batch.lines.isEmpty()) {
            continue;
        }
        setInFlight(batch.lines.size());
        if (!store(batch)) {
            qCInfo(lcPdnsRemote).noquote()
                << "passive DNS remote queue" << m_settings.queueUuid << ":" << batch.lines.size()
                << "lines left in" << inflightKey() << "for the next start";
            return;
        }
        // Recorded before the acknowledgement: if that is lost, the recovery knows the batch is stored.
        const store::RedisValue marked =
            m_store.command({"SET", keys::remoteStoredBatch(m_settings.queueUuid), batch.id});
        if (marked.isError()) {
            qCWarning(lcPdnsRemote).noquote()
                << "passive DNS remote queue" << m_settings.queueUuid << ":"
                << "cannot record the batch stored:" << QString::fromUtf8(marked.string);
        }
        {
            std::lock_guard lock(m_mutex);
            m_counters.lines += batch.lines.size();
            m_counters.batches += 1;
            if (batch.recovered) {
                m_counters.recovered += batch.lines.size();
            }
        }
        acknowledge(); // on failure the recovery after reconnection finds the batch stored
    }
}

} // namespace d4::passivedns
