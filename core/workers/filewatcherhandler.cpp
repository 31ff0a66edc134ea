// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/filewatcherhandler.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include "workers/gzipcompressor.h"
#include "workers/rotatingfile.h"
#include "workers/workercontext.h"

namespace d4::workers {

namespace {

constexpr qsizetype kMaxExtensionLength = 64;

} // namespace

FileWatcherHandler::FileWatcherHandler(WorkerContext &context, QByteArray extendedType,
                                       const QJsonObject &metaHeader)
    : LineFileHandler(context, std::move(extendedType), kMaxLineLength)
{
    const QJsonValue compress = metaHeader.value(QStringLiteral("compress"));
    const QJsonValue segregate = metaHeader.value(QStringLiteral("segregate"));
    const QJsonValue extension = metaHeader.value(QStringLiteral("extension"));
    m_compress = compress.isBool() ? compress.toBool() : false;
    m_segregate = segregate.isBool() ? segregate.toBool() : true;
    m_extension = extension.isString() ? sanitizedExtension(extension.toString()) : QString();
}

QString FileWatcherHandler::sanitizedExtension(const QString &extension)
{
    QString safe = extension.left(kMaxExtensionLength);
    for (QChar &c : safe) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                             (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.' || c == u'+';
        if (!allowed) {
            c = u'_';
        }
    }
    return safe;
}

QString FileWatcherHandler::directory() const
{
    const QDir root(QDir(m_context.settings.saveDirectory).absolutePath());
    const QString ext = QString::fromUtf8(m_extendedType);
    if (!m_segregate) {
        return root.filePath(QStringLiteral("datas/") + ext + QStringLiteral("/files"));
    }
    return root.filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/254/") +
                         RotatingFile::datePath(QDateTime::currentDateTime()) + QLatin1Char('/') + ext +
                         QStringLiteral("/files"));
}

LineFileHandler::Outcome FileWatcherHandler::storeLine(const QByteArray &line, QByteArrayList &paths,
                                                       QString &error)
{
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        error = QStringLiteral("a line that is not base64");
        return Outcome::Refused;
    }
    QString path = QDir(directory()).filePath(sha256Hex(decoded.decoded) + QLatin1Char('.') + m_extension);
    QByteArray content = decoded.decoded;
    if (m_compress) {
        content = GzipCompressor::gzip(content);
        if (content.isEmpty()) {
            error = QStringLiteral("cannot compress %1").arg(path);
            return Outcome::Failed;
        }
        path += QStringLiteral(".gz");
    }
    if (!writeFile(path, content, true, error)) {
        return Outcome::Failed;
    }
    paths.append(QFile::encodeName(path));
    return Outcome::Stored;
}

} // namespace d4::workers
