// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QObject>
#include <QTimer>

#include "store/redisendpoint.h"

namespace d4::store {
class RedisClient;
}

namespace d4::passivedns {

class PdnsAnalyzer;
class RemoteQueueConsumer;
struct PdnsStatus;

/**
 * Publishes, every second, what only the analyzer's process knows (its top names, its remote queue
 * consumer) as keys::status() in the PDNS store, so that a console attached to that store shows
 * what an embedded one shows. The key expires after kTtlSeconds: a server that stops or dies leaves
 * no stale state. A tick is skipped while the previous write is unanswered (a slow or absent Redis
 * gets at most one pending write). Thread affinity: the thread that creates it (an event loop).
 */
class PdnsStatusPublisher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1000;
    static constexpr int kTtlSeconds = 10;
    static constexpr int kTopNames = 10;

    /** @p analyzer must outlive the publisher; @p consumer may be null and must outlive it too. */
    PdnsStatusPublisher(const store::RedisEndpoint &store, const PdnsAnalyzer &analyzer,
                        const RemoteQueueConsumer *consumer, QObject *parent = nullptr);
    ~PdnsStatusPublisher() override;

    void start();
    /** Publishes once now (start() does it every kIntervalMs). */
    void publish();
    /** The status as publish() would write it. */
    PdnsStatus snapshot() const;

private:
    const PdnsAnalyzer &m_analyzer;
    const RemoteQueueConsumer *m_consumer;
    store::RedisClient *m_redis;
    QTimer m_timer;
};

} // namespace d4::passivedns
