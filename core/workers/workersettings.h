// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

#include "store/redisendpoint.h"

namespace d4::workers {

/** What the stream workers need from the configuration (spec §4, docs/workers.md). */
struct WorkerSettings
{
    store::RedisRoles redis;
    QString saveDirectory;                  ///< the data root of the saved files
    qint64 defaultQueueMaxSize = 100000000; ///< analyzer_queues_max_size
    int rotationIntervalSeconds = 300;      ///< rotation_interval
    int threads = 2;                        ///< worker threads; sessions are spread over them
    int readBatch = 512;                    ///< XREAD COUNT
    int blockMs = 100;                      ///< XREAD BLOCK; also bounds the stop latency
    int discoveryIntervalMs = 200;          ///< how often session_uuid:<type> is read
    int queueCacheMs = 1000;                ///< how long queue definitions are cached
    int unconsumedPollMs = 5000;            ///< how often accepted types without a worker are checked
};

} // namespace d4::workers
