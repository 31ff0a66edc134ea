// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QByteArrayList>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>

struct redisContext;

namespace d4::test {

/** A reply of the fixture's synchronous test client, flattened into Qt types. */
struct RedisReply
{
    enum class Kind { Nil, Status, Error, Integer, String, Array };
    Kind kind = Kind::Nil;
    QByteArray string;         ///< Status, Error, String
    long long integer = 0;     ///< Integer
    QList<RedisReply> elements; ///< Array

    bool isNil() const { return kind == Kind::Nil; }
    /** Array of strings as a sorted list (for set comparisons). */
    QByteArrayList sortedStrings() const;
};

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
    void stop();
    /** Kills the server with SIGKILL, as a crash would. */
    void kill();
    bool isRunning() const;

    int port() const { return m_port; }
    QString unixSocketPath() const;
    QString errorString() const { return m_error; }

    /** Runs one command on a connection of the fixture's own (db 0 unless SELECTed through db). */
    RedisReply command(const QByteArrayList &arguments, int db = 0);

private:
    bool waitUntilReady();
    redisContext *connection(int db);

    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
    struct ContextDeleter
    {
        void operator()(redisContext *context) const;
    };
    std::unique_ptr<redisContext, ContextDeleter> m_context;
    int m_contextDb = -1;
};

/** Inside a test function: start @p fixture, skipping without redis-server, failing in CI. */
#define D4_START_REDIS(fixture)                                                                              \
    do {                                                                                                     \
        if (!(fixture).start()) {                                                                            \
            if (d4::test::runningInCi() || !d4::test::findProgram(QStringLiteral("redis-server")).isEmpty()) { \
                QFAIL(qPrintable((fixture).errorString()));                                                  \
            }                                                                                                \
            QSKIP("redis-server is not installed");                                                          \
        }                                                                                                    \
    } while (false)

} // namespace d4::test
