// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace d4::test {

class RedisServerFixture;

/**
 * The real d4-server binary on a free port, its three Redis roles pointed at a test
 * redis-server (METADATA db 0, ANALYZER db 2, STREAM db 4, like the managed layout).
 */
class D4ServerProcess final
{
public:
    D4ServerProcess();
    ~D4ServerProcess();
    D4ServerProcess(const D4ServerProcess &) = delete;
    D4ServerProcess &operator=(const D4ServerProcess &) = delete;

    /** The `key = value` lines of [D4_Server]; by default shared-secret mode with workers off. */
    void setServerOptions(const QString &lines) { m_serverOptions = lines; }
    /** A `password = …` line in every Redis section start() writes (a Redis with requirepass). */
    void setRedisPassword(const QString &password) { m_redisPassword = password; }
    /**
     * Runs @p modifier in the child between fork and exec (e.g. setrlimit for fault tests); it
     * must only call async-signal-safe functions.
     */
    void setChildProcessModifier(const std::function<void()> &modifier)
    {
        m_process.setChildProcessModifier(modifier);
    }
    /** The environment d4-server starts with (default: this process's). */
    void setProcessEnvironment(const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
    }
    /** More command-line arguments, e.g. --verbose. */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    /** Starts d4-server against @p redis; returns false with errorString() when it does not come up. */
    bool start(const RedisServerFixture &redis);
    /** Starts d4-server with its own managed redis-server (no Redis sections). */
    bool startManaged();
    /** The managed redis-server's unix socket. */
    QString managedRedisSocket() const { return dataDirectory() + QStringLiteral("/redis/redis.sock"); }
    /** SIGTERM and wait for a clean exit. */
    bool stop();
    void kill();
    /** SIGTERM without waiting (the shutdown drain runs meanwhile); starts msSinceStopRequest(). */
    void requestStop();
    /** Waits up to @p timeoutMs for the process to end; true once it has ended. */
    bool waitForExit(int timeoutMs);
    qint64 msSinceStopRequest() const { return m_stopRequested.isValid() ? m_stopRequested.elapsed() : -1; }
    /** True after the process ended by itself with exit code 0. */
    bool exitedCleanly() const
    {
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit &&
               m_process.exitCode() == 0;
    }

    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }
    QString fingerprint() const { return m_fingerprint; }
    QString errorString() const { return m_error; }
    QByteArray output() { return m_output += m_process.readAllStandardError(), m_output; }
    QString dataDirectory() const
    {
        return m_dataDirectory.isEmpty() ? m_dir.filePath(QStringLiteral("data")) : m_dataDirectory;
    }
    /** Another data directory than this object's own (e.g. the one of another D4ServerProcess). */
    void setDataDirectory(const QString &path) { m_dataDirectory = path; }

    static constexpr int kMetadataDb = 0;
    static constexpr int kAnalyzerDb = 2;
    static constexpr int kStreamDb = 4;

private:
    bool launch(const QString &configText);

    QTemporaryDir m_dir;
    QProcess m_process;
    // Ingest tests look at the streams themselves, so workers (which drain them) are off unless a
    // test's options turn them on.
    QString m_serverOptions = QStringLiteral("server_mode = shared-secret\nworkers = no\n");
    QString m_redisPassword;
    QStringList m_extraArguments;
    QString m_dataDirectory;
    quint16 m_port = 0;
    QString m_fingerprint;
    QString m_error;
    QByteArray m_output;
    QElapsedTimer m_stopRequested;
};

} // namespace d4::test
