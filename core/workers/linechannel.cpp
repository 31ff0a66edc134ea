// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/linechannel.h"

#include <QDateTime>
#include <QLoggingCategory>

#include "workers/workercontext.h"
#include "workers/workertap.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

LineChannel::LineChannel(WorkerContext &context, QByteArray typeKey, bool extended, qsizetype maxLineLength,
                         RotatingFile::PathFunction pathFunction)
    : m_context(context)
    , m_typeKey(std::move(typeKey))
    , m_extended(extended)
    , m_rebuilder(maxLineLength)
    , m_rejections(m_typeKey)
{
    if (pathFunction) {
        m_file =
            std::make_unique<RotatingFile>(std::move(pathFunction), context.settings.rotationIntervalSeconds);
        context.guardOpening(*m_file);
    }
}

LineChannel::~LineChannel() = default;

bool LineChannel::commit(QString &error)
{
    if (m_validator) {
        QString reason;
        const auto refused = [this, &reason](const QByteArray &line) {
            if (line.isEmpty() || m_validator(line, reason)) {
                return false;
            }
            m_rejections.refuse(reason);
            return true;
        };
        m_lines.removeIf(refused);
        if (!m_rejections.flush(m_context.metadata, error)) {
            return false;
        }
    }
    if (m_file) {
        const QDateTime now = QDateTime::currentDateTime();
        if (m_file->rotationDue(now)) {
            close();
        }
        if (!m_lines.isEmpty()) {
            writeLines(now);
        }
    }
    if (m_lines.isEmpty()) {
        return true;
    }
    QByteArrayList items;
    items.reserve(m_lines.size());
    for (QByteArray &line : m_lines) {
        if (!line.isEmpty()) {
            items.append(std::move(line));
        }
    }
    m_lines.clear();
    if (items.isEmpty()) {
        return true;
    }
    if (!m_context.queues.push(m_sensorUuid, m_typeKey, m_extended, items)) {
        error = m_context.queues.errorString();
        return false;
    }
    for (WorkerTap *tap : std::as_const(m_context.taps)) {
        tap->onLines(m_sensorUuid, m_typeKey, items);
    }
    return true;
}

void LineChannel::writeLines(const QDateTime &now)
{
    QByteArray text;
    qsizetype size = 0;
    for (const QByteArray &line : std::as_const(m_lines)) {
        size += line.size() + 1;
    }
    text.reserve(size);
    for (const QByteArray &line : std::as_const(m_lines)) {
        text.append(line).append('\n');
    }
    QString error;
    bool created = false;
    if (m_file->ensureOpen(now, created, error) && m_file->write(text, error)) {
        // Logged at most once per interval too, for a disk that has room for some batches only.
        if (m_unwrittenLines > 0 &&
            (!m_sinceResumeLog.isValid() || m_sinceResumeLog.elapsed() >= kDiskWarningIntervalMs)) {
            qCInfo(lcWorkers).noquote()
                << "writing" << m_file->currentPath() << "again; type" << m_typeKey << "of" << m_sensorUuid
                << ":" << m_unwrittenLines << "line(s) were queued but not stored while the disk failed";
            m_unwrittenLines = 0;
            m_sinceResumeLog.start();
        }
        return;
    }
    // The disk is full (or the file cannot grow): the file keeps its whole lines (RotatingFile cuts
    // a partial write off), and the lines still go to the queues and taps, which do not depend on
    // the disk. The next batch tries again, so writing resumes once there is space.
    m_unwrittenLines += m_lines.size();
    m_unloggedLines += m_lines.size();
    if (!m_sinceDiskWarning.isValid() || m_sinceDiskWarning.elapsed() >= kDiskWarningIntervalMs) {
        qCWarning(lcWorkers).noquote()
            << error << "; type" << m_typeKey << "of" << m_sensorUuid << ":" << m_unloggedLines
            << "line(s) not stored since the last warning (they are still queued)";
        m_unloggedLines = 0;
        m_sinceDiskWarning.start();
    }
}

void LineChannel::finish()
{
    const QByteArray tail = m_rebuilder.pending();
    m_rebuilder.setPending({});
    if (m_file && !tail.isEmpty()) {
        QString error;
        bool created = false;
        if (!m_file->ensureOpen(QDateTime::currentDateTime(), created, error) ||
            !m_file->write(tail, error)) {
            qCWarning(lcWorkers).noquote() << error;
        }
    }
    close();
}

void LineChannel::close()
{
    if (!m_file) {
        return;
    }
    const QString path = m_file->close();
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!m_context.finishFile(path, m_sensorUuid, m_extended ? 254 : m_typeKey.toInt(), error)) {
        qCWarning(lcWorkers).noquote() << error;
    }
}

} // namespace d4::workers
