// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "ingest/ingestcontext.h"
#include "ingest/rejectionreason.h"
#include "protocol/framedecoder.h"

class QSslSocket;
class QSslConfiguration;

namespace d4::protocol {
class HmacSha256;
}

namespace d4::ingest {

/**
 * One sensor connection: TLS, framing, the reference server's checks in its order (spec §2.3–2.7,
 * with the fixes of §9), HMAC, and the pipelined writes of every accepted packet.
 *
 * Checks that need Redis are sent as one pipelined batch and evaluated in the reference's order
 * when the replies are in; the session reads nothing more from its socket meanwhile. Blacklists
 * and registrations are re-read once per accessRecheckIntervalMs for live sessions (recheckAccess),
 * where the reference re-reads them for every header.
 *
 * Thread affinity: the ingest thread that created it. Deletes itself when the connection ends.
 */
class IngestSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestSession)

public:
    IngestSession(const IngestContext &context, const QSslConfiguration &tls, QObject *parent = nullptr);
    ~IngestSession() override;

    /** Takes the accepted socket descriptor, checks the peer IP, then starts TLS. */
    void start(qintptr descriptor);

    /** Resumes reading after a back-pressure pause. */
    void resume();

    /** Re-reads blacklists and registration for this session and closes it if they now refuse it. */
    void recheckAccess();

    /** Closes the connection because the sensor was kicked (counted as a rejection). */
    void kick();
    /** Closes the connection (server shutdown). */
    void close();
    /**
     * True when no bytes arrived from the sensor for @p ms and nothing it sent is still waiting to
     * be stored (in the socket, behind back-pressure or behind a Redis check). Closing such a
     * session loses at most an unfinished packet.
     */
    bool isIdleFor(qint64 ms) const;

    QByteArray sensorUuid() const { return m_uuid; }
    QByteArray sessionUuid() const { return m_sessionUuid; }
    QByteArray peerIp() const { return m_ip; }
    bool isAdmitted() const noexcept { return m_admitted; }

Q_SIGNALS:
    void finished(d4::ingest::IngestSession *session);

private:
    void onReadyRead();
    void process();
    bool readFromSocket();
    void admitFirstHeader(const protocol::Header &header);
    void evaluateAdmission(const protocol::Header &header, const struct AdmissionFacts &replies);
    bool handleHeaderChange(const protocol::Header &header);
    /** Closes the session when @p facts say it may no longer stream; true if it did. */
    bool rejectIfRevoked(const struct AdmissionFacts &facts, const QByteArray &uuid, int type);
    void switchToExtendedType();
    void store(const protocol::Frame &frame);
    void checkStreamLength();
    void reject(RejectionReason reason, const QString &logMessage, const QByteArray &errorText = {},
                const QByteArray &errorUuid = {});
    void onIdleTimeout();
    void onRemoteClosed();
    void finishSession();
    void releaseConnectionState();

    IngestContext m_context;
    std::unique_ptr<QSslSocket> m_socket;
    protocol::FrameDecoder m_decoder;
    std::unique_ptr<protocol::HmacSha256> m_hmac;
    QTimer m_idleTimer;
    QElapsedTimer m_sinceLastBytes; ///< restarted whenever bytes arrive (shutdown drain)

    QByteArray m_sessionUuid; ///< dashed, as d4-core's str(uuid4())
    QByteArray m_ip;
    quint16 m_port = 0;
    QByteArray m_uuid; ///< 32 hex, set once admitted
    protocol::Uuid m_rawUuid{};
    int m_type = -1;
    qint64 m_streamLimit = 10000;
    qint64 m_streamLengthEstimate = 0;
    qint64 m_lastEntryMs = 0;   ///< ID of the last XADD: milliseconds part
    qint64 m_entrySequence = 0; ///< ID of the last XADD: sequence part

    bool m_waiting = false; ///< a Redis check is in flight; do not process
    bool m_paused = false;  ///< stopped by back-pressure
    bool m_admitted = false;
    bool m_claimed = false; ///< holds the registry claim for (uuid, type)
    bool m_dataSaved = false;
    bool m_updateStreamType = true;
    bool m_closing = false;
    bool m_finished = false;
    bool m_readScheduled = false;
    bool m_encrypted = false;
    bool m_remoteClosed = false; ///< the peer closed; finish once its buffered data is stored
};

} // namespace d4::ingest
