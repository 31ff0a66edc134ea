// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <QHash>

#include "analyzers/passivedns/lineparser.h"
#include "store/redisendpoint.h"
#include "workers/workertap.h"

namespace d4::passivedns {

/** What the analyzer is configured with (server.conf [Redis_PDNS] and [Passive_DNS]). */
struct AnalyzerSettings
{
    store::RedisEndpoint redis;      ///< the PDNS role
    QHash<int, qint64> expiryByType; ///< seconds; absent or 0 = never
    QByteArrayList excludes = LineParser::defaultExcludes();
    LineLayout defaultLayout;                    ///< for sensors without their own layout
    QHash<QByteArray, LineLayout> sensorLayouts; ///< sensor UUID (hex) -> layout
    qsizetype maxQueuedLines = 200000;           ///< onLines() blocks above this (back-pressure)
    qsizetype maxBatchLines = 20000;
};

/** Counters since start (monotonic; the UI derives rates from them). */
struct AnalyzerCounters
{
    qint64 lines = 0;
    qint64 records = 0;
    qint64 errorRecords = 0;
    qint64 excluded = 0;
    qint64 rejected = 0;
    std::array<qint64, size_t(RejectReason::Count_)> rejectedBy{};
    qint64 newTuples = 0;
    qint64 writeFailures = 0;
    qint64 queued = 0;
};

/**
 * The passive DNS analyzer: a WorkerTap on the type-8 worker (the sensor UUID becomes sensor_id) that
 * parses passivedns lines and stores them with PdnsWriter. onLines() only copies the lines into a
 * queue (thread-safe, quick); a thread of its own parses and writes in batches. When Redis is down the
 * batch is kept and retried every second, and onLines() blocks once maxQueuedLines are waiting, which
 * slows the worker instead of losing lines. Bad lines are counted by reason, never fatal.
 */
class PdnsAnalyzer final : public workers::WorkerTap
{
public:
    /** Where submitted lines come from: the remote queue's lines are also counted on their own. */
    enum class Source
    {
        Sensors,
        RemoteQueue
    };

    explicit PdnsAnalyzer(AnalyzerSettings settings);
    ~PdnsAnalyzer() override;
    PdnsAnalyzer(const PdnsAnalyzer &) = delete;
    PdnsAnalyzer &operator=(const PdnsAnalyzer &) = delete;

    /** Checks that the PDNS Redis answers and starts the thread. */
    bool start(QString &error);
    /** Writes what is queued (up to a few seconds) and stops the thread. */
    void stop();

    void onLines(const QByteArray &sensorUuid, const QByteArray &typeKey,
                 const QByteArrayList &lines) override;
    /**
     * Queues lines of @p sensorUuid (empty when unknown, e.g. from a remote analyzer queue), waiting
     * while maxQueuedLines are queued: for ever, or at most @p timeoutMs when that is not negative.
     * Returns a ticket for waitStored(), or 0 when nothing was queued (no lines, stopping, timeout).
     */
    quint64 submit(const QByteArray &sensorUuid, const QByteArrayList &lines, int timeoutMs = -1,
                   Source source = Source::Sensors);
    /** Waits until everything submitted so far is stored; false on timeout. */
    bool waitIdle(int timeoutMs);
    /**
     * Waits until the lines of @p ticket are in the store (true). False on timeout, and for good
     * once they were dropped (Redis still down when the analyzer stopped): a caller that keeps its
     * own copy until true (the remote queue's in-flight list) then loses nothing.
     */
    bool waitStored(quint64 ticket, int timeoutMs);

    AnalyzerCounters counters() const;
    /**
     * The part of counters() that comes from lines submitted as Source::RemoteQueue: lines, records,
     * errorRecords, excluded, rejected and rejectedBy (the other fields stay 0).
     */
    AnalyzerCounters remoteQueueCounters() const;
    /** Records per type and per name since start (the name table is bounded; for the UI). */
    QHash<int, qint64> typeCounts() const;
    QList<QPair<QByteArray, qint64>> topNames(int count) const;
    const AnalyzerSettings &settings() const noexcept { return m_settings; }

private:
    struct Chunk
    {
        QByteArray sensor;
        QByteArrayList lines;
        quint64 ticket = 0;
        Source source = Source::Sensors;
    };
    void run();
    const LineParser &parserFor(const QByteArray &sensor);

    AnalyzerSettings m_settings;
    LineParser m_defaultParser;
    QHash<QByteArray, LineParser> m_sensorParsers; ///< writer thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_space;
    std::condition_variable m_idle;
    std::deque<Chunk> m_queue;
    qsizetype m_queuedLines = 0;
    bool m_busy = false;
    bool m_stopping = false;
    quint64 m_lastTicket = 0;   ///< tickets are given in queue order
    quint64 m_storedTicket = 0; ///< every ticket up to this one is stored, except dropped ones
    quint64 m_firstDropped = 0; ///< lowest ticket dropped at shutdown (0 = none)
    std::condition_variable m_stored;
    std::thread m_thread;

    AnalyzerCounters m_counters;       ///< under m_mutex
    AnalyzerCounters m_remoteCounters; ///< under m_mutex: the Source::RemoteQueue part
    QHash<int, qint64> m_typeCounts;
    QHash<QByteArray, qint64> m_nameCounts;
};

} // namespace d4::passivedns
