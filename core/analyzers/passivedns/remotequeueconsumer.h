// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include "analyzers/passivedns/lineparser.h"
#include "store/redisendpoint.h"
#include "store/redissyncclient.h"

namespace d4::passivedns {

class PdnsAnalyzer;

/** Which remote analyzer queue to consume (server.conf [Passive_DNS_Queue]). */
struct RemoteQueueSettings
{
    store::RedisEndpoint redis; ///< the remote D4 server's ANALYZER Redis (d4-core: port 6380, db 2)
    QByteArray queueUuid;       ///< as created in the D4 server ("Add New Analyzer Queue", type 8)
    QByteArray sensorId;        ///< recorded as sensor_id of every line; empty = none
    int batchSize = 1000;       ///< lines moved per round trip
};

/**
 * A snapshot of the consumer's state (RemoteQueueConsumer::counters(), any thread): counters since
 * the consumer was made (monotonic), for the log, the DNS page and tests.
 */
struct RemoteQueueCounters
{
    qint64 lines = 0;           ///< lines taken from the queue and stored
    qint64 recovered = 0;       ///< of which found in the in-flight list at (re)connection
    qint64 alreadyStored = 0;   ///< lines found in flight that were stored before: not stored again
    qint64 batches = 0;         ///< batches stored and acknowledged
    qint64 connectFailures = 0; ///< failed commands or connections to the remote Redis
    qint64 reconnects = 0;      ///< successful connections after a failure
    /// Lines taken and not yet acknowledged, as last known: in the remote in-flight list.
    qint64 inFlight = 0;
    /// Of the lines handed to the analyzer, as it counted them (PdnsAnalyzer::remoteQueueCounters()):
    /// not stored because malformed (by reason), or skipped by the exclude list.
    qint64 rejected = 0;
    std::array<qint64, size_t(RejectReason::Count_)> rejectedBy{};
    qint64 excluded = 0;
    bool running = false; ///< between start() and stop()
    bool connected = false;
    QString lastError;       ///< the last failure's message (kept once connected again)
    QDateTime lastErrorTime; ///< UTC; null when there was none
};

/**
 * Consumes a remote D4 server's type-8 analyzer queue `analyzer:8:<queue uuid>` the way
 * analyzer-d4-passivedns does (oldest line first, from the right), into the passive DNS analyzer.
 *
 * Nothing taken is lost when we stop, crash or the remote goes away: lines are moved atomically
 * (RPOPLPUSH in a Lua batch of batchSize) to the in-flight list `pdns:inflight:<queue uuid>` on the
 * remote, handed to the analyzer, and the in-flight list is deleted only once the analyzer says they
 * are stored (PdnsAnalyzer::waitStored). After every (re)connection the in-flight list is stored
 * first.
 *
 * Nor is a batch stored twice when only the acknowledgement is lost (the remote went away while the
 * batch was being stored): the script that moves a batch also gives it a random id
 * (`pdns:inflight:<queue uuid>:batch` on the remote), and once the batch is stored its id is written
 * to our store (`pdns:remote:stored:<queue uuid>`) before the acknowledgement; an in-flight list
 * whose id is that one is acknowledged without being stored again. A batch is stored twice only if
 * we die, or our store fails, between storing it and writing its id (at least once).
 * One consumer per queue (a second one would take the other's in-flight list for its own).
 *
 * No polling: when the queue is empty it blocks on BRPOPLPUSH (2 s), and stop() interrupts that
 * block at once. Failures are logged once per distinct error, counted, and retried with a back-off
 * from 250 ms doubling to 5 s. Own thread.
 */
class RemoteQueueConsumer final
{
public:
    RemoteQueueConsumer(RemoteQueueSettings settings, PdnsAnalyzer &analyzer);
    ~RemoteQueueConsumer();
    RemoteQueueConsumer(const RemoteQueueConsumer &) = delete;
    RemoteQueueConsumer &operator=(const RemoteQueueConsumer &) = delete;

    void start();
    /**
     * Stops the thread. A batch being stored gets up to @p graceMs to finish and be acknowledged;
     * otherwise it stays in the in-flight list for the next start.
     */
    void stop(int graceMs = 5000);

    /** A consistent snapshot; takes two short locks, never waits on Redis (the GUI thread calls it). */
    RemoteQueueCounters counters() const;
    QByteArray queueKey() const;
    QByteArray inflightKey() const;
    const RemoteQueueSettings &settings() const noexcept { return m_settings; }

private:
    struct Batch
    {
        QByteArrayList lines;
        QByteArray id;
        bool recovered = false;
    };
    void run();
    /** Takes the next lines: the in-flight list after a (re)connection, else a batch, else blocks. */
    bool take(Batch &batch);
    bool recover(Batch &batch);
    /** Hands @p batch to the analyzer and waits until it is stored; false when stopping first. */
    bool store(const Batch &batch);
    bool acknowledge();
    void failed(const QString &problem);
    void setInFlight(qint64 lines);
    /** Waits @p ms unless stop() is called first; false when stopping. */
    bool pause(int ms);
    bool stopping() const;

    RemoteQueueSettings m_settings;
    PdnsAnalyzer &m_analyzer;
    store::RedisSyncClient m_redis; ///< the consumer thread's, except interrupt() from stop()
    store::RedisSyncClient m_store; ///< our passive DNS store: the id of the last batch stored
    std::thread m_thread;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_blocking = false; ///< in BRPOPLPUSH: stop() interrupts the connection
    int m_graceMs = 5000;
    bool m_needRecovery = true;
    int m_failures = 0; ///< consecutive, for the back-off and the reconnect message
    QString m_lastLogged;
    RemoteQueueCounters m_counters; ///< under m_mutex
};

} // namespace d4::passivedns
