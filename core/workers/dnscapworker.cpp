// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/dnscapworker.h"

#include <algorithm>

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
    // write() notes each file's size before the batch first touches it, and a failure cuts every
    // such file back (the entries are written as they are, without copying the batch).
    m_batchStarts.clear();
    const QDateTime now = QDateTime::currentDateTime();
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
        }
        const QByteArrayView message(entry.message);
        // At most one rotation per batch: once closed, no file is open, so none is due.
        const qsizetype start = m_file.rotationDue(now) ? m_splitter.findRecordStart(message) : -1;
        bool written = true;
        if (start >= 0) {
            written = write(message.first(start));
            if (written) {
                m_file.close();
                written = write(message.sliced(start));
            }
        } else {
            written = write(message);
        }
        if (!written) {
            undoBatch();
            return Result::Failed;
        }
        m_splitter.advance(message);
    }
    if (!m_file.flush(m_error)) {
        undoBatch();
        return Result::Failed;
    }
    return Result::Handled;
}

bool DnscapWorker::write(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        return true;
    }
    bool created = false;
    if (!m_file.ensureOpen(QDateTime::currentDateTime(), created, m_error)) {
        return false;
    }
    const QString path = m_file.currentPath();
    if (std::none_of(m_batchStarts.cbegin(), m_batchStarts.cend(),
                     [&path](const BatchStart &start) { return start.path == path; })) {
        m_batchStarts.append({path, m_file.size()});
    }
    return m_file.write(bytes, m_error);
}

void DnscapWorker::undoBatch()
{
    for (const BatchStart &start : std::as_const(m_batchStarts)) {
        const bool cut = m_file.isOpen() && m_file.currentPath() == start.path
                             ? m_file.truncateTo(start.size)
                             : QFile::resize(start.path, start.size);
        if (!cut) {
            m_error +=
                QStringLiteral("; %1 keeps part of this batch, which the retry writes again").arg(start.path);
        }
    }
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
