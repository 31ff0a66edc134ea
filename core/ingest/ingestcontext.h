// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

class ActiveConnectionRegistry;
class DailyStatsAggregator;
class IngestSession;
class IngestStats;
class LogRate;
class SharedTlsContext;
struct IngestSettings;

/** What an ingest thread shares with its sessions. Every pointer outlives the sessions. */
struct IngestContext
{
    store::RedisClient *stream = nullptr;
    store::RedisClient *metadata = nullptr;
    const IngestSettings *settings = nullptr;
    IngestStats *stats = nullptr;
    ActiveConnectionRegistry *registry = nullptr;
    DailyStatsAggregator *aggregator = nullptr;
    LogRate *logRate = nullptr; ///< shared by all threads: rejection log lines per reason and second
    SharedTlsContext *tlsContext = nullptr; ///< the thread's TLS context, shared by its sessions (required)
    /**
     * Asked before each read: true means Redis is behind, the session must stop reading; the
     * thread calls IngestSession::resume() once Redis has caught up.
     */
    std::function<bool(IngestSession *)> pauseForBackPressure;
};

} // namespace d4::ingest
