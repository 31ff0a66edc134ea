// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/ingestserver.h"

#include <hiredis/hiredis.h>
#include <openssl/crypto.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSslKey>
#include <QThread>

#include "ingest/certificatestore.h"
#include "ingest/ingestworker.h"
#include "store/keyschema.h"
#include "store/redisclient.h"

Q_DECLARE_LOGGING_CATEGORY(lcIngest)

namespace d4::ingest {

namespace keys = store::keys;

IngestServer::IngestServer(IngestSettings settings, const ServerIdentity &identity, int threadCount,
                           QObject *parent)
    : QTcpServer(parent)
    , m_settings(std::move(settings))
    , m_threadCount(threadCount > 0 ? threadCount : std::max(1, QThread::idealThreadCount() - 1))
{
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(identity.certificate);
    m_tls.setPrivateKey(identity.privateKey);
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // sensors authenticate with HMAC, not certificates
    // An explicit (empty) CA list stops Qt from adding the system CA directories to every
    // connection's context, where OpenSSL searched them at each handshake to build our chain.
    m_tls.setCaCertificates({});
    // Each ingest thread shares one TLS context between its sessions (SharedTlsContext). Qt's
    // client-side session cache in that context would be written by every handshake: off.
    m_tls.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
    m_tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    m_kickTimer.setInterval(1000);
    connect(&m_kickTimer, &QTimer::timeout, this, &IngestServer::pollKicks);
    connect(&m_kickTimer, &QTimer::timeout, this, &IngestServer::publishRejections);
    m_resumeAccepting.setSingleShot(true);
    m_resumeAccepting.setInterval(200);
    connect(&m_resumeAccepting, &QTimer::timeout, this, [this] {
        if (isListening()) {
            resumeAccepting();
        }
    });
    connect(this, &QTcpServer::acceptError, this, &IngestServer::onAcceptError);
}

IngestServer::~IngestServer()
{
    stop();
}

bool IngestServer::start(const QHostAddress &address, quint16 port, QString &error)
{
    for (int i = 0; i < m_threadCount; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("d4-ingest-%1").arg(i));
        auto *worker = new IngestWorker(m_settings, m_tls, m_stats, m_registry, m_logRate);
        worker->moveToThread(thread.get());
        // At the thread's end, in the thread: the worker (its TLS sessions), then OpenSSL's state for
        // this thread (random generators, error queue). OpenSSL frees that state itself only in a
        // pthread key destructor, which runs after QThread::wait() has returned (Qt's threads are
        // detached), so a process exiting right after stop() raced it and LeakSanitizer reported it.
        connect(
            thread.get(), &QThread::finished, thread.get(),
            [worker] {
                delete worker;
                OPENSSL_thread_stop();
            },
            Qt::DirectConnection);
        thread->start();
        QMetaObject::invokeMethod(worker, &IngestWorker::initialise, Qt::BlockingQueuedConnection);
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
    // Qt's default backlog of 50 overflows when a thousand sensors reconnect at once.
    setListenBacklogSize(4096);
    if (!listen(address, port)) {
        error = QStringLiteral("cannot listen on [%1]:%2: %3")
                    .arg(address.toString())
                    .arg(port)
                    .arg(errorString());
        stop();
        return false;
    }
    m_control = std::make_unique<store::RedisClient>(m_settings.redis.stream, this);
    m_control->start();
    m_metadataControl = std::make_unique<store::RedisClient>(m_settings.redis.metadata, this);
    m_metadataControl->start();
    m_kickTimer.start();
    return true;
}

void IngestServer::onAcceptError(QAbstractSocket::SocketError socketError)
{
    ++m_acceptFailures;
    if (!m_lastAcceptWarning.isValid() || m_lastAcceptWarning.hasExpired(10000)) {
        const QString reason = socketError == QAbstractSocket::SocketResourceError
                                   ? QStringLiteral("out of file descriptors (raise LimitNOFILE / ulimit -n)")
                                   : errorString();
        qCWarning(lcIngest).noquote()
            << QStringLiteral("cannot accept sensor connections: %1; %2 failure(s), "
                              "retrying every 200 ms, waiting sensors stay queued")
                   .arg(reason)
                   .arg(m_acceptFailures);
        m_acceptFailures = 0;
        m_lastAcceptWarning.start();
    }
    m_resumeAccepting.start();
}

void IngestServer::incomingConnection(qintptr descriptor)
{
    IngestWorker *worker = m_workers[m_nextWorker];
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->adopt(descriptor); }, Qt::QueuedConnection);
}

void IngestServer::pollKicks()
{
    if (m_kickInFlight || !m_control) {
        return;
    }
    m_kickInFlight = true;
    m_control->send({"SMEMBERS", keys::sensorsToKick()}, [this](const redisReply &reply) {
        m_kickInFlight = false;
        if (reply.type != REDIS_REPLY_ARRAY) {
            return;
        }
        for (size_t i = 0; i < reply.elements; ++i) {
            const QByteArray uuid(reply.element[i]->str, static_cast<qsizetype>(reply.element[i]->len));
            // The sessions close only once the lock-out is stored, so an immediate reconnect is refused.
            m_control->send({"SET", keys::temporaryBlacklist(uuid), "some random string", "EX",
                             QByteArray::number(m_settings.temporaryBlacklistSeconds)},
                            [this, uuid](const redisReply &) {
                                for (IngestWorker *worker : m_workers) {
                                    QMetaObject::invokeMethod(
                                        worker, [worker, uuid] { worker->kickSensor(uuid); },
                                        Qt::QueuedConnection);
                                }
                            });
            m_control->send({"SREM", keys::sensorsToKick(), uuid});
        }
    });
}

void IngestServer::publishRejections()
{
    // Cumulative per-reason counters in Redis, so a console attached to this server (or to
    // several) can show them; only the increase since the last second is sent.
    const IngestStatsSnapshot now = m_stats.snapshot();
    for (std::size_t i = 0; i < kRejectionReasonCount; ++i) {
        const std::uint64_t delta = now.rejections[i] - m_published.rejections[i];
        if (delta > 0 && m_metadataControl) {
            m_metadataControl->send({"HINCRBY", keys::rejectionCounters(),
                                     rejectionReasonId(static_cast<RejectionReason>(i)),
                                     QByteArray::number(delta)});
        }
    }
    m_published = now;
}

void IngestServer::drainSessions()
{
    if (m_settings.shutdownDrainMs <= 0 || m_workers.empty()) {
        return;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    int idleClosed = 0;
    int draining = 0;
    for (IngestWorker *worker : m_workers) {
        QMetaObject::invokeMethod(
            worker, [worker, &idleClosed, &draining] { draining += worker->beginDrain(idleClosed); },
            Qt::BlockingQueuedConnection);
    }
    if (draining == 0 && idleClosed == 0) {
        return; // nobody connected: nothing worth a log line
    }
    const double drainSeconds = m_settings.shutdownDrainMs / 1000.0;
    QString idleNote;
    if (idleClosed > 0) {
        idleNote = QStringLiteral(" (%1 idle closed at once)").arg(idleClosed);
    }
    qCInfo(lcIngest).noquote() << QStringLiteral("Draining %1 sensor connections for up to %2 s%3")
                                      .arg(draining)
                                      .arg(drainSeconds)
                                      .arg(idleNote);
    // The sessions live on the ingest threads, which keep reading and storing; this thread only
    // watches the count. Polling keeps stop() usable from a thread without an event loop (the
    // console calls it after its event loop has returned).
    const QDeadlineTimer deadline(m_settings.shutdownDrainMs);
    int open = draining;
    while (open > 0 && !deadline.hasExpired()) {
        QThread::msleep(20);
        open = 0;
        for (const IngestWorker *worker : m_workers) {
            open += worker->openSessionCount();
        }
    }
    const QString took = QString::number(static_cast<double>(elapsed.elapsed()) / 1000.0, 'f', 1);
    if (open == 0) {
        qCInfo(lcIngest).noquote()
            << QStringLiteral("Drain finished after %1 s: every sensor connection closed").arg(took);
    } else {
        qCInfo(lcIngest).noquote() << QStringLiteral(
                                          "Drain time over after %1 s: aborting %2 sensor connections")
                                          .arg(took)
                                          .arg(open);
    }
}

void IngestServer::stop(int timeoutMs)
{
    m_kickTimer.stop();
    m_resumeAccepting.stop();
    close();
    drainSessions();
    const QDeadlineTimer deadline(timeoutMs);
    for (IngestWorker *worker : m_workers) {
        QMetaObject::invokeMethod(worker, &IngestWorker::shutdown, Qt::BlockingQueuedConnection);
    }
    // Accepted packets are only safe once Redis has acknowledged them.
    for (IngestWorker *worker : m_workers) {
        qsizetype pending = 0;
        do {
            QMetaObject::invokeMethod(
                worker, [worker] { return worker->pendingRedisCommands(); }, Qt::BlockingQueuedConnection,
                &pending);
            if (pending > 0) {
                QThread::msleep(10);
            }
        } while (pending > 0 && !deadline.hasExpired());
        if (pending > 0) {
            qCWarning(lcIngest) << pending << "Redis commands were still unacknowledged at shutdown";
        }
    }
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
    m_workers.clear();
    publishRejections();
    m_control.reset();
    m_metadataControl.reset();
}

} // namespace d4::ingest
