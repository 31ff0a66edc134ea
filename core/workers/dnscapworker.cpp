// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/dnscapworker.h"

#include <QDir>
#include <QFile>

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
    // A failed batch is retried whole by a new worker, so it must leave the files as they were:
    // the batch's bytes go to each file in one write (which cuts itself back on failure), and
    // when the batch rotated, the part already in the previous file is cut off again.
    const QDateTime now = QDateTime::currentDateTime();
    QByteArray pending;
    QString rotatedPath;
    qint64 rotatedSizeBefore = 0;
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
        }
        const QByteArrayView message(entry.message);
        // At most one rotation per batch: once closed, no file is open, so none is due.
        const qsizetype start = m_file.rotationDue(now) ? m_splitter.findRecordStart(message) : -1;
        if (start >= 0) {
            pending.append(message.first(start));
            rotatedSizeBefore = m_file.size();
            if (!write(pending)) {
                return Result::Failed;
            }
            rotatedPath = m_file.close();
            pending = message.sliced(start).toByteArray();
        } else {
            pending.append(message);
        }
        m_splitter.advance(message);
    }
    if (write(pending) && m_file.flush(m_error)) {
        return Result::Handled;
    }
    if (!rotatedPath.isEmpty() && !QFile::resize(rotatedPath, rotatedSizeBefore)) {
        m_error += QStringLiteral("; %1 keeps this batch's first records, which the retry writes again")
                       .arg(rotatedPath);
    }
    return Result::Failed;
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
