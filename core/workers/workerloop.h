// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <memory>

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include "workers/sessionworker.h"
#include "workers/workersettings.h"

namespace d4::workers {

struct WorkerContext;
class FileFinisher;
class WorkerTap;

/**
 * One worker thread's event-loop-driven reader (spec §4.1 without processes and without 10-second
 * polling). Every discovery interval it reads `session_uuid:<type>` for the types with a worker and
 * takes the sessions that hash to it (SADD `working_session_uuid:<type>`), and it finishes the
 * sessions that are in `ended_session` with a drained stream. In between it reads all its
 * sessions' streams in one blocking `XREAD COUNT <batch> BLOCK <ms>`, hands each batch to its
 * SessionWorker and acknowledges it (MULTI, XDEL, state, EXEC). Between two reads the thread's
 * event loop runs, so a queued shutdown() is served within one block interval.
 *
 * Thread affinity: moved to its thread before start(); all methods run there.
 */
class WorkerLoop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerLoop)

public:
    /** @p finisher (shared, may be null) gzips and queues the files the sessions close. */
    WorkerLoop(const WorkerSettings &settings, int index, int count, QList<WorkerTap *> taps,
               FileFinisher *finisher = nullptr);
    ~WorkerLoop() override;

    /** Starts the read loop (queue it to the loop's thread). */
    void start();
    /** Stops reading and suspends every session (closing and compressing files). */
    void shutdown();

    /** The types that have a session worker, in discovery order. */
    static QList<int> handledTypes();

Q_SIGNALS:
    void sessionStarted(int type, const QByteArray &session);
    void sessionFinished(int type, const QByteArray &session);

private:
    struct Slot
    {
        std::unique_ptr<SessionWorker> worker;
        QByteArray stream; ///< the stream last read
        QByteArray lastId = "0-0";
        bool idle = true;
    };

    void tick();
    void discover();
    void finishEnded();
    void read();
    void process(const QByteArray &slotKey, Slot &slot, const QList<StreamEntry> &entries);
    bool acknowledge(const QByteArray &stream, const QList<StreamEntry> &entries,
                     const SessionWorker &worker);
    std::unique_ptr<SessionWorker> createWorker(int type, const QByteArray &session);
    void drop(const QByteArray &slotKey, bool cleanUp);

    static constexpr qint64 kRetryWarningIntervalMs = 10000;
    struct RetryWarning
    {
        QElapsedTimer sinceLog;
        qint64 unlogged = 0; ///< failures since the last warning, this one included
    };

    std::unique_ptr<WorkerContext> m_context;
    std::map<QByteArray, RetryWarning> m_retryWarnings; ///< by slot key, while a session keeps failing
    const int m_index;
    const int m_count;
    std::map<QByteArray, Slot> m_sessions; ///< by "<type>:<session>"
    QElapsedTimer m_sinceDiscovery;
    qsizetype m_entrySizeEstimate = 64 * 1024; ///< bounds the bytes one XREAD may return
    bool m_running = false;
};

} // namespace d4::workers
