// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/ingestworker.h"

#include <algorithm>

#include "ingest/ingestsession.h"
#include "store/redisclient.h"

namespace d4::ingest {

IngestWorker::IngestWorker(IngestSettings settings, QSslConfiguration tls, IngestStats &stats,
                           ActiveConnectionRegistry &registry, LogRate &logRate)
    : m_settings(std::move(settings))
    , m_tls(std::move(tls))
    , m_stats(stats)
    , m_registry(registry)
    , m_logRate(logRate)
    , m_tick(this)
    , m_drainTimer(this)
{
}

IngestWorker::~IngestWorker()
{
    for (IngestSession *session : m_sessions) {
        session->disconnect(this);
        delete session;
    }
}

void IngestWorker::initialise()
{
    m_stream = std::make_unique<store::RedisClient>(m_settings.redis.stream, this);
    m_metadata = std::make_unique<store::RedisClient>(m_settings.redis.metadata, this);
    for (store::RedisClient *client : {m_stream.get(), m_metadata.get()}) {
        connect(client, &store::RedisClient::drained, this, &IngestWorker::resumePaused);
        client->start();
    }
    m_tick.setInterval(std::min(m_settings.statsFlushIntervalMs, m_settings.accessRecheckIntervalMs));
    connect(&m_tick, &QTimer::timeout, this, &IngestWorker::onTick);
    m_tick.start();
}

void IngestWorker::adopt(qintptr descriptor)
{
    IngestContext context;
    context.stream = m_stream.get();
    context.metadata = m_metadata.get();
    context.settings = &m_settings;
    context.stats = &m_stats;
    context.registry = &m_registry;
    context.aggregator = &m_aggregator;
    context.logRate = &m_logRate;
    context.tlsContext = &m_tlsContext;
    context.pauseForBackPressure = [this](IngestSession *session) { return pauseIfBehind(session); };
    auto *session = new IngestSession(context, m_tls, this);
    m_sessions.insert(session);
    m_openSessions.store(static_cast<int>(m_sessions.size()), std::memory_order_relaxed);
    connect(session, &IngestSession::finished, this, &IngestWorker::onSessionFinished);
    session->start(descriptor);
}

bool IngestWorker::pauseIfBehind(IngestSession *session)
{
    // Redis is behind: stop reading (TCP pushes back on the sensor) instead of buffering.
    if (m_stream->isAboveHighWatermark() || m_metadata->isAboveHighWatermark()) {
        if (std::find(m_paused.begin(), m_paused.end(), session) == m_paused.end()) {
            m_paused.push_back(session);
        }
        return true;
    }
    return false;
}

void IngestWorker::resumePaused()
{
    if (m_stream->isAboveHighWatermark() || m_metadata->isAboveHighWatermark()) {
        return;
    }
    // The sessions' sockets will not signal readyRead again on their own: their buffers are full.
    // Oldest pause first, and only while Redis keeps up: a session that pauses again goes to the
    // back of the line, so every sensor gets its turn (resuming all of them in a fixed order let
    // the first few refill the pipeline every time and starved the rest).
    while (!m_paused.empty() && !m_stream->isAboveHighWatermark() && !m_metadata->isAboveHighWatermark()) {
        IngestSession *session = m_paused.front();
        m_paused.pop_front();
        if (m_sessions.count(session)) {
            session->resume();
        }
    }
}

void IngestWorker::onTick()
{
    m_aggregator.flush(*m_metadata);
    if (++m_ticks * m_tick.interval() % m_settings.accessRecheckIntervalMs < m_tick.interval()) {
        for (IngestSession *session : m_sessions) {
            session->recheckAccess();
        }
    }
    if (!m_paused.empty()) {
        resumePaused();
    }
}

void IngestWorker::kickSensor(const QByteArray &uuid)
{
    const std::set<IngestSession *> sessions = m_sessions;
    for (IngestSession *session : sessions) {
        if (session->sensorUuid() == uuid) {
            session->kick();
        }
    }
}

void IngestWorker::onSessionFinished(IngestSession *session)
{
    m_sessions.erase(session);
    m_openSessions.store(static_cast<int>(m_sessions.size()), std::memory_order_relaxed);
    m_paused.erase(std::remove(m_paused.begin(), m_paused.end(), session), m_paused.end());
    session->deleteLater();
}

qsizetype IngestWorker::pendingRedisCommands() const
{
    return (m_stream ? m_stream->pending() : 0) + (m_metadata ? m_metadata->pending() : 0);
}

int IngestWorker::beginDrain(int &idleClosed)
{
    idleClosed += closeIdleSessions();
    // A tenth of the idle limit: an idle session is closed at most 10 % later than the limit.
    m_drainTimer.setInterval(std::max(10, m_settings.drainIdleCloseMs / 10));
    connect(&m_drainTimer, &QTimer::timeout, this, &IngestWorker::closeIdleSessions, Qt::UniqueConnection);
    m_drainTimer.start();
    return static_cast<int>(m_sessions.size());
}

int IngestWorker::closeIdleSessions()
{
    int closed = 0;
    const std::set<IngestSession *> sessions = m_sessions;
    for (IngestSession *session : sessions) {
        if (session->isIdleFor(m_settings.drainIdleCloseMs)) {
            session->close();
            ++closed;
        }
    }
    return closed;
}

void IngestWorker::shutdown()
{
    m_drainTimer.stop();
    m_tick.stop();
    const std::set<IngestSession *> sessions = m_sessions;
    for (IngestSession *session : sessions) {
        session->close();
    }
    m_aggregator.flush(*m_metadata);
}

} // namespace d4::ingest
