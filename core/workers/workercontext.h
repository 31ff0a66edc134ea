// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>

#include "store/redissyncclient.h"
#include "workers/analyzerqueues.h"
#include "workers/workersettings.h"

namespace d4::workers {

class WorkerTap;

/** What the session workers of one worker thread share: settings, connections and taps. */
struct WorkerContext
{
    explicit WorkerContext(const WorkerSettings &workerSettings, QList<WorkerTap *> workerTaps)
        : settings(workerSettings)
        , stream(workerSettings.redis.stream, 5000)
        , metadata(workerSettings.redis.metadata, 5000)
        , queues(workerSettings.redis.metadata, workerSettings.redis.analyzer,
                 workerSettings.defaultQueueMaxSize, workerSettings.queueCacheMs)
        , taps(std::move(workerTaps))
    {
    }

    WorkerSettings settings;
    store::RedisSyncClient stream;   ///< blocking reads, acknowledgements, session state
    store::RedisSyncClient metadata; ///< sensor metadata and errors
    AnalyzerQueues queues;
    QList<WorkerTap *> taps;
};

} // namespace d4::workers
