// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnsstatuspublisher.h"

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnskeys.h"
#include "analyzers/passivedns/pdnsstatus.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "store/redisclient.h"

namespace d4::passivedns {

PdnsStatusPublisher::PdnsStatusPublisher(const store::RedisEndpoint &store, const PdnsAnalyzer &analyzer,
                                         const RemoteQueueConsumer *consumer, QObject *parent)
    : QObject(parent)
    , m_analyzer(analyzer)
    , m_consumer(consumer)
    , m_redis(new store::RedisClient(store, this))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PdnsStatusPublisher::publish);
}

PdnsStatusPublisher::~PdnsStatusPublisher() = default;

void PdnsStatusPublisher::start()
{
    m_redis->start();
    publish();
    m_timer.start();
}

PdnsStatus PdnsStatusPublisher::snapshot() const
{
    PdnsStatus status;
    status.published = QDateTime::currentDateTimeUtc();
    status.topNames = m_analyzer.topNames(kTopNames);
    if (m_consumer) {
        status.remoteQueue =
            PublishedRemoteQueue{m_consumer->queueKey(), m_consumer->inflightKey(),
                                 m_consumer->settings().redis.describe(), m_consumer->counters()};
    }
    return status;
}

void PdnsStatusPublisher::publish()
{
    if (m_redis->pending() > 0) {
        return; // the last write is not answered yet: never queue a backlog of stale states
    }
    m_redis->send({"SET", keys::status(), snapshot().toJson(), "EX", QByteArray::number(kTtlSeconds)});
}

} // namespace d4::passivedns
