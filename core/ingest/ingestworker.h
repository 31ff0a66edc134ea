// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <deque>
#include <memory>
#include <set>

#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include "ingest/dailystatsaggregator.h"
#include "ingest/ingestsettings.h"
#include "ingest/sharedtlscontext.h"

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

class ActiveConnectionRegistry;
class IngestSession;
class IngestStats;
class LogRate;

/**
 * One ingest thread's work: its sessions, its two pipelined Redis connections (STREAM and
 * METADATA), its statistics aggregator and back-pressure. Lives on its own QThread; every public
 * slot is invoked from the listener thread through queued calls.
 */
class IngestWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestWorker)

public:
    IngestWorker(IngestSettings settings, QSslConfiguration tls, IngestStats &stats,
                 ActiveConnectionRegistry &registry, LogRate &logRate);
    ~IngestWorker() override;

    /** Connects to Redis and starts the timers; call on the worker's thread. */
    void initialise();
    /** Takes a freshly accepted connection. */
    void adopt(qintptr descriptor);
    /** Closes every session of @p uuid (32 hex). */
    void kickSensor(const QByteArray &uuid);
    /**
     * Starts the shutdown drain: the sessions go on reading and storing until their sensors close
     * them, except those idle for settings.drainIdleCloseMs, which are closed now or as soon as
     * they become idle. Adds to @p idleClosed the sessions closed now and returns how many are
     * still open.
     */
    int beginDrain(int &idleClosed);
    /** Closes all sessions and flushes pending statistics; call before the thread stops. */
    void shutdown();

    /** Commands not yet acknowledged by Redis (written data included). */
    qsizetype pendingRedisCommands() const;
    int sessionCount() const { return static_cast<int>(m_sessions.size()); }
    /** The sessions still open; safe to call from any thread (the listener polls it while draining). */
    int openSessionCount() const noexcept { return m_openSessions.load(std::memory_order_relaxed); }

private:
    bool pauseIfBehind(IngestSession *session);
    void resumePaused();
    void onTick();
    void onSessionFinished(IngestSession *session);
    int closeIdleSessions();

    IngestSettings m_settings;
    QSslConfiguration m_tls;
    SharedTlsContext m_tlsContext;
    IngestStats &m_stats;
    ActiveConnectionRegistry &m_registry;
    LogRate &m_logRate;
    std::unique_ptr<store::RedisClient> m_stream;
    std::unique_ptr<store::RedisClient> m_metadata;
    DailyStatsAggregator m_aggregator;
    std::set<IngestSession *> m_sessions;
    std::deque<IngestSession *> m_paused; ///< in the order they were paused: resumed first-in, first-out
    QTimer m_tick;
    qint64 m_ticks = 0;
    QTimer m_drainTimer; ///< while draining: closes the sessions that went idle
    std::atomic<int> m_openSessions{0};
};

} // namespace d4::ingest
