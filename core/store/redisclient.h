// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include <QByteArrayList>
#include <QObject>
#include <QTimer>

#include "store/redisendpoint.h"

struct redisAsyncContext;
struct redisReply;
class QSocketNotifier;

namespace d4::store {

/**
 * A pipelined, non-blocking Redis connection driven by the owning thread's Qt event loop
 * (hiredis' async API with a small QSocketNotifier adapter of our own: the adapter bundled with
 * hiredis 0.14 relies on string-based connects).
 *
 * Delivery is at least once: a command stays queued until Redis has replied to it. When the
 * connection drops, commands without a reply are sent again, in their original order, after the
 * automatic reconnect. A callback runs once, with the real reply (which may be a Redis error).
 * pending() counts queued plus unanswered commands so callers can apply back-pressure.
 *
 * Thread affinity: create, use and destroy on one thread.
 */
class RedisClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisClient)

public:
    using Callback = std::function<void(const redisReply &)>;

    explicit RedisClient(RedisEndpoint endpoint, QObject *parent = nullptr);
    ~RedisClient() override;

    /** Starts connecting (and reconnecting after every loss). */
    void start();

    /** Queues a command; it is written on the next event-loop pass (commands are batched). */
    void send(QByteArrayList arguments, Callback callback = {});

    qsizetype pending() const noexcept { return static_cast<qsizetype>(m_queue.size() + m_inFlight.size()); }
    bool isConnected() const noexcept { return m_connected; }
    const RedisEndpoint &endpoint() const noexcept { return m_endpoint; }

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    /** Emitted when pending() falls to @p lowWatermark or below after being above it. */
    void drained();

public:
    /**
     * Back-pressure thresholds in commands and in bytes of arguments (a few large payloads must
     * stop readers as surely as many small ones); defaults 4096/1024 commands, 32/8 MiB.
     */
    void setWatermarks(qsizetype high, qsizetype low, qint64 highBytes = 32 << 20, qint64 lowBytes = 8 << 20);
    bool isAboveHighWatermark() const noexcept
    {
        return pending() >= m_highWatermark || m_pendingBytes >= m_highWatermarkBytes;
    }
    /** Bytes of arguments of the commands counted by pending(). */
    qint64 pendingBytes() const noexcept { return m_pendingBytes; }

private:
    struct Command
    {
        QByteArrayList arguments;
        Callback callback;
        qint64 bytes = 0;
    };

    friend struct RedisClientAdapter;

    void connectNow();
    void scheduleReconnect();
    void scheduleFlush();
    void flush();
    void onConnected(int status);
    void onDisconnected(int status);
    void onReply(redisReply *reply);
    enum class Internal
    {
        Setup,
        ReadinessProbe
    };
    void dispatch(const Command &command, std::optional<Internal> internal);
    void probeReadiness();
    void reportUnhandledError(const Command &command, const redisReply &reply);
    void checkDrained();
    void dropNotifiers();
    static bool isTransientError(const redisReply &reply);

    RedisEndpoint m_endpoint;
    redisAsyncContext *m_context = nullptr;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::deque<Command> m_queue;     ///< not yet written
    std::deque<Command> m_inFlight;  ///< written, waiting for the reply (in order)
    std::deque<Internal> m_internal; ///< replies of our own commands (AUTH, SELECT, INFO) still due
    bool m_ready = false;            ///< connected and done loading: user commands may flow
    quint64 m_unhandledErrors = 0;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 100;
    bool m_connected = false;
    bool m_flushScheduled = false;
    bool m_discarding = false; ///< replies after a transient error are ignored until the reconnect
    bool m_wasAboveHigh = false;
    qsizetype m_highWatermark = 4096;
    qsizetype m_lowWatermark = 1024;
    qint64 m_highWatermarkBytes = 32 << 20;
    qint64 m_lowWatermarkBytes = 8 << 20;
    qint64 m_pendingBytes = 0;
};

} // namespace d4::store
