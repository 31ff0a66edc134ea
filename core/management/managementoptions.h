// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <optional>

#include <QString>

#include "ingest/ingeststats.h"
#include "store/redisendpoint.h"

namespace d4::management {

/** How the management service reaches and watches a server. */
struct ManagementOptions
{
    store::RedisRoles roles;
    qint64 defaultQueueMaxSize = 100000000; ///< analyzer_queues_max_size of the server
    QString serverMode;                     ///< shown as the mode badge; empty = unknown
    QString saveDirectory;                  ///< where the workers save files; empty = unknown
    int refreshIntervalMs = 500;            ///< overview snapshots ("a few times a second")
    int monitoringIntervalMs = 10000;       ///< silence evaluation (d4-core's sensors_manager: 10 s)
    int notConsumedAfterMs = 60000;         ///< a queue with nothing consumed for this long is flagged
    int rateWindowMs = 2000;                ///< queue consumption rates are taken over this span
    /**
     * In-process ingest counters (embedded mode), called on the management thread: it must be
     * thread-safe (IngestServer::statistics() is: atomics). Empty when attached to a remote server.
     */
    std::function<ingest::IngestStatsSnapshot()> ingestStatistics;
};

} // namespace d4::management
