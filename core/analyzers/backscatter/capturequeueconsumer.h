// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>

#include <QByteArray>
#include <QStringList>

#include "store/redisendpoint.h"

namespace d4::capture {
class PacketSink;
}

namespace d4::analyzers::backscatter {

/**
 * Consumes a D4 analyzer queue of rotated capture files the way analyzer-d4-pibs does (spec §1.7,
 * checklist item 22): the type-1 compressor LPUSHes absolute `.cap.gz` paths onto
 * `analyzer:1:<queue uuid>` (ANALYZER database); this pops them oldest first (BRPOP, so it waits
 * instead of exiting when the list is empty) and reads each file through a PacketPipeline into
 * @p sink. A missing or unreadable file is logged and skipped. Not thread-safe; run it on its own
 * thread (run() blocks).
 */
class CaptureQueueConsumer final
{
public:
    CaptureQueueConsumer(store::RedisEndpoint analyzerDb, QByteArray queueUuid, capture::PacketSink *sink);

    /**
     * Pops and processes at most one path, waiting up to @p blockSeconds for one. Returns true when
     * a path was popped (processed or skipped), false on timeout or a Redis error (@p error set).
     */
    bool processOne(int blockSeconds, QString &error);
    /**
     * processOne() until @p stop becomes true (checked at least every @p blockSeconds). A Redis
     * error is retried every @p blockSeconds; it is logged at the first failure and then at most
     * every @p warningIntervalMs with the number of attempts, and the recovery is logged.
     */
    void run(const std::atomic_bool &stop, int blockSeconds = 1, int warningIntervalMs = 30000);

    quint64 processedFiles() const noexcept { return m_processed; }
    quint64 skippedFiles() const noexcept { return m_skipped; }
    quint64 packets() const noexcept { return m_packets; }
    /** Paths in the order they were popped. */
    const QStringList &history() const noexcept { return m_history; }

private:
    store::RedisEndpoint m_endpoint;
    QByteArray m_list;
    capture::PacketSink *m_sink;
    quint64 m_processed = 0;
    quint64 m_skipped = 0;
    quint64 m_packets = 0;
    QStringList m_history;
};

} // namespace d4::analyzers::backscatter
