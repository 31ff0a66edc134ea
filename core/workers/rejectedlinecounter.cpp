// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/rejectedlinecounter.h"

#include <QLoggingCategory>

#include "store/keyschema.h"
#include "store/redissyncclient.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

RejectedLineCounter::RejectedLineCounter(QByteArray typeKey)
    : m_typeKey(std::move(typeKey))
{
}

void RejectedLineCounter::refuse(const QString &reason)
{
    ++m_total;
    ++m_unsaved;
    ++m_unlogged;
    if (m_sinceLog.isValid() && m_sinceLog.elapsed() < kLogIntervalMs) {
        return;
    }
    qCWarning(lcWorkers).noquote() << m_typeKey << "data of" << m_sensorUuid << ":" << m_unlogged
                                   << "item(s) refused, the last one:" << reason;
    m_unlogged = 0;
    m_sinceLog.start();
}

bool RejectedLineCounter::flush(store::RedisSyncClient &metadata, QString &error)
{
    if (m_unsaved == 0) {
        return true;
    }
    const store::RedisValue reply =
        metadata.command({"HINCRBY", store::keys::workerRejectedLines(m_sensorUuid), m_typeKey,
                          QByteArray::number(m_unsaved)});
    if (reply.isError()) {
        error = QString::fromUtf8(reply.string);
        return false;
    }
    m_unsaved = 0;
    return true;
}

} // namespace d4::workers
