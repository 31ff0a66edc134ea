// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/filefinisher.h"

#include <algorithm>

#include <QLoggingCategory>

#include "workers/analyzerqueues.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

FileFinisher::FileFinisher(WorkerSettings settings, int retryMs, int backlogWarning, qint64 warningIntervalMs)
    : m_settings(std::move(settings))
    , m_retryMs(retryMs)
    , m_backlogWarning(backlogWarning)
    , m_warningIntervalMs(warningIntervalMs)
{
}

FileFinisher::~FileFinisher()
{
    stop();
}

void FileFinisher::start()
{
    if (m_thread.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_stopRetries = false;
    m_finished = 0;
    m_failed = 0;
    m_thread = std::thread([this] { run(); });
}

void FileFinisher::submit(LeftoverFiles::File file)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(file));
        warnAboutBacklog(backlogLocked());
    }
    m_wake.notify_one();
}

void FileFinisher::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    // Compressions still run to their end; only waiting for an unreachable Redis is cut short.
    m_stopRetries = true;
    m_wake.notify_one();
    m_thread.join();
}

int FileFinisher::backlog() const
{
    const std::lock_guard lock(m_mutex);
    return backlogLocked();
}

int FileFinisher::backlogLocked() const
{
    return int(m_pending.size()) + (m_current.isEmpty() ? 0 : 1);
}

void FileFinisher::warnAboutBacklog(int backlog)
{
    if (backlog <= m_backlogWarning) {
        m_warnedBacklog = 0; // caught up: the next backlog warns again as soon as the interval allows
        return;
    }
    if (backlog <= m_warnedBacklog ||
        (m_sinceWarning.isValid() && m_sinceWarning.elapsed() < m_warningIntervalMs)) {
        return;
    }
    m_warnedBacklog = backlog;
    m_sinceWarning.start();
    ++m_backlogWarnings;
    qCWarning(lcWorkers).noquote() << backlog
                                   << "closed files waiting to be compressed: compression is slower than "
                                      "rotation (the disk holds them uncompressed meanwhile)";
}

void FileFinisher::waitUntilReleased(const QString &path)
{
    std::unique_lock lock(m_mutex);
    m_released.wait(lock, [this, &path] {
        return m_current != path &&
               std::none_of(m_pending.cbegin(), m_pending.cend(),
                            [&path](const LeftoverFiles::File &file) { return file.path == path; });
    });
}

void FileFinisher::run()
{
    AnalyzerQueues queues(m_settings.redis.metadata, m_settings.redis.analyzer,
                          m_settings.defaultQueueMaxSize, m_settings.queueCacheMs);
    for (;;) {
        LeftoverFiles::File file;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
            if (m_pending.empty()) {
                return; // stopping, and everything submitted is finished
            }
            file = std::move(m_pending.front());
            m_pending.pop_front();
            m_current = file.path;
        }
        QString finishedPath;
        QString error;
        const auto outcome =
            LeftoverFiles::finish(file, queues, finishedPath, error, &m_stopRetries, m_retryMs);
        {
            // Counted and released together: whoever sees the count sees the backlog without it.
            const std::lock_guard lock(m_mutex);
            ++(outcome == LeftoverFiles::Outcome::Finished ? m_finished : m_failed);
            m_current.clear();
        }
        m_released.notify_all();
        if (outcome == LeftoverFiles::Outcome::Finished) {
            continue;
        }
        if (outcome == LeftoverFiles::Outcome::NotCompressed) {
            // The file stays on disk as it is: the next start's recovery compresses it again.
            qCWarning(lcWorkers).noquote() << "cannot compress a rotated file:" << error;
        } else {
            qCWarning(lcWorkers).noquote() << error << "; the next start queues it";
        }
    }
}

} // namespace d4::workers
