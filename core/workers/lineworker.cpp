// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/lineworker.h"

#include <QDir>

#include "store/keyschema.h"
#include "workers/jsonlinevalidator.h"
#include "workers/linechannel.h"
#include "workers/workercontext.h"

namespace d4::workers {

LineWorker::LineWorker(WorkerContext &context, int type, QByteArray session)
    : SessionWorker(context, type, std::move(session))
{
    const QString suffix = fileSuffix(type);
    const QString root = context.settings.saveDirectory;
    m_channel = std::make_unique<LineChannel>(context, QByteArray::number(type), false, maxLineLength(type),
                                              [this, root, suffix, type](const QDateTime &now) {
                                                  return QDir(root).filePath(
                                                      QString::fromLatin1(m_sensorUuid) + QLatin1Char('/') +
                                                      QString::number(type) + QLatin1Char('/') +
                                                      RotatingFile::datePath(now) + QLatin1Char('/') +
                                                      RotatingFile::baseName(m_sensorUuid, now) + suffix);
                                              });
    if (type == 6) {
        m_channel->setValidator(&JsonLineValidator::isJsonText);
    }
}

LineWorker::~LineWorker() = default;

QString LineWorker::fileSuffix(int type)
{
    switch (type) {
    case 3:
        return QStringLiteral(".syslog.txt");
    case 6:
        return QStringLiteral(".ndjson");
    default:
        return QStringLiteral(".passivedns.txt");
    }
}

qsizetype LineWorker::maxLineLength(int type)
{
    return type == 6 ? kMaxJsonLineLength : kMaxLineLength;
}

bool LineWorker::restore(const QByteArray &state)
{
    m_channel->setPending(state);
    return true;
}

SessionWorker::Result LineWorker::handle(const QList<StreamEntry> &entries)
{
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
            m_channel->setSensorUuid(m_sensorUuid);
        }
        m_channel->feed(entry.message);
    }
    return m_channel->commit(m_error) ? Result::Handled : Result::Failed;
}

QList<QPair<QByteArray, QByteArray>> LineWorker::stateWrites() const
{
    return {{store::keys::workerPendingState(m_type, m_session), m_channel->pending()}};
}

void LineWorker::finish()
{
    m_channel->finish();
}

void LineWorker::suspend()
{
    m_channel->close();
}

} // namespace d4::workers
