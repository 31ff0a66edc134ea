// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/filewatcherjsonhandler.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include "workers/rotatingfile.h"
#include "workers/workercontext.h"

namespace d4::workers {

FileWatcherJsonHandler::FileWatcherJsonHandler(WorkerContext &context, QByteArray extendedType)
    : LineFileHandler(context, std::move(extendedType), kMaxLineLength)
{
}

LineFileHandler::Outcome FileWatcherJsonHandler::storeLine(const QByteArray &line, QByteArrayList &paths,
                                                           QString &error)
{
    const QDir root(QDir(m_context.settings.saveDirectory).absolutePath());
    const QString path = root.filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/254/") +
                                       RotatingFile::datePath(QDateTime::currentDateTime()) +
                                       QLatin1Char('/') + QString::fromUtf8(m_extendedType) +
                                       QStringLiteral("/files/") + sha256Hex(line) + QStringLiteral(".json"));
    if (!writeFile(path, line, true, error)) {
        return Outcome::Failed;
    }
    paths.append(QFile::encodeName(path));
    return Outcome::Stored;
}

} // namespace d4::workers
