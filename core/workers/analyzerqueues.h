// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <vector>

#include <QByteArray>
#include <QByteArrayList>
#include <QElapsedTimer>
#include <QString>

#include "store/redisendpoint.h"
#include "store/redissyncclient.h"

namespace d4::workers {

/**
 * The producer side of the analyzer queues (spec §3.4, §4.3 "Routing"): for a sensor and a type
 * key (the decimal type, or the extended type name), LPUSH the items to `analyzer:<key>:<q>` in the
 * ANALYZER database for every non-group queue of the type and every group queue of the sensor,
 * then LTRIM 0 max_size (keeping max_size + 1, as the reference) and HSET `last_updated`.
 * Queue definitions are read from METADATA and cached for a short time. Items are pushed in
 * multi-value LPUSHes, in order: the first item is the first one a consumer RPOPs.
 *
 * It also counts, per queue, the entries it pushed (HINCRBY `d4console:analyzer_queue:pushed`, in
 * the same MULTI as the LPUSH and LTRIM) and the entries LTRIM dropped (HINCRBY
 * `d4console:analyzer_queue:dropped`, right after, only when the queue overflowed), so that the
 * console can tell consumption from the net change of the length. d4-core ignores both hashes.
 *
 * Blocking: one pipelined round trip to ANALYZER for every queue of a push (two when a queue
 * overflowed) and one to METADATA; use from one worker thread.
 */
class AnalyzerQueues final
{
public:
    AnalyzerQueues(store::RedisEndpoint metadata, store::RedisEndpoint analyzer, qint64 defaultMaxSize,
                   int cacheMs = 1000);

    /**
     * Pushes @p items (empty ones are skipped). @p extended selects `analyzer:254:<typeKey>` as the
     * non-group set. Returns false with errorString() on a Redis error.
     */
    bool push(const QByteArray &sensorUuid, const QByteArray &typeKey, bool extended,
              const QByteArrayList &items);
    /** Forgets cached queue definitions. */
    void invalidate() { m_cache.clear(); }
    QString errorString() const { return m_error; }

private:
    struct Queue
    {
        QByteArray uuid;
        qint64 maxSize = 0;
    };
    struct CacheEntry
    {
        std::vector<Queue> queues;
        QElapsedTimer age;
    };

    const std::vector<Queue> *queuesFor(const QByteArray &sensorUuid, const QByteArray &typeKey,
                                        bool extended);
    bool fail(const store::RedisValue &value);

    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_analyzer;
    qint64 m_defaultMaxSize;
    int m_cacheMs;
    std::map<QByteArray, CacheEntry> m_cache; ///< by "<typeKey>\n<sensor>"
    QString m_error;
};

} // namespace d4::workers
