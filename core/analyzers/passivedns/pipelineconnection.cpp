// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pipelineconnection.h"

#include <charconv>
#include <cstring>
#include <vector>

#include <hiredis/hiredis.h>

namespace d4::passivedns {

void PipelineConnection::ContextDeleter::operator()(redisContext *context) const
{
    redisFree(context);
}

PipelineConnection::PipelineConnection(store::RedisEndpoint endpoint, int timeoutMs)
    : m_endpoint(std::move(endpoint))
    , m_timeoutMs(timeoutMs)
{
}

PipelineConnection::~PipelineConnection() = default;

bool PipelineConnection::ensureConnected()
{
    if (m_context && m_context->err == 0) {
        return true;
    }
    m_context.reset();
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
    m_context.reset(context);
    QList<QByteArrayList> setup;
    if (!m_endpoint.password.isEmpty()) {
        setup.append({"AUTH", m_endpoint.password.toUtf8()});
    }
    if (m_endpoint.db != 0) {
        setup.append({"SELECT", QByteArray::number(m_endpoint.db)});
    }
    if (!setup.isEmpty()) {
        const QList<store::RedisValue> replies = run(setup);
        for (const store::RedisValue &reply : replies) {
            if (reply.isError()) {
                m_error = QStringLiteral("Redis at %1 refused the connection set-up: %2")
                              .arg(m_endpoint.describe(), QString::fromUtf8(reply.string));
                m_context.reset();
                return false;
            }
        }
        if (replies.isEmpty()) {
            return false;
        }
    }
    return true;
}

QList<store::RedisValue> PipelineConnection::run(const QList<QByteArrayList> &commands)
{
    if (!ensureConnected()) {
        return {};
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArrayList &arguments : commands) {
        argv.clear();
        lengths.clear();
        for (const QByteArray &argument : arguments) {
            argv.push_back(argument.constData());
            lengths.push_back(static_cast<size_t>(argument.size()));
        }
        if (redisAppendCommandArgv(m_context.get(), static_cast<int>(argv.size()), argv.data(),
                                   lengths.data()) != REDIS_OK) {
            m_error = QStringLiteral("Redis at %1: %2")
                          .arg(m_endpoint.describe(), QString::fromLocal8Bit(m_context->errstr));
            m_context.reset();
            return {};
        }
    }
    QList<store::RedisValue> replies;
    replies.reserve(commands.size());
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void *raw = nullptr;
        if (redisGetReply(m_context.get(), &raw) != REDIS_OK || !raw) {
            m_error = QStringLiteral("Redis at %1: %2")
                          .arg(m_endpoint.describe(), QString::fromLocal8Bit(m_context->errstr));
            m_context.reset();
            return {};
        }
        auto *reply = static_cast<redisReply *>(raw);
        replies.append(store::RedisValue::fromReply(reply));
        freeReplyObject(reply);
    }
    return replies;
}

void PipelineConnection::fail()
{
    m_error = QStringLiteral("Redis at %1: %2")
                  .arg(m_endpoint.describe(), QString::fromLocal8Bit(m_context->errstr));
    m_context.reset();
}

namespace {

template <typename Arguments> void encodeCommand(QByteArray &buffer, const Arguments &arguments)
{
    // RESP multi-bulk: *<n>\r\n then $<length>\r\n<bytes>\r\n per argument. Sized first and
    // copied with memcpy: QByteArray::append() costs more than the copy for these short pieces.
    constexpr qsizetype kHeaderMax = 1 + 20 + 2;
    qsizetype bound = kHeaderMax;
    for (const QByteArrayView argument : arguments) {
        bound += kHeaderMax + argument.size() + 2;
    }
    const qsizetype start = buffer.size();
    buffer.resize(start + bound);
    char *const begin = buffer.data() + start;
    char *out = begin;
    auto header = [&out](char marker, size_t value) {
        *out++ = marker;
        out = std::to_chars(out, out + 20, value).ptr;
        *out++ = '\r';
        *out++ = '\n';
    };
    header('*', size_t(arguments.size()));
    for (const QByteArrayView argument : arguments) {
        header('$', size_t(argument.size()));
        if (!argument.isEmpty()) {
            std::memcpy(out, argument.data(), size_t(argument.size()));
            out += argument.size();
        }
        *out++ = '\r';
        *out++ = '\n';
    }
    buffer.resize(start + (out - begin));
}

} // namespace

void PipelineConnection::encode(QByteArray &buffer, std::initializer_list<QByteArrayView> arguments)
{
    encodeCommand(buffer, arguments);
}

void PipelineConnection::encode(QByteArray &buffer, const QByteArrayList &arguments)
{
    encodeCommand(buffer, arguments);
}

bool PipelineConnection::send(const QByteArray &encoded)
{
    if (!ensureConnected()) {
        return false;
    }
    if (encoded.isEmpty()) {
        return true;
    }
    if (redisAppendFormattedCommand(m_context.get(), encoded.constData(), size_t(encoded.size())) !=
        REDIS_OK) {
        fail();
        return false;
    }
    int done = 0;
    while (!done) {
        if (redisBufferWrite(m_context.get(), &done) != REDIS_OK) {
            fail();
            return false;
        }
    }
    return true;
}

QList<store::RedisValue> PipelineConnection::receive(qsizetype count)
{
    QList<store::RedisValue> replies;
    if (!m_context) {
        return replies; // a failed send() dropped the connection, and with it the replies
    }
    replies.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        void *raw = nullptr;
        if (redisGetReply(m_context.get(), &raw) != REDIS_OK || !raw) {
            fail();
            return {};
        }
        auto *reply = static_cast<redisReply *>(raw);
        replies.append(store::RedisValue::fromReply(reply));
        freeReplyObject(reply);
    }
    return replies;
}

store::RedisValue PipelineConnection::command(const QByteArrayList &arguments)
{
    const QList<store::RedisValue> replies = run({arguments});
    return replies.isEmpty() ? store::RedisValue::error(m_error.toUtf8()) : replies.first();
}

} // namespace d4::passivedns
