// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include "ingest/activeconnectionregistry.h"
#include "ingest/ingestsettings.h"
#include "ingest/ingeststats.h"
#include "ingest/lograte.h"

class QThread;

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

class IngestWorker;
struct ServerIdentity;

/**
 * The D4 TLS listener. Accepted descriptors go round-robin to N ingest threads, each of which
 * creates the QSslSocket itself (moving sockets across threads later races Qt's notifiers).
 * This object also polls server:sensor_to_kick once a second and fans kicks out to the threads.
 *
 * Thread affinity: the thread that created it (normally the main thread).
 */
class IngestServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestServer)

public:
    IngestServer(IngestSettings settings, const ServerIdentity &identity, int threadCount,
                 QObject *parent = nullptr);
    ~IngestServer() override;

    /** Starts the threads and listens on @p address:@p port (port 0 picks a free one). */
    bool start(const QHostAddress &address, quint16 port, QString &error);

    /**
     * Stops listening, drains the connected sessions (settings.shutdownDrainMs: sensors may finish
     * and close; idle ones are closed at once), aborts the sessions left, waits (at most
     * @p timeoutMs) for Redis writes and joins the threads. Blocks the calling thread for up to
     * the drain time plus @p timeoutMs; the sessions run on the ingest threads meanwhile.
     */
    void stop(int timeoutMs = 5000);

    IngestStatsSnapshot statistics() const { return m_stats.snapshot(); }
    int threadCount() const { return static_cast<int>(m_workers.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void pollKicks();
    void publishRejections();
    /**
     * QTcpServer pauses accepting for good when accept() fails with anything but a temporary error
     * (EMFILE/ENFILE: out of descriptors). Connections then wait in the backlog; this logs the
     * failure (at most once per 10 s, with the count) and resumes accepting after a short pause,
     * so the server takes sensors again as soon as descriptors are free.
     */
    void onAcceptError(QAbstractSocket::SocketError socketError);
    /** The drain part of stop(); returns when every session is closed or the drain time is over. */
    void drainSessions();

    IngestSettings m_settings;
    QSslConfiguration m_tls;
    int m_threadCount;
    IngestStats m_stats;
    ActiveConnectionRegistry m_registry;
    LogRate m_logRate;
    IngestStatsSnapshot m_published; ///< counters already added to Redis
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<IngestWorker *> m_workers;
    std::size_t m_nextWorker = 0;
    std::unique_ptr<store::RedisClient> m_control;         ///< STREAM: kicks
    std::unique_ptr<store::RedisClient> m_metadataControl; ///< METADATA: rejection counters
    QTimer m_kickTimer;
    QTimer m_resumeAccepting;
    QElapsedTimer m_lastAcceptWarning;
    quint64 m_acceptFailures = 0; ///< since the last warning
    bool m_kickInFlight = false;
};

} // namespace d4::ingest
