// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <mutex>

#include <QByteArrayList>
#include <QString>

#include "store/redisendpoint.h"
#include "store/redisvalue.h"

struct redisContext;

namespace d4::store {

/**
 * A blocking Redis connection for start-up, management commands and tests: each command is one
 * round trip. Never use it on the GUI thread or in the per-packet path. Reconnects on the next
 * command after a failure. One thread at a time, except interrupt().
 *
 * It also owns the connection (connect, AUTH, SELECT) of code that drives hiredis itself, such as
 * passivedns::PipelineConnection: ensureConnected() then context(), and dropConnection() on failure.
 */
class RedisSyncClient final
{
public:
    explicit RedisSyncClient(RedisEndpoint endpoint, int timeoutMs = 2000);
    ~RedisSyncClient();
    RedisSyncClient(const RedisSyncClient &) = delete;
    RedisSyncClient &operator=(const RedisSyncClient &) = delete;

    /** Runs one command; connection failures come back as an Error value. */
    RedisValue command(const QByteArrayList &arguments);
    /**
     * Sends every command, then reads every reply: one round trip for all. The result has one value
     * per command, in order; after a connection failure the failed and remaining ones are Error
     * values. Commands of a MULTI ... EXEC block run atomically; their results are in EXEC's array.
     */
    QList<RedisValue> pipeline(const QList<QByteArrayList> &commands);

    /** PING; on failure errorString() says why. */
    bool ping();
    QString errorString() const { return m_error; }
    const RedisEndpoint &endpoint() const noexcept { return m_endpoint; }

    /** Connects (with AUTH and SELECT) unless connected; false with errorString() on failure. */
    bool ensureConnected();
    /** The connected hiredis context (after ensureConnected()), or null. */
    redisContext *context() const noexcept { return m_context.get(); }
    /**
     * Drops the connection after a failure of the context: errorString() becomes "Redis at
     * <endpoint>: <the context's error>". The next command reconnects.
     */
    void dropConnection();
    /**
     * Thread-safe: makes a command blocked in another thread (BRPOPLPUSH...) fail at once by shutting
     * the socket's read side down. Used to stop a consumer promptly; the next command reconnects.
     */
    void interrupt();

private:
    RedisValue execute(const QByteArrayList &arguments);
    void resetContext(redisContext *context = nullptr);

    struct ContextDeleter
    {
        void operator()(redisContext *context) const;
    };
    RedisEndpoint m_endpoint;
    int m_timeoutMs;
    std::unique_ptr<redisContext, ContextDeleter> m_context;
    std::mutex m_contextMutex; ///< guards replacing m_context against interrupt()
    QString m_error;
};

} // namespace d4::store
