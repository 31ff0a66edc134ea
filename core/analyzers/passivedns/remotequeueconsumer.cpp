// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/remotequeueconsumer.h"

#include <algorithm>
#include <chrono>

#include <QLoggingCategory>

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

/** Moves up to ARGV[1] items from the right of KEYS[1] to the left of KEYS[2]; returns them oldest first. */
const QByteArray kMoveScript = QByteArrayLiteral("local moved = {}\n"
                                                 "for i = 1, tonumber(ARGV[1]) do\n"
                                                 "  local line = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])\n"
                                                 "  if not line then break end\n"
                                                 "  moved[#moved + 1] = line\n"
                                                 "end\n"
                                                 "return moved\n");

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
    std::lock_guard lock(m_mutex);
    return m_counters;
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

bool RemoteQueueConsumer::take(QByteArrayList &lines, bool &recovery)
{
    const QByteArray source = queueKey();
    const QByteArray inflight = inflightKey();
    recovery = m_needRecovery;
    if (m_needRecovery) {
        // Moved by RPOPLPUSH (to the left), so the oldest line is the last element.
        const store::RedisValue left = m_redis.command({"LRANGE", inflight, "0", "-1"});
        if (left.kind != store::RedisValue::Kind::Array) {
            failed(
                QStringLiteral("reading %1: %2").arg(QString::fromLatin1(inflight), describe(left, m_redis)));
            return false;
        }
        appendStrings(lines, left);
        std::reverse(lines.begin(), lines.end());
        m_needRecovery = false;
        if (!lines.isEmpty()) {
            return true;
        }
        recovery = false;
    }
    const QByteArray batch = QByteArray::number(std::max(1, m_settings.batchSize));
    store::RedisValue moved = m_redis.command({"EVAL", kMoveScript, "2", source, inflight, batch});
    if (moved.kind != store::RedisValue::Kind::Array) {
        failed(QStringLiteral("taking lines from %1: %2")
                   .arg(QString::fromLatin1(source), describe(moved, m_redis)));
        return false;
    }
    appendStrings(lines, moved);
    if (!lines.isEmpty()) {
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
    lines.append(first.string);
    // A line has arrived: more probably follow it, take them in the same batch.
    moved = m_redis.command({"EVAL", kMoveScript, "2", source, inflight, batch});
    if (moved.kind == store::RedisValue::Kind::Array) {
        appendStrings(lines, moved);
    } // else the next acknowledgement or take reports the failure; what was moved is in flight
    return true;
}

bool RemoteQueueConsumer::acknowledge()
{
    const store::RedisValue done = m_redis.command({"DEL", inflightKey()});
    if (done.isError()) {
        failed(QStringLiteral("acknowledging %1: %2")
                   .arg(QString::fromLatin1(inflightKey()), QString::fromUtf8(done.string)));
        return false;
    }
    return true;
}

void RemoteQueueConsumer::run()
{
    while (!stopping()) {
        QByteArrayList lines;
        bool recovery = false;
        if (!take(lines, recovery)) {
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
        if (lines.isEmpty()) {
            continue;
        }
        if (recovery) {
            qCInfo(lcPdnsRemote).noquote() << "passive DNS remote queue" << m_settings.queueUuid << ":"
                                           << lines.size() << "lines taken before were not stored yet";
        }
        const quint64 ticket = m_analyzer.submit(m_settings.sensorId, lines);
        if (ticket == 0) {
            return; // the analyzer is stopping: the lines stay in the in-flight list
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
        if (!stored) {
            qCInfo(lcPdnsRemote).noquote()
                << "passive DNS remote queue" << m_settings.queueUuid << ":" << lines.size()
                << "lines left in" << inflightKey() << "for the next start";
            return;
        }
        if (!acknowledge()) {
            continue; // recovery after reconnection stores them again (at least once)
        }
        std::lock_guard lock(m_mutex);
        m_counters.lines += lines.size();
        m_counters.batches += 1;
        if (recovery) {
            m_counters.recovered += lines.size();
        }
    }
}

} // namespace d4::passivedns
