// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/ingestsession.h"

#include <hiredis/hiredis.h>

#include <QDateTime>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QUuid>

#include "ingest/activeconnectionregistry.h"
#include "ingest/admissionquery.h"
#include "ingest/connectionbookkeeping.h"
#include "ingest/dailystatsaggregator.h"
#include "ingest/ingestsettings.h"
#include "ingest/ingeststats.h"
#include "ingest/lograte.h"
#include "ingest/sharedtlscontext.h"
#include "protocol/d4types.h"
#include "protocol/hmacsha256.h"
#include "protocol/uuid.h"
#include "store/keyschema.h"
#include "store/redisclient.h"
#include "store/redisvalue.h"

Q_LOGGING_CATEGORY(lcIngest, "d4.ingest")

namespace d4::ingest {

namespace keys = store::keys;

namespace {

/** d4-core's extract_ip: IPv4-mapped addresses become dotted quads, scope ids are dropped. */
QByteArray normaliseIp(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        return QHostAddress(v4).toString().toLatin1();
    }
    QHostAddress copy(address);
    copy.setScopeId(QString());
    return copy.toString().toLatin1();
}

} // namespace

IngestSession::IngestSession(const IngestContext &context, const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_socket(std::make_unique<QSslSocket>())
    , m_decoder(
          protocol::FrameLimits{static_cast<std::uint32_t>(context.settings->maxPayloadSize), -1, false})
    , m_sessionUuid(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
    , m_streamLimit(context.settings->defaultStreamMaxSize)
{
    m_socket->setSslConfiguration(tls);
    m_socket->setReadBufferSize(context.settings->socketReadBufferSize);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(context.settings->idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &IngestSession::onIdleTimeout);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &IngestSession::onReadyRead);
    connect(m_socket.get(), &QSslSocket::encrypted, this, [this] { m_encrypted = true; });
    connect(m_socket.get(), &QSslSocket::disconnected, this, &IngestSession::onRemoteClosed);
    connect(m_socket.get(), &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            qCDebug(lcIngest) << "socket error" << m_socket->errorString()
                              << "session_uuid=" << m_sessionUuid;
        }
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            onRemoteClosed();
        }
    });
    connect(m_socket.get(), &QSslSocket::sslErrors, this, [this] {
        if (!m_admitted) {
            m_context.stats->countRejection(RejectionReason::TlsHandshakeFailed);
        }
    });
}

IngestSession::~IngestSession() = default;

void IngestSession::start(qintptr descriptor)
{
    if (!m_socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcIngest) << "cannot adopt the connection:" << m_socket->errorString();
        m_finished = true;
        Q_EMIT finished(this);
        return;
    }
    m_context.stats->connectionOpened();
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    m_ip = normaliseIp(m_socket->peerAddress());
    m_port = m_socket->peerPort();
    qCDebug(lcIngest).noquote() << "New connection, ip=" << m_ip << ", port=" << m_port
                                << " session_uuid=" << m_sessionUuid;
    m_idleTimer.start();
    m_sinceLastBytes.start();

    // IP blacklist first (spec §2.3 step 3), before spending a TLS handshake on the peer.
    m_waiting = true;
    QPointer<IngestSession> self(this);
    m_context.metadata->send({"SISMEMBER", keys::blacklistIp(), m_ip}, [self](const redisReply &reply) {
        if (!self || self->m_closing) {
            return;
        }
        if (store::isTrueReply(reply)) {
            self->reject(
                RejectionReason::BlacklistedIp,
                QStringLiteral("Blacklisted IP=%1, connection closed").arg(QString::fromLatin1(self->m_ip)));
            return;
        }
        self->m_waiting = false;
        if (self->m_remoteClosed) {
            self->finishSession();
            return;
        }
        self->m_context.tlsContext->startServerEncryption(*self->m_socket);
    });
}

void IngestSession::onReadyRead()
{
    m_idleTimer.start();
    m_sinceLastBytes.start();
    process();
}

bool IngestSession::readFromSocket()
{
    // A bounded amount per pass keeps one busy sensor from starving the others on this thread.
    // The decoder never holds much more than one pass's budget (or the frame being assembled):
    // reading a full budget on top of what is already buffered made decoders grow to many MB.
    qint64 frameSize = 0;
    if (const auto header = m_decoder.pendingHeader()) {
        frameSize = static_cast<qint64>(protocol::kHeaderSize) +
                    std::min<qint64>(header->size, m_context.settings->maxPayloadSize);
    }
    qint64 budget = std::max(m_context.settings->readBudgetPerPass, frameSize) -
                    static_cast<qint64>(m_decoder.bufferedBytes());
    while (budget > 0) {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0) {
            return false;
        }
        const qint64 chunk = std::min(available, budget);
        const auto space = m_decoder.prepareWrite(static_cast<std::size_t>(chunk));
        const qint64 got = m_socket->read(reinterpret_cast<char *>(space.data()), chunk);
        if (got <= 0) {
            return false;
        }
        m_decoder.commitWrite(static_cast<std::size_t>(got));
        budget -= got;
    }
    return m_socket->bytesAvailable() > 0;
}

void IngestSession::resume()
{
    m_paused = false;
    process();
}

void IngestSession::process()
{
    if (m_closing || m_waiting || m_paused || !m_encrypted) {
        return;
    }
    bool moreInSocket = readFromSocket();
    while (!m_closing && !m_waiting) {
        const std::optional<protocol::Header> header = m_decoder.pendingHeader();
        if (!header) {
            break;
        }
        if (!m_admitted) {
            admitFirstHeader(*header);
            break;
        }
        if (header->uuid != m_rawUuid || header->type != m_type) {
            if (!handleHeaderChange(*header)) {
                return;
            }
            continue;
        }
        if (m_streamLengthEstimate >= m_streamLimit &&
            m_decoder.bufferedBytes() >= protocol::kHeaderSize + header->size) {
            // The estimate says the limit may be reached: ask Redis, since workers may have drained
            // the stream. The frame stays in the decoder until the answer is in.
            checkStreamLength();
            return;
        }
        const std::optional<protocol::Frame> frame = m_decoder.next();
        if (!frame) {
            if (m_decoder.error() == protocol::FrameError::PayloadTooLarge) {
                reject(RejectionReason::PayloadTooLarge,
                       QStringLiteral(
                           "Incorrect header data size: the server received more data than expected by "
                           "default, expected=%1, received=%2 , uuid=%3, session_uuid=%4")
                           .arg(m_context.settings->maxPayloadSize)
                           .arg(header->size)
                           .arg(QString::fromLatin1(m_uuid), QString::fromLatin1(m_sessionUuid)));
                return;
            }
            break;
        }
        if (!m_hmac->verifyPacket(frame->rawHeader, frame->payload)) {
            qCDebug(lcIngest).noquote()
                << "HMAC don't match, uuid=" << m_uuid << ", session_uuid=" << m_sessionUuid;
            reject(RejectionReason::HmacMismatch,
                   QStringLiteral("HMAC don't match, uuid=%1, session_uuid=%2")
                       .arg(QString::fromLatin1(m_uuid), QString::fromLatin1(m_sessionUuid)),
                   keys::errorHmacMismatch());
            return;
        }
        store(*frame);
        if (m_context.pauseForBackPressure && m_context.pauseForBackPressure(this)) {
            m_paused = true;
            return;
        }
        if (!m_decoder.pendingHeader() && moreInSocket) {
            moreInSocket = readFromSocket();
        }
    }
    if (m_remoteClosed && !moreInSocket && !m_waiting && !m_paused && !m_closing) {
        finishSession();
        return;
    }
    if (moreInSocket && !m_readScheduled && !m_closing) {
        m_readScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_readScheduled = false;
                process();
            },
            Qt::QueuedConnection);
    }
}

void IngestSession::admitFirstHeader(const protocol::Header &header)
{
    m_waiting = true;
    QPointer<IngestSession> self(this);
    const AdmissionSubject subject{QByteArray::fromStdString(protocol::uuidToHex(header.uuid)), header.type,
                                   m_sessionUuid, m_ip};
    queryAdmissionFacts(*m_context.metadata, *m_context.stream, subject, m_context.settings->registrationMode,
                        false, [self, header](const AdmissionFacts &facts) {
                            if (self && !self->m_closing) {
                                self->m_waiting = false;
                                self->evaluateAdmission(header, facts);
                            }
                        });
}

void IngestSession::evaluateAdmission(const protocol::Header &header, const AdmissionFacts &replies)
{
    const QByteArray uuid = QByteArray::fromStdString(protocol::uuidToHex(header.uuid));
    const QString uuidText = QString::fromLatin1(uuid);
    const int type = header.type;
    // Checks 1a-1d and 1f; 1f (a worker-flagged session) cannot apply yet to a session this new,
    // so checking it before the size (1e) changes nothing.
    if (rejectIfRevoked(replies, uuid, type)) {
        return;
    }
    if (header.size > static_cast<std::uint32_t>(m_context.settings->maxPayloadSize)) {
        reject(RejectionReason::PayloadTooLarge,
               QStringLiteral(
                   "Incorrect header data size: the server received more data than expected by default, "
                   "expected=%1, received=%2 , uuid=%3, session_uuid=%4")
                   .arg(m_context.settings->maxPayloadSize)
                   .arg(header.size)
                   .arg(uuidText, QString::fromLatin1(m_sessionUuid)));
        return;
    }
    if (!protocol::isUuidV4(header.uuid)) {
        reject(RejectionReason::InvalidUuid, QStringLiteral("Invalid Header, uuid=%1, session_uuid=%2")
                                                 .arg(uuidText, QString::fromLatin1(m_sessionUuid)));
        return;
    }
    if (!replies.typeAccepted) {
        reject(RejectionReason::TypeNotAccepted, QStringLiteral("Invalid type=%1, uuid=%2, session_uuid=%3")
                                                     .arg(type)
                                                     .arg(uuidText, QString::fromLatin1(m_sessionUuid)));
        return;
    }
    if (type == protocol::kTypeExtended) {
        reject(RejectionReason::Type2Required,
               QStringLiteral("a type 2 packet must be sent, type=%1 uuid=%2 session_uuid=%3")
                   .arg(type)
                   .arg(uuidText, QString::fromLatin1(m_sessionUuid)),
               keys::errorType2Required(type), uuid);
        return;
    }
    if (type != protocol::kTypeMetaHeader) {
        if (replies.activeOfType || !m_context.registry->tryClaim(uuid, type)) {
            reject(RejectionReason::DuplicateConnection,
                   QStringLiteral("is using the same UUID for one type, uuid=%1 type=%2 session_uuid=%3")
                       .arg(uuidText)
                       .arg(type)
                       .arg(QString::fromLatin1(m_sessionUuid)),
                   keys::errorSameUuidForType(type), uuid);
            return;
        }
        m_claimed = true;
    }

    m_admitted = true;
    m_uuid = uuid;
    m_rawUuid = header.uuid;
    m_type = type;
    if (replies.streamLimit) {
        m_streamLimit = *replies.streamLimit;
    }
    // Per-sensor key, else the default key; both used byte for byte (spec §1.2).
    const QByteArray key = replies.sensorKey.value_or(replies.defaultKey);
    m_hmac = std::make_unique<protocol::HmacSha256>(
        std::string_view(key.constData(), static_cast<std::size_t>(key.size())));
    ConnectionBookkeeping(*m_context.stream, *m_context.metadata).opened(uuid, m_sessionUuid, type);
    process();
}

bool IngestSession::handleHeaderChange(const protocol::Header &header)
{
    if (header.uuid != m_rawUuid) {
        const QByteArray newUuid = QByteArray::fromStdString(protocol::uuidToHex(header.uuid));
        reject(RejectionReason::UuidChange,
               QStringLiteral(
                   "The uuid change during the connection, ip=%1 uuid=%2 type=%3 session_uuid=%4 new_uuid=%5")
                   .arg(QString::fromLatin1(m_ip), QString::fromLatin1(m_uuid))
                   .arg(m_type)
                   .arg(QString::fromLatin1(m_sessionUuid), QString::fromLatin1(newUuid)),
               keys::errorUuidChange(newUuid), newUuid);
        return false;
    }
    if (m_dataSaved && m_type == protocol::kTypeMetaHeader && header.type == protocol::kTypeExtended) {
        switchToExtendedType();
        return true;
    }
    reject(RejectionReason::TypeChange,
           QStringLiteral("Unexpected type change, ip=%1 uuid=%2 type=%3 new type=%4 session_uuid=%5")
               .arg(QString::fromLatin1(m_ip), QString::fromLatin1(m_uuid))
               .arg(m_type)
               .arg(header.type)
               .arg(QString::fromLatin1(m_sessionUuid)),
           keys::errorUnexpectedTypeChange(m_type, header.type), m_uuid);
    return false;
}

void IngestSession::switchToExtendedType()
{
    ConnectionBookkeeping(*m_context.stream, *m_context.metadata).switchedToExtended(m_uuid, m_sessionUuid);
    m_type = protocol::kTypeExtended;
    m_updateStreamType = true;
    m_streamLengthEstimate = 0;
}

void IngestSession::store(const protocol::Frame &frame)
{
    // One clock read per packet serves both the entry ID (ms) and the metadata times (s).
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = ms / 1000;
    const QByteArray payload(reinterpret_cast<const char *>(frame.payload.data()),
                             static_cast<qsizetype>(frame.payload.size()));
    // Entry IDs are chosen here rather than by Redis ("*"), in the same <ms>-<seq> form: when a
    // lost connection makes the client replay an XADD that Redis had already applied, Redis refuses
    // the repeated ID instead of storing the packet twice.
    if (ms > m_lastEntryMs) {
        m_lastEntryMs = ms;
        m_entrySequence = 0;
    } else {
        ++m_entrySequence;
    }
    const QByteArray id = QByteArray::number(m_lastEntryMs) + '-' + QByteArray::number(m_entrySequence);
    m_context.stream->send({"XADD", keys::stream(m_type, m_sessionUuid), id, "message", payload, "uuid",
                            m_uuid, "timestamp", QByteArray::number(frame.header.timestamp), "version",
                            QByteArray::number(frame.header.version)});
    ++m_streamLengthEstimate;
    store::RedisClient *metadata = m_context.metadata;
    if (!m_dataSaved) {
        m_dataSaved = true;
        m_context.stream->send({"SADD", keys::sessionsOfType(m_type), m_sessionUuid});
        metadata->send({"HDEL", keys::sensorMetadata(m_uuid), keys::kFieldError});
        metadata->send(
            {"HSETNX", keys::sensorMetadata(m_uuid), keys::kFieldFirstSeen, QByteArray::number(now)});
        const QByteArray stamp =
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
        metadata->send({"LPUSH", keys::recentIps(m_uuid), m_ip + '-' + stamp});
        metadata->send({"LTRIM", keys::recentIps(m_uuid), "0", "15"});
    }
    if (m_updateStreamType) {
        m_updateStreamType = false;
        metadata->send({"HSETNX", keys::sensorTypeMetadata(m_uuid, m_type), keys::kFieldFirstSeen,
                        QByteArray::number(now)});
        if (m_type == protocol::kTypeExtended) {
            m_context.stream->send({"SADD", keys::sessionsOfType(m_type), m_sessionUuid});
        }
    }
    m_context.aggregator->count(m_uuid, m_ip, m_type, now);
    m_context.stats->countAccepted(frame.payload.size());
}

void IngestSession::checkStreamLength()
{
    m_waiting = true;
    QPointer<IngestSession> self(this);
    m_context.stream->send({"XLEN", keys::stream(m_type, m_sessionUuid)}, [self](const redisReply &reply) {
        if (!self || self->m_closing) {
            return;
        }
        self->m_waiting = false;
        self->m_streamLengthEstimate = reply.type == REDIS_REPLY_INTEGER ? reply.integer : 0;
        if (self->m_streamLengthEstimate >= self->m_streamLimit) {
            self->reject(RejectionReason::StreamLimit,
                         QStringLiteral("stream exceed max entries limit, uuid=%1, session_uuid=%2, type=%3")
                             .arg(QString::fromLatin1(self->m_uuid), QString::fromLatin1(self->m_sessionUuid))
                             .arg(self->m_type),
                         keys::errorStreamLimit(), self->m_uuid);
            return;
        }
        self->process();
    });
}

void IngestSession::recheckAccess()
{
    if (!m_admitted || m_closing || m_waiting) {
        return;
    }
    QPointer<IngestSession> self(this);
    queryAdmissionFacts(*m_context.metadata, *m_context.stream,
                        AdmissionSubject{m_uuid, m_type, m_sessionUuid, m_ip},
                        m_context.settings->registrationMode, true, [self](const AdmissionFacts &facts) {
                            if (self && !self->m_closing) {
                                self->rejectIfRevoked(facts, self->m_uuid, self->m_type);
                            }
                        });
}

bool IngestSession::rejectIfRevoked(const AdmissionFacts &facts, const QByteArray &uuid, int type)
{
    const QString uuidText = QString::fromLatin1(uuid);
    if (facts.blacklistedIp) {
        reject(RejectionReason::BlacklistedIp,
               QStringLiteral("Blacklisted IP=%1, connection closed").arg(QString::fromLatin1(m_ip)));
    } else if (facts.blacklistedIpByUuid) {
        m_context.metadata->send({"SADD", keys::blacklistIp(), m_ip});
        reject(RejectionReason::BlacklistedIpByUuid,
               QStringLiteral("Blacklisted IP by UUID=%1, connection closed").arg(uuidText));
    } else if (facts.blacklistedUuid) {
        reject(RejectionReason::BlacklistedUuid,
               QStringLiteral("Blacklisted UUID=%1, connection closed").arg(uuidText));
    } else if (!facts.registered) {
        reject(RejectionReason::NotRegistered,
               QStringLiteral("Not registered UUID=%1, connection closed").arg(uuidText));
    } else if (facts.temporarilyBlacklisted) {
        reject(RejectionReason::TemporarilyBlacklisted,
               QStringLiteral("Temporarily Blacklisted UUID=%1, connection closed").arg(uuidText),
               keys::errorTemporarilyBlacklisted(), uuid);
    } else if (facts.incorrectTypeFlagged) {
        // A worker that found data of the wrong format flagged the session (check 1f).
        m_context.stream->send({"DEL", keys::stream(type, m_sessionUuid)});
        m_context.stream->send({"SREM", keys::incorrectTypeSessions(), m_sessionUuid});
        reject(RejectionReason::IncorrectTypeFlagged,
               QStringLiteral("Incorrect type=%1 detected by worker, uuid=%2").arg(type).arg(uuidText));
    } else {
        return false;
    }
    return true;
}

void IngestSession::kick()
{
    if (m_closing) {
        return;
    }
    qCWarning(lcIngest).noquote() << "Sensor kicked uuid=" << m_uuid << ", session_uuid=" << m_sessionUuid;
    m_context.stats->countRejection(RejectionReason::Kicked);
    close();
}

void IngestSession::close()
{
    if (m_closing) {
        return;
    }
    m_closing = true;
    m_socket->abort();
    finishSession();
}

bool IngestSession::isIdleFor(qint64 ms) const
{
    if (m_waiting || m_paused || m_readScheduled || m_socket->bytesAvailable() > 0) {
        return false;
    }
    return !m_sinceLastBytes.isValid() || m_sinceLastBytes.hasExpired(ms);
}

void IngestSession::reject(RejectionReason reason, const QString &logMessage, const QByteArray &errorText,
                           const QByteArray &errorUuid)
{
    if (m_closing) {
        return;
    }
    m_closing = true;
    m_context.stats->countRejection(reason);
    std::uint64_t suppressed = 0;
    if (m_context.logRate->allow(reason, suppressed)) {
        const QString suffix =
            suppressed ? QStringLiteral(" (%1 similar lines suppressed)").arg(suppressed) : QString();
        if (reason == RejectionReason::HmacMismatch) {
            qCDebug(lcIngest).noquote() << logMessage + suffix;
        } else {
            qCWarning(lcIngest).noquote() << logMessage + suffix;
        }
    }
    if (!errorText.isEmpty()) {
        m_context.metadata->send({"HSET", keys::sensorMetadata(errorUuid.isEmpty() ? m_uuid : errorUuid),
                                  keys::kFieldError, errorText});
    }
    m_socket->abort();
    finishSession();
}

void IngestSession::onIdleTimeout()
{
    if (m_closing) {
        return;
    }
    if (!m_admitted) {
        qCWarning(lcIngest).noquote() << "Timeout, no D4 header send, session_uuid=" << m_sessionUuid;
        m_context.stats->countRejection(RejectionReason::IdleWithoutHeader);
        m_closing = true;
        m_socket->abort();
        finishSession();
        return;
    }
    // An authenticated sensor may stay idle; only its unfinished packet is dropped (as the reference).
    if (m_decoder.bufferedBytes() > 0 && !m_waiting) {
        qCDebug(lcIngest).noquote() << "buffer timeout, session_uuid=" << m_sessionUuid;
        m_decoder.reset();
    }
    m_idleTimer.start();
}

void IngestSession::onRemoteClosed()
{
    // The sensor closed its side: what it sent before closing is still in the socket and decoder
    // buffers (possibly held back by back-pressure). Store it first, then finish.
    if (m_remoteClosed || m_finished) {
        return;
    }
    m_remoteClosed = true;
    if (m_closing || (!m_encrypted && !m_waiting)) {
        finishSession();
        return;
    }
    process();
}

void IngestSession::finishSession()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_closing = true;
    m_idleTimer.stop();
    qCDebug(lcIngest).noquote() << "Connection closed: session_uuid=" << m_sessionUuid;
    releaseConnectionState();
    m_context.stats->connectionClosed();
    Q_EMIT finished(this);
}

void IngestSession::releaseConnectionState()
{
    if (m_dataSaved) {
        // Only sessions that created a stream are announced as ended (spec §9 #4).
        m_context.stream->send({"SADD", keys::endedSessions(), m_sessionUuid});
    }
    if (!m_admitted) {
        return;
    }
    ConnectionBookkeeping(*m_context.stream, *m_context.metadata).closed(m_uuid, m_sessionUuid, m_type);
    if (m_claimed) {
        m_context.registry->release(m_uuid, m_type);
        m_claimed = false;
    }
}

} // namespace d4::ingest
