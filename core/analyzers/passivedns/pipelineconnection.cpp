// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pipelineconnection.h"

#include <charconv>
#include <cstring>
#include <vector>

#include <hiredis/hiredis.h>

namespace d4::passivedns {

PipelineConnection::PipelineConnection(store::RedisEndpoint endpoint, int timeoutMs)
    : m_client(std::move(endpoint), timeoutMs)
{
}

PipelineConnection::~PipelineConnection() = default;

bool PipelineConnection::ensureConnected()
{
    return m_client.ensureConnected();
}

QList<store::RedisValue> PipelineConnection::readReplies(qsizetype count)
{
    QList<store::RedisValue> replies;
    replies.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        void *raw = nullptr;
        if (redisGetReply(m_client.context(), &raw) != REDIS_OK || !raw) {
            m_client.dropConnection();
            return {};
        }
        auto *reply = static_cast<redisReply *>(raw);
        replies.append(store::RedisValue::fromReply(reply));
        freeReplyObject(reply);
    }
    return replies;
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
        if (redisAppendCommandArgv(m_client.context(), static_cast<int>(argv.size()), argv.data(),
                                   lengths.data()) != REDIS_OK) {
            m_client.dropConnection();
            return {};
        }
    }
    return readReplies(commands.size());
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
    if (redisAppendFormattedCommand(m_client.context(), encoded.constData(), size_t(encoded.size())) !=
        REDIS_OK) {
        m_client.dropConnection();
        return false;
    }
    int done = 0;
    while (!done) {
        if (redisBufferWrite(m_client.context(), &done) != REDIS_OK) {
            m_client.dropConnection();
            return false;
        }
    }
    return true;
}

QList<store::RedisValue> PipelineConnection::receive(qsizetype count)
{
    if (!m_client.context()) {
        return {}; // a failed send() dropped the connection, and with it the replies
    }
    return readReplies(count);
}

store::RedisValue PipelineConnection::command(const QByteArrayList &arguments)
{
    const QList<store::RedisValue> replies = run({arguments});
    return replies.isEmpty() ? store::RedisValue::error(m_client.errorString().toUtf8()) : replies.first();
}

} // namespace d4::passivedns
