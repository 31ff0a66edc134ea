// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/pcapworker.h"

#include <QDir>
#include <QLoggingCategory>

#include "store/keyschema.h"
#include "workers/workercontext.h"
#include "workers/workertap.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

PcapWorker::PcapWorker(WorkerContext &context, QByteArray session)
    : SessionWorker(context, 1, std::move(session))
    , m_file(
          [this](const QDateTime &now) {
              return QDir(m_context.settings.saveDirectory)
                  .filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/1/") +
                            RotatingFile::datePath(now) + QLatin1Char('/') +
                            RotatingFile::baseName(m_sensorUuid, now) + QStringLiteral(".cap"));
          },
          context.settings.rotationIntervalSeconds)
{
    context.guardOpening(m_file);
}

bool PcapWorker::restore(const QByteArray &state)
{
    QByteArray records;
    int count = 0;
    // The saved state is the global header plus an unfinished record: it holds no complete record.
    return m_framer.feed(state, records, count);
}

SessionWorker::Result PcapWorker::handle(const QList<StreamEntry> &entries)
{
    QByteArray records;
    int count = 0;
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
        }
        if (!m_framer.feed(entry.message, records, count)) {
            qCWarning(lcWorkers).noquote()
                << "type 1 session" << m_session << ":" << PcapFramer::errorText(m_framer.error());
            m_file.close();
            storeRejection(store::keys::errorPcapFormat());
            return Result::Rejected;
        }
    }
    const QDateTime now = QDateTime::currentDateTime();
    if (m_file.rotationDue(now)) {
        rotate();
    }
    if (count == 0) {
        return Result::Handled;
    }
    bool created = false;
    if (!m_file.ensureOpen(now, created, m_error) ||
        (created && !m_file.write(m_framer.globalHeader(), m_error)) || !m_file.write(records, m_error) ||
        !m_file.flush(m_error)) {
        return Result::Failed;
    }
    for (WorkerTap *tap : std::as_const(m_context.taps)) {
        tap->onPcapRecords(m_sensorUuid, m_framer.globalHeader(), records, count);
    }
    return Result::Handled;
}

void PcapWorker::rotate()
{
    const QString path = m_file.close();
    if (path.isEmpty()) {
        return;
    }
    // A failure leaves the .cap, or its .gz with a queue-pending marker, for the next start's
    // recovery (LeftoverFiles): the data is not lost and its path reaches the queues then.
    QString error;
    if (!m_context.finishFile(path, m_sensorUuid, 1, error)) {
        qCWarning(lcWorkers).noquote() << error;
    }
}

QList<QPair<QByteArray, QByteArray>> PcapWorker::stateWrites() const
{
    return {{store::keys::workerPendingState(m_type, m_session), m_framer.state()}};
}

void PcapWorker::finish()
{
    rotate();
}

} // namespace d4::workers
