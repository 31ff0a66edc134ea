// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>

#include "store/redissyncclient.h"
#include "workers/analyzerqueues.h"
#include "workers/rotatingfile.h"
#include "workers/workersettings.h"

namespace d4::workers {

class FileFinisher;
class WorkerTap;

/** What the session workers of one worker thread share: settings, connections and taps. */
struct WorkerContext
{
    WorkerContext(const WorkerSettings &workerSettings, QList<WorkerTap *> workerTaps,
                  FileFinisher *fileFinisher = nullptr)
        : settings(workerSettings)
        , stream(workerSettings.redis.stream, 5000)
        , metadata(workerSettings.redis.metadata, 5000)
        , queues(workerSettings.redis.metadata, workerSettings.redis.analyzer,
                 workerSettings.defaultQueueMaxSize, workerSettings.queueCacheMs)
        , taps(std::move(workerTaps))
        , finisher(fileFinisher)
    {
    }

    /**
     * Finishes a closed file (gzip and, for type 1, queueing of the .gz path): handed to the
     * finisher's thread when there is one, done here otherwise. False only when done here and it
     * failed; @p error then says why.
     */
    bool finishFile(const QString &path, const QByteArray &sensorUuid, int type, QString &error);
    /** Makes @p file wait, before opening a path, until the finisher has released that path. */
    void guardOpening(RotatingFile &file);

    WorkerSettings settings;
    store::RedisSyncClient stream;   ///< blocking reads, acknowledgements, session state
    store::RedisSyncClient metadata; ///< sensor metadata and errors
    AnalyzerQueues queues;
    QList<WorkerTap *> taps;
    FileFinisher *finisher; ///< shared by every worker thread; null: files are finished in place
};

} // namespace d4::workers
