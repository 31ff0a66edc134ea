// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/redissyncclient.h"

#include <vector>

#include <hiredis/hiredis.h>

#include <sys/socket.h>

namespace d4::store {

void RedisSyncClient::ContextDeleter::operator()(redisContext *context) const
{
    redisFree(context);
}

RedisSyncClient::RedisSyncClient(RedisEndpoint endpoint, int timeoutMs)
    : m_endpoint(std::move(endpoint))
    , m_timeoutMs(timeoutMs)
{
}

RedisSyncClient::~RedisSyncClient() = default;

void RedisSyncClient::resetContext(redisContext *context)
{
    std::lock_guard lock(m_contextMutex);
    m_context.reset(context);
}

bool RedisSyncClient::ensureConnected()
{
    if (m_context && m_context->err == 0) {
        return true;
    }
    resetContext();
    const timeval timeout{m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    redisContext *context =
        m_endpoint.unixSocket.isEmpty()
            ? redisConnectWithTimeout(m_endpoint.host.toLocal8Bit().constData(), m_endpoint.port, timeout)
            : redisConnectUnixWithTimeout(m_endpoint.unixSocket.toLocal8Bit().constData(), timeout);
    if (!context || context->err) {
        m_error = QStringLiteral("cannot connect to Redis at %1: %2")
                      .arg(m_endpoint.describe(), context ? QString::fromLocal8Bit(context->errstr)
                                                          : QStringLiteral("out of memory"));
        redisFree(context);
        return false;
    }
    redisSetTimeout(context, timeout);
    resetContext(context);
    if (!m_endpoint.password.isEmpty()) {
        const RedisValue auth = execute({"AUTH", m_endpoint.password.toUtf8()});
        if (auth.isError()) {
            m_error = QStringLiteral("Redis at %1 refused the password: %2")
                          .arg(m_endpoint.describe(), QString::fromUtf8(auth.string));
            resetContext();
            return false;
        }
    }
    if (m_endpoint.db != 0) {
        const RedisValue select = execute({"SELECT", QByteArray::number(m_endpoint.db)});
        if (select.isError()) {
            m_error = QStringLiteral("Redis at %1 refused SELECT: %2")
                          .arg(m_endpoint.describe(), QString::fromUtf8(select.string));
            resetContext();
            return false;
        }
    }
    return true;
}

void RedisSyncClient::dropConnection()
{
    if (m_context) {
        m_error = QStringLiteral("Redis at %1: %2")
                      .arg(m_endpoint.describe(), QString::fromLocal8Bit(m_context->errstr));
    }
    resetContext();
}

void RedisSyncClient::interrupt()
{
    std::lock_guard lock(m_contextMutex);
    if (m_context && m_context->fd >= 0) {
        // The read side only: a blocked read returns at once (end of stream), while a write still
        // in progress cannot raise SIGPIPE.
        ::shutdown(m_context->fd, SHUT_RD);
    }
}

RedisValue RedisSyncClient::execute(const QByteArrayList &arguments)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(static_cast<size_t>(arguments.size()));
    lengths.reserve(static_cast<size_t>(arguments.size()));
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(static_cast<size_t>(argument.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(m_context.get(), static_cast<int>(argv.size()), argv.data(), lengths.data()));
    if (!reply) {
        dropConnection();
        return RedisValue::error(m_error.toUtf8());
    }
    RedisValue value = RedisValue::fromReply(reply);
    freeReplyObject(reply);
    return value;
}

RedisValue RedisSyncClient::command(const QByteArrayList &arguments)
{
    if (!ensureConnected()) {
        return RedisValue::error(m_error.toUtf8());
    }
    return execute(arguments);
}

QList<RedisValue> RedisSyncClient::pipeline(const QList<QByteArrayList> &commands)
{
    QList<RedisValue> results;
    results.reserve(commands.size());
    if (!ensureConnected()) {
        for (qsizetype i = 0; i < commands.size(); ++i) {
            results.append(RedisValue::error(m_error.toUtf8()));
        }
        return results;
    }
    for (const QByteArrayList &arguments : commands) {
        std::vector<const char *> argv;
        std::vector<size_t> lengths;
        argv.reserve(static_cast<size_t>(arguments.size()));
        lengths.reserve(static_cast<size_t>(arguments.size()));
        for (const QByteArray &argument : arguments) {
            argv.push_back(argument.constData());
            lengths.push_back(static_cast<size_t>(argument.size()));
        }
        redisAppendCommandArgv(m_context.get(), static_cast<int>(argv.size()), argv.data(), lengths.data());
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void *reply = nullptr;
        if (!m_context || redisGetReply(m_context.get(), &reply) != REDIS_OK || !reply) {
            if (m_context) {
                m_error = QStringLiteral("Redis at %1: %2")
                              .arg(m_endpoint.describe(), QString::fromLocal8Bit(m_context->errstr));
                m_context.reset();
            }
            results.append(RedisValue::error(m_error.toUtf8()));
            continue;
        }
        results.append(RedisValue::fromReply(static_cast<redisReply *>(reply)));
        freeReplyObject(reply);
    }
    return results;
}

bool RedisSyncClient::ping()
{
    const RedisValue pong = command({"PING"});
    if (pong.kind == RedisValue::Kind::Status && pong.string == "PONG") {
        return true;
    }
    if (pong.isError()) {
        m_error = QString::fromUtf8(pong.string);
    }
    return false;
}

} // namespace d4::store
