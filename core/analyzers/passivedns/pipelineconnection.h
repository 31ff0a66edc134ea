// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <initializer_list>

#include <QByteArrayList>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include "store/redisendpoint.h"
#include "store/redissyncclient.h"
#include "store/redisvalue.h"

namespace d4::passivedns {

/**
 * A blocking hiredis connection that sends a whole batch of commands before reading the replies
 * (one round trip per batch): the store's writer and the lookup server use one each, on their own
 * thread. store::RedisSyncClient does one round trip per command; store::RedisClient needs an event
 * loop and owns delivery, which a lookup request does not want. The connection itself (connect,
 * AUTH, SELECT) is a RedisSyncClient's. Reconnects on the next call after a failure. One thread at a
 * time.
 */
class PipelineConnection final
{
public:
    explicit PipelineConnection(store::RedisEndpoint endpoint, int timeoutMs = 5000);
    ~PipelineConnection();
    PipelineConnection(const PipelineConnection &) = delete;
    PipelineConnection &operator=(const PipelineConnection &) = delete;

    /**
     * Runs @p commands in one round trip. Returns one value per command, or an empty list when the
     * connection failed (errorString() says why; the next call reconnects).
     */
    QList<store::RedisValue> run(const QList<QByteArrayList> &commands);
    store::RedisValue command(const QByteArrayList &arguments);

    /**
     * Streaming use for large batches (the store's writer): encode() appends commands to a buffer in
     * the Redis protocol, send() writes a buffer out without waiting for the replies, so that Redis
     * executes it while the caller encodes the next one; receive() then reads the replies of
     * everything sent, in order. A failure drops the connection and every reply still pending.
     */
    static void encode(QByteArray &buffer, std::initializer_list<QByteArrayView> arguments);
    static void encode(QByteArray &buffer, const QByteArrayList &arguments);
    bool send(const QByteArray &encoded);
    /** Reads @p count replies of commands sent with send(); an empty list when the connection failed. */
    QList<store::RedisValue> receive(qsizetype count);

    bool ensureConnected();
    QString errorString() const { return m_client.errorString(); }
    const store::RedisEndpoint &endpoint() const noexcept { return m_client.endpoint(); }

private:
    /** Reads @p count replies; an empty list (and the connection dropped) on failure. */
    QList<store::RedisValue> readReplies(qsizetype count);

    store::RedisSyncClient m_client;
};

} // namespace d4::passivedns
