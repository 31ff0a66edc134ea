// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include "store/redisendpoint.h"

namespace d4::store {

/**
 * A redis-server child owned by d4-server or the embedded console, used when no external Redis
 * is configured: data under <dataDirectory>/redis with AOF persistence, a unix socket with
 * owner-only permissions, TCP off unless a port is given. It is restarted when it dies and
 * shut down (SHUTDOWN SAVE via SIGTERM) when this object stops or is destroyed, or when its owner
 * dies without stopping it (the kernel's parent-death signal). A redis-server that an earlier run
 * left on the same directory (its pid file, redis.pid) is stopped before a new one starts.
 *
 * The roles share the one server in d4-core's database layout of its 6380 instance:
 * METADATA db 0, ANALYZER db 2 (where D4 analyzers look), STREAM db 4.
 *
 * Thread affinity: the thread that created it (normally the main thread).
 */
class ManagedRedisServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagedRedisServer)

public:
    ManagedRedisServer(QString executable, QString dataDirectory, int tcpPort = 0, QObject *parent = nullptr);
    ~ManagedRedisServer() override;

    /** Starts the server and waits (at most @p timeoutMs) until it answers PING. */
    bool start(int timeoutMs = 10000);
    void stop();

    QString errorString() const { return m_error; }
    QString socketPath() const;
    int restartCount() const noexcept { return m_restarts; }
    qint64 processId() const { return m_process.processId(); }

    /** The three roles on this server. */
    RedisRoles roles() const;
    /** redis-server's pid file: present while it runs. */
    QString pidFilePath() const;

Q_SIGNALS:
    /** The child died unexpectedly and is being restarted. */
    void crashed(const QString &reason);
    void restarted();

private:
    bool stopLeftover();
    bool launch();
    bool waitUntilReady(int timeoutMs);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_executable;
    QString m_directory;
    int m_tcpPort;
    QProcess m_process;
    QTimer m_restartTimer;
    QString m_error;
    int m_restarts = 0;
    bool m_stopping = false;
};

} // namespace d4::store
