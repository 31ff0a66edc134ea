// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <QElapsedTimer>

#include "workers/leftoverfiles.h"
#include "workers/workersettings.h"

namespace d4::workers {

/**
 * Gzips the files the workers close (rotation, end of session) on a thread of its own, and
 * pushes the .gz path of pcap files to the type-1 analyzer queues, exactly as LeftoverFiles
 * recovers a file a killed run left open (the `.queue-pending` marker included). Compressing a
 * rotation interval of traffic takes seconds to minutes; done on a worker thread it stalled that
 * thread's sessions (their streams grew in Redis meanwhile), here it runs beside them.
 *
 * Files are finished in the order they were submitted. A queue push that fails (Redis down) is
 * retried every retryMs until it succeeds or stop() is called; then the marker stays and the next
 * start queues the file. stop() finishes every file already submitted (it does not abandon a
 * compression half-way) and joins the thread.
 *
 * When compression stays slower than rotation the backlog grows: once it exceeds backlogWarning
 * files a warning gives the count, and again each time it has grown further, at most once per
 * warningIntervalMs (a minute by default), so a lasting backlog shows in the log without flooding it.
 *
 * Thread affinity: submit() from any thread; start() and stop() from the owner's thread.
 */
class FileFinisher final
{
public:
    static constexpr int kBacklogWarning = 32;
    static constexpr qint64 kBacklogWarningIntervalMs = 60000;

    explicit FileFinisher(WorkerSettings settings, int retryMs = 1000, int backlogWarning = kBacklogWarning,
                          qint64 warningIntervalMs = kBacklogWarningIntervalMs);
    ~FileFinisher();
    FileFinisher(const FileFinisher &) = delete;
    FileFinisher &operator=(const FileFinisher &) = delete;

    void start();
    /** Queues @p file (a closed, uncompressed worker file) for compression and, for type 1, queueing. */
    void submit(LeftoverFiles::File file);
    /** Finishes the files submitted so far, then joins the thread. */
    void stop();

    /**
     * Blocks until @p path is neither waiting nor being finished. A session that opens a file
     * of the same name (same sensor, type and second) as one still being compressed waits here,
     * so it never appends to a file that is being compressed and then removed.
     */
    void waitUntilReleased(const QString &path);

    /** Files submitted and not finished yet, the one being compressed included. Thread-safe. */
    int backlog() const;
    /** Files finished since start(): compressed and, for type 1, queued. Thread-safe. */
    int finished() const noexcept { return m_finished.load(); }
    /** Files whose compression or queueing failed since start(). Thread-safe. */
    int failed() const noexcept { return m_failed.load(); }
    /** Backlog warnings logged since construction (see the class comment). Thread-safe. */
    int backlogWarnings() const noexcept { return m_backlogWarnings.load(); }

private:
    void run();
    int backlogLocked() const; ///< backlog(); m_mutex held
    /** Warns about a backlog of @p backlog files when due (see the class comment); m_mutex held. */
    void warnAboutBacklog(int backlog);

    const WorkerSettings m_settings;
    const int m_retryMs;
    const int m_backlogWarning;
    const qint64 m_warningIntervalMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_released;        ///< a file was finished
    QString m_current;                         ///< guarded by m_mutex: the file being finished
    std::deque<LeftoverFiles::File> m_pending; ///< guarded by m_mutex
    bool m_stopping = false;                   ///< guarded by m_mutex
    int m_warnedBacklog = 0;                   ///< guarded by m_mutex: backlog of the last warning
    QElapsedTimer m_sinceWarning;              ///< guarded by m_mutex: invalid until the first one
    std::atomic<int> m_backlogWarnings{0};
    std::atomic<bool> m_stopRetries{false};
    std::atomic<int> m_finished{0};
    std::atomic<int> m_failed{0};
    std::thread m_thread;
};

} // namespace d4::workers
