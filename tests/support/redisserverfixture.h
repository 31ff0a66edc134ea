// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <memory>

#include <QByteArrayList>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>

#include "store/redissyncclient.h"

namespace d4::test {

using RedisReply = d4::store::RedisValue;

/**
 * A private redis-server for one test: a free TCP port on 127.0.0.1 and a unix socket in a
 * temporary directory, no persistence. start() fails (returns false, errorString() says why)
 * when redis-server is missing or does not answer PING within a few seconds.
 */
class RedisServerFixture final
{
public:
    RedisServerFixture();
    ~RedisServerFixture();
    RedisServerFixture(const RedisServerFixture &) = delete;
    RedisServerFixture &operator=(const RedisServerFixture &) = delete;

    bool start();
    /**
     * Stops the server if it runs and starts it again on the same port and directory, as a
     * restarted Redis would come back. Nothing persists by itself; a `SAVE` before the stop makes
     * the new server load that data.
     */
    bool restart();
    void stop();
    /** Kills the server with SIGKILL, as a crash would. */
    void kill();
    bool isRunning() const;
    /** Freezes (SIGSTOP) and thaws (SIGCONT) the server, as a Redis that falls behind would. */
    void pause();
    void resume();

    int port() const { return m_port; }
    QString unixSocketPath() const;
    QString errorString() const { return m_error; }

    /** Runs one command on a connection of the fixture's own, in database @p db. */
    RedisReply command(const QByteArrayList &arguments, int db = 0);
    /** The endpoint of database @p db over TCP. */
    d4::store::RedisEndpoint endpoint(int db = 0) const;

private:
    enum class Launch
    {
        Ready,
        NoAnswer,
        Failed
    };
    Launch launch(int port);
    bool waitUntilReady();

    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
    std::map<int, std::unique_ptr<d4::store::RedisSyncClient>> m_clients;
};

/** Inside a test function: start @p fixture, skipping without redis-server, failing in CI. */
#define D4_START_REDIS(fixture)                                                                              \
    do {                                                                                                     \
        if (!(fixture).start()) {                                                                            \
            if (d4::test::runningInCi() ||                                                                   \
                !d4::test::findProgram(QStringLiteral("redis-server")).isEmpty()) {                          \
                QFAIL(qPrintable((fixture).errorString()));                                                  \
            }                                                                                                \
            QSKIP("redis-server is not installed");                                                          \
        }                                                                                                    \
    } while (false)

} // namespace d4::test
