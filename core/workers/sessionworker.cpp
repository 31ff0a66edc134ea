// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/sessionworker.h"

#include <QLoggingCategory>

#include "store/keyschema.h"
#include "workers/workercontext.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

namespace keys = store::keys;

SessionWorker::SessionWorker(WorkerContext &context, int type, QByteArray session)
    : m_context(context)
    , m_type(type)
    , m_session(std::move(session))
{
}

SessionWorker::~SessionWorker() = default;

QByteArray SessionWorker::currentStream() const
{
    return keys::stream(m_type, m_session);
}

bool SessionWorker::resume()
{
    const store::RedisValue state =
        m_context.stream.command({"GET", keys::workerPendingState(m_type, m_session)});
    if (state.isError()) {
        m_error = QString::fromUtf8(state.string);
        return false;
    }
    return restore(state.string);
}

void SessionWorker::cleanUp()
{
    store::RedisSyncClient &stream = m_context.stream;
    stream.command({"SREM", keys::endedSessions(), m_session});
    stream.command({"SREM", keys::sessionsOfType(m_type), m_session});
    stream.command({"SREM", keys::workingSessionsOfType(m_type), m_session});
    stream.command({"DEL", keys::stream(m_type, m_session), keys::workerPendingState(m_type, m_session)});
}

void SessionWorker::storeRejection(const QByteArray &errorText)
{
    qCWarning(lcWorkers).noquote() << "session" << m_session << "of" << m_sensorUuid
                                   << "rejected:" << errorText;
    m_context.stream.command({"SADD", keys::incorrectTypeSessions(), m_session});
    if (!m_sensorUuid.isEmpty()) {
        m_context.metadata.command(
            {"HSET", keys::sensorMetadata(m_sensorUuid), keys::kFieldError, errorText});
    }
}

} // namespace d4::workers
