// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/ja3jlhandler.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "workers/workercontext.h"

namespace d4::workers {

namespace {

constexpr qsizetype kMaxNameLength = 128;

bool isSafeNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
           c == u'_' || c == u'.' || c == u':' || c == u'+';
}

} // namespace

Ja3JlHandler::Ja3JlHandler(WorkerContext &context, QByteArray extendedType)
    : LineFileHandler(context, std::move(extendedType), kMaxLineLength)
{
    const QDir root(QDir(context.settings.saveDirectory).absoluteFilePath(QStringLiteral("datas/ja3-jl")));
    m_jsonDirectory = root.filePath(QStringLiteral("jsons"));
    m_certDirectory = root.filePath(QStringLiteral("certs"));
}

QString Ja3JlHandler::safeFileName(const QString &timestamp)
{
    // Timestamps look like 2019-04-02T11:32:42.379283431+02:00: letters, digits and -_.:+ only,
    // no leading dot (no hidden files, no "." or ".."), bounded length.
    if (timestamp.isEmpty() || timestamp.size() > kMaxNameLength || timestamp.startsWith(QLatin1Char('.'))) {
        return {};
    }
    for (const QChar c : timestamp) {
        if (!isSafeNameCharacter(c)) {
            return {};
        }
    }
    return timestamp;
}

LineFileHandler::Outcome Ja3JlHandler::storeLine(const QByteArray &line, QByteArrayList &paths,
                                                 QString &error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        error = parseError.error != QJsonParseError::NoError
                    ? QStringLiteral("invalid JSON (%1)").arg(parseError.errorString())
                    : QStringLiteral("the JSON is not an object");
        return Outcome::Refused;
    }
    const QJsonObject object = document.object();
    const QJsonArray certificates = object.value(QStringLiteral("Certificates")).toArray();
    for (const QJsonValue &certificate : certificates) {
        const QByteArray raw = certificate.toObject().value(QStringLiteral("Raw")).toString().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty()) {
            refuse(QStringLiteral("a certificate that is not base64"));
            continue;
        }
        const QString name =
            QString::fromLatin1(QCryptographicHash::hash(decoded.decoded, QCryptographicHash::Sha1).toHex());
        QString writeError;
        if (!writeFile(QDir(m_certDirectory).filePath(name + QStringLiteral(".crt")), decoded.decoded, true,
                       writeError)) {
            error = writeError;
            return Outcome::Failed;
        }
    }
    QString name = safeFileName(object.value(QStringLiteral("Timestamp")).toString());
    if (name.isEmpty()) {
        name = sha256Hex(line);
    }
    const QString path = QDir(m_jsonDirectory).filePath(name + QStringLiteral(".json"));
    if (!writeFile(path, line, false, error)) {
        return Outcome::Failed;
    }
    paths.append(QFile::encodeName(path));
    return Outcome::Stored;
}

} // namespace d4::workers
