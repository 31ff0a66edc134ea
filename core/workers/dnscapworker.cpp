// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/dnscapworker.h"

#include <QDir>

#include "store/keyschema.h"
#include "workers/workercontext.h"

namespace d4::workers {

namespace {

constexpr char kStateAfterNewline = '\n';

} // namespace

DnscapWorker::DnscapWorker(WorkerContext &context, QByteArray session)
    : SessionWorker(context, 4, std::move(session))
    , m_file(
          [this](const QDateTime &now) {
              return QDir(m_context.settings.saveDirectory)
                  .filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/4/") +
                            RotatingFile::datePath(now) + QLatin1Char('/') +
                            RotatingFile::baseName(m_sensorUuid, now) + QStringLiteral(".dnscap.txt"));
          },
          context.settings.rotationIntervalSeconds)
{
}

bool DnscapWorker::restore(const QByteArray &state)
{
    m_splitter.setAfterNewline(state.size() == 1 && state.front() == kStateAfterNewline);
    return true;
}

SessionWorker::Result DnscapWorker::handle(const QList<StreamEntry> &entries)
{
    const QDateTime now = QDateTime::currentDateTime();
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
        }
        const QByteArrayView message(entry.message);
        const qsizetype start = m_file.rotationDue(now) ? m_splitter.findRecordStart(message) : -1;
        if (start >= 0) {
            if (!write(message.first(start))) {
                return Result::Failed;
            }
            m_file.close();
            if (!write(message.sliced(start))) {
                return Result::Failed;
            }
        } else if (!write(message)) {
            return Result::Failed;
        }
        m_splitter.advance(message);
    }
    return m_file.flush(m_error) ? Result::Handled : Result::Failed;
}

bool DnscapWorker::write(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        return true;
    }
    bool created = false;
    return m_file.ensureOpen(QDateTime::currentDateTime(), created, m_error) && m_file.write(bytes, m_error);
}

QList<QPair<QByteArray, QByteArray>> DnscapWorker::stateWrites() const
{
    return {{store::keys::workerPendingState(m_type, m_session),
             m_splitter.afterNewline() ? QByteArray(1, kStateAfterNewline) : QByteArray()}};
}

void DnscapWorker::finish()
{
    m_file.close();
}

} // namespace d4::workers
