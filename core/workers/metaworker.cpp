// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/metaworker.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>

#include "store/keyschema.h"
#include "workers/filewatcherhandler.h"
#include "workers/filewatcherjsonhandler.h"
#include "workers/ja3jlhandler.h"
#include "workers/linechannel.h"
#include "workers/rotatingfile.h"
#include "workers/workercontext.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

namespace keys = store::keys;

namespace {

constexpr char kStatePartial = 'P';
constexpr char kStateComplete = 'C';
constexpr qsizetype kUuidLength = 32;

} // namespace

MetaWorker::MetaWorker(WorkerContext &context, QByteArray session)
    : SessionWorker(context, 2, std::move(session))
{
}

MetaWorker::~MetaWorker() = default;

QByteArray MetaWorker::currentStream() const
{
    return keys::stream(m_headerDone ? 254 : 2, m_session);
}

bool MetaWorker::resume()
{
    const store::RedisValue header =
        m_context.stream.command({"GET", keys::workerPendingState(2, m_session)});
    const store::RedisValue lines =
        m_context.stream.command({"GET", keys::workerPendingState(254, m_session)});
    if (header.isError() || lines.isError()) {
        m_error = QString::fromUtf8(header.isError() ? header.string : lines.string);
        return false;
    }
    if (!restore(header.string)) {
        return false;
    }
    if (m_handler) {
        m_handler->setPending(lines.string);
    }
    return true;
}

bool MetaWorker::restore(const QByteArray &state)
{
    if (state.isEmpty()) {
        return true;
    }
    if (state.front() == kStatePartial) {
        m_header = state.mid(1);
        return true;
    }
    if (state.front() == kStateComplete && state.size() > 1 + kUuidLength) {
        m_sensorUuid = state.mid(1, kUuidLength);
        m_header = state.mid(1 + kUuidLength);
        return acceptHeader(true) == Result::Handled;
    }
    m_error = QStringLiteral("unreadable saved state");
    return false;
}

SessionWorker::Result MetaWorker::handle(const QList<StreamEntry> &entries)
{
    if (!m_headerDone) {
        return handleHeader(entries);
    }
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
            m_handler->setSensorUuid(m_sensorUuid);
        }
        m_handler->feed(entry.message);
    }
    const store::RedisValue seen = m_context.metadata.command(
        {"HSET", keys::extendedTypeMetadata(m_sensorUuid, m_extendedType), keys::kFieldLastSeen,
         QByteArray::number(QDateTime::currentSecsSinceEpoch())});
    if (seen.isError()) {
        m_error = QString::fromUtf8(seen.string);
        return Result::Failed;
    }
    return m_handler->commit(m_error) ? Result::Handled : Result::Failed;
}

SessionWorker::Result MetaWorker::handleHeader(const QList<StreamEntry> &entries)
{
    for (const StreamEntry &entry : entries) {
        if (m_sensorUuid.isEmpty()) {
            m_sensorUuid = entry.sensorUuid;
        }
        QByteArray piece = entry.message;
        piece.replace('\n', QByteArray());
        m_header.append(piece);
        QJsonParseError parseError;
        QJsonDocument::fromJson(m_header, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            // Type-2 entries after the header are ignored (and deleted with the stream at the end).
            return acceptHeader(false);
        }
        if (m_header.size() > kMaxHeaderSize) {
            storeRejection(keys::errorMetaHeaderJson());
            return Result::Rejected;
        }
    }
    return Result::Handled;
}

SessionWorker::Result MetaWorker::acceptHeader(bool resumed)
{
    const QJsonDocument document = QJsonDocument::fromJson(m_header);
    const QJsonValue type =
        document.isObject() ? document.object().value(QStringLiteral("type")) : QJsonValue();
    if (!type.isString() || type.toString().isEmpty()) {
        storeRejection(keys::errorMetaHeaderJson());
        return Result::Rejected;
    }
    m_extendedType = type.toString().toUtf8();
    const store::RedisValue accepted =
        m_context.metadata.command({"SISMEMBER", keys::acceptedExtendedTypes(), m_extendedType});
    if (accepted.isError()) {
        m_error = QString::fromUtf8(accepted.string);
        return Result::Failed;
    }
    // The name becomes a directory: refuse separators even if someone accepted such a name.
    if (accepted.integer != 1 || m_extendedType.contains('/') || m_extendedType.contains('\\') ||
        m_extendedType.startsWith('.')) {
        storeRejection(keys::errorUnsupportedExtendedType(m_extendedType));
        return Result::Rejected;
    }
    m_context.stream.command({"SADD", keys::activeExtendedTypesByUuid(m_sensorUuid), m_extendedType});
    m_context.stream.command({"HSET", keys::sessionExtendedTypeMap(), m_session, m_extendedType});
    m_headerDone = true;
    createHandler();
    if (resumed) {
        return Result::Handled;
    }
    const QDateTime now = QDateTime::currentDateTime();
    const QString path =
        QDir(m_context.settings.saveDirectory)
            .filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/254/") +
                      RotatingFile::datePath(now) + QLatin1Char('/') + QString::fromUtf8(m_extendedType) +
                      QLatin1Char('/') + RotatingFile::baseName(m_sensorUuid, now) + QStringLiteral(".json"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_header) != m_header.size()) {
        qCWarning(lcWorkers).noquote() << "cannot save the meta header" << path << ":" << file.errorString();
    }
    const QByteArray seconds = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray metadataKey = keys::extendedTypeMetadata(m_sensorUuid, m_extendedType);
    m_context.metadata.command({"SADD", keys::allExtendedTypesByUuid(m_sensorUuid), m_extendedType});
    m_context.metadata.command({"HSETNX", metadataKey, keys::kFieldFirstSeen, seconds});
    const store::RedisValue last =
        m_context.metadata.command({"HSET", metadataKey, keys::kFieldLastSeen, seconds});
    if (last.isError()) {
        m_error = QString::fromUtf8(last.string);
        return Result::Failed;
    }
    qCDebug(lcWorkers).noquote() << "session" << m_session << "of" << m_sensorUuid << "extended type"
                                 << m_extendedType;
    return Result::Handled;
}

void MetaWorker::createHandler()
{
    if (m_extendedType == "ja3-jl") {
        m_handler = std::make_unique<Ja3JlHandler>(m_context, m_extendedType);
    } else if (m_extendedType == "filewatcher") {
        m_handler = std::make_unique<FileWatcherHandler>(m_context, m_extendedType,
                                                         QJsonDocument::fromJson(m_header).object());
    } else if (m_extendedType == "filewatcherjson") {
        m_handler = std::make_unique<FileWatcherJsonHandler>(m_context, m_extendedType);
    } else {
        RotatingFile::PathFunction path;
        if (m_extendedType != "maltrail") {
            const QString root = m_context.settings.saveDirectory;
            const QString ext = QString::fromUtf8(m_extendedType);
            path = [this, root, ext](const QDateTime &now) {
                return QDir(root).filePath(QString::fromLatin1(m_sensorUuid) + QStringLiteral("/254/") +
                                           RotatingFile::datePath(now) + QLatin1Char('/') + ext +
                                           QLatin1Char('/') + RotatingFile::baseName(m_sensorUuid, now) +
                                           QStringLiteral(".txt"));
            };
        }
        m_handler =
            std::make_unique<LineChannel>(m_context, m_extendedType, true, kMaxLineLength, std::move(path));
    }
    m_handler->setSensorUuid(m_sensorUuid);
}

QList<QPair<QByteArray, QByteArray>> MetaWorker::stateWrites() const
{
    if (!m_headerDone) {
        return {{keys::workerPendingState(2, m_session),
                 m_header.isEmpty() ? QByteArray() : kStatePartial + m_header}};
    }
    return {{keys::workerPendingState(2, m_session), kStateComplete + m_sensorUuid + m_header},
            {keys::workerPendingState(254, m_session), m_handler->pending()}};
}

void MetaWorker::finish()
{
    if (m_handler) {
        m_handler->finish();
    }
}

void MetaWorker::suspend()
{
    if (m_handler) {
        m_handler->close();
    }
}

void MetaWorker::cleanUp()
{
    store::RedisSyncClient &stream = m_context.stream;
    stream.command({"SREM", keys::sessionsOfType(2), m_session});
    stream.command({"SREM", keys::sessionsOfType(254), m_session});
    stream.command({"DEL", keys::stream(2, m_session), keys::stream(254, m_session),
                    keys::workerPendingState(2, m_session), keys::workerPendingState(254, m_session)});
    stream.command({"SREM", keys::endedSessions(), m_session});
    stream.command({"SREM", keys::workingSessionsOfType(2), m_session});
    stream.command({"HDEL", keys::sessionExtendedTypeMap(), m_session});
    if (!m_extendedType.isEmpty() && !m_sensorUuid.isEmpty()) {
        stream.command({"SREM", keys::activeExtendedTypesByUuid(m_sensorUuid), m_extendedType});
    }
}

} // namespace d4::workers
