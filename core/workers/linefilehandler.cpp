// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/linefilehandler.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "workers/workercontext.h"
#include "workers/workertap.h"

namespace d4::workers {

LineFileHandler::LineFileHandler(WorkerContext &context, QByteArray extendedType, qsizetype maxLineLength)
    : m_context(context)
    , m_extendedType(std::move(extendedType))
    , m_rebuilder(maxLineLength)
    , m_rejections(m_extendedType)
{
}

LineFileHandler::~LineFileHandler() = default;

bool LineFileHandler::commit(QString &error)
{
    QByteArrayList paths;
    QByteArrayList stored;
    for (const QByteArray &line : std::as_const(m_lines)) {
        if (line.isEmpty()) {
            continue;
        }
        QString reason;
        switch (storeLine(line, paths, reason)) {
        case Outcome::Stored:
            stored.append(line);
            break;
        case Outcome::Refused:
            refuse(reason);
            break;
        case Outcome::Failed:
            error = reason;
            return false;
        }
    }
    m_lines.clear();
    if (!m_rejections.flush(m_context.metadata, error)) {
        return false;
    }
    if (!paths.isEmpty() && !m_context.queues.push(m_sensorUuid, m_extendedType, true, paths)) {
        error = m_context.queues.errorString();
        return false;
    }
    if (!stored.isEmpty()) {
        for (WorkerTap *tap : std::as_const(m_context.taps)) {
            tap->onLines(m_sensorUuid, m_extendedType, stored);
        }
    }
    return true;
}

bool LineFileHandler::writeFile(const QString &path, QByteArrayView bytes, bool keepExisting, QString &error)
{
    if (keepExisting && QFileInfo::exists(path)) {
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        error = QStringLiteral("cannot create the directory of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), bytes.size()) != bytes.size() ||
        !file.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString LineFileHandler::sha256Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace d4::workers
