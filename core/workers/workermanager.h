// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QList>
#include <QObject>
#include <QString>

#include "workers/unconsumedtype.h"
#include "workers/workersettings.h"

class QThread;

namespace d4::workers {

class FileFinisher;
class UnconsumedTypes;
class WorkerLoop;
class WorkerTap;

/**
 * The stream workers of spec §4 as threads: settings.threads named QThreads, each running a
 * WorkerLoop that owns the sessions hashing to it. start() first clears `working_session_uuid:<t>`
 * for the handled types (as d4-core's managers do), so unfinished streams of a previous run are
 * resumed. The files the loops close are gzipped (and pcap ones queued) by a FileFinisher thread.
 * stop() lets every loop finish its current batch and close its files, finishes every closed
 * file, and joins the threads; sessions stay in Redis for the next start. A monitor thread watches for
 * accepted types that no worker consumes (UnconsumedTypes). Files a killed previous run left
 * uncompressed are gzipped (and pcap ones queued) by a recovery thread (LeftoverFiles).
 *
 * Thread affinity: create, start and stop on one thread (normally the main thread).
 */
class WorkerManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerManager)

public:
    explicit WorkerManager(WorkerSettings settings, QObject *parent = nullptr);
    ~WorkerManager() override;

    /** Adds an in-process consumer; only before start(). The manager does not own @p tap. */
    void addTap(WorkerTap *tap);
    /** Starts the threads. False with @p error when Redis cannot be reached. */
    bool start(QString &error);
    /** Blocks until every thread has stopped (at most about one XREAD block plus one batch). */
    void stop();
    bool isRunning() const noexcept { return !m_threads.empty(); }
    const WorkerSettings &settings() const noexcept { return m_settings; }
    /**
     * The accepted types without a worker, with their sessions and waiting entries, as of the last
     * poll (every settings().unconsumedPollMs); empty when not running. Thread-safe.
     */
    QList<UnconsumedType> unconsumedTypes() const;

Q_SIGNALS:
    /** A worker started on a session (emitted from a worker thread, delivered queued). */
    void sessionStarted(int type, const QByteArray &session);
    /** A session ended and was cleaned up, or was rejected. */
    void sessionFinished(int type, const QByteArray &session);
    /** The accepted types without a worker, or their counts, changed (delivered queued). */
    void unconsumedTypesChanged(const QList<d4::workers::UnconsumedType> &types);

private:
    void recoverLeftoverFiles();

    WorkerSettings m_settings;
    QList<WorkerTap *> m_taps;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<WorkerLoop *> m_loops; ///< deleted on their thread when it finishes
    std::unique_ptr<QThread> m_monitorThread;
    UnconsumedTypes *m_monitor = nullptr;     ///< deleted on its thread when it finishes
    std::unique_ptr<FileFinisher> m_finisher; ///< gzips and queues the files the loops close
    std::unique_ptr<QThread> m_recoveryThread;
    /** Ends the recovery thread's retries of queue pushes (Redis down) when the workers stop. */
    std::atomic<bool> m_stopRecovery{false};
};

} // namespace d4::workers
