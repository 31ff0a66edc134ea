// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/redisclient.h"

#include <vector>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <QLoggingCategory>
#include <QSocketNotifier>

Q_LOGGING_CATEGORY(lcRedis, "d4.redis")

namespace d4::store {

// hiredis calls these C hooks; they forward to the client stored in ev.data / the context data.
struct RedisClientAdapter
{
    static RedisClient *client(void *data) { return static_cast<RedisClient *>(data); }

    static void addRead(void *data) { client(data)->m_readNotifier->setEnabled(true); }
    static void delRead(void *data) { client(data)->m_readNotifier->setEnabled(false); }
    static void addWrite(void *data) { client(data)->m_writeNotifier->setEnabled(true); }
    static void delWrite(void *data) { client(data)->m_writeNotifier->setEnabled(false); }
    static void cleanup(void *data) { client(data)->dropNotifiers(); }

    // context->data is cleared by ~RedisClient before redisAsyncFree, which still calls these.
    static void connectCallback(const redisAsyncContext *context, int status)
    {
        if (context->data) {
            client(context->data)->onConnected(status);
        }
    }
    static void disconnectCallback(const redisAsyncContext *context, int status)
    {
        if (context->data) {
            client(context->data)->onDisconnected(status);
        }
    }
    static void replyCallback(redisAsyncContext *context, void *reply, void *)
    {
        // A null reply means the context is going away; the command is retried after reconnect.
        if (reply && context->data) {
            client(context->data)->onReply(static_cast<redisReply *>(reply));
        }
    }
};

RedisClient::RedisClient(RedisEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisClient::connectNow);
}

RedisClient::~RedisClient()
{
    if (m_context) {
        m_context->data = nullptr;
        // No cleanup hook: it hands the notifiers to deleteLater(), which never runs when the client
        // dies after its thread's event loop (a worker deleted when its thread finishes, or anything
        // destroyed after exec() returned), so they leaked. Here no notifier signal can be running:
        // the members delete them right after.
        m_context->ev.cleanup = nullptr;
        redisAsyncContext *context = m_context;
        m_context = nullptr;
        redisAsyncFree(context);
    }
}

void RedisClient::setWatermarks(qsizetype high, qsizetype low, qint64 highBytes, qint64 lowBytes)
{
    m_highWatermark = high;
    m_lowWatermark = low;
    m_highWatermarkBytes = highBytes;
    m_lowWatermarkBytes = lowBytes;
}

void RedisClient::start()
{
    connectNow();
}

void RedisClient::connectNow()
{
    if (m_context) {
        return;
    }
    redisAsyncContext *context =
        m_endpoint.unixSocket.isEmpty()
            ? redisAsyncConnect(m_endpoint.host.toLocal8Bit().constData(), m_endpoint.port)
            : redisAsyncConnectUnix(m_endpoint.unixSocket.toLocal8Bit().constData());
    if (!context) {
        scheduleReconnect();
        return;
    }
    if (context->err) {
        qCDebug(lcRedis) << "connect to" << m_endpoint.describe() << "failed:" << context->errstr;
        redisAsyncFree(context);
        scheduleReconnect();
        return;
    }
    m_context = context;
    context->data = this;
    const int fd = context->c.fd;
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, [this] {
        if (m_context) {
            redisAsyncHandleRead(m_context);
        }
    });
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, [this] {
        if (m_context) {
            redisAsyncHandleWrite(m_context);
        }
    });
    context->ev.data = this;
    context->ev.addRead = &RedisClientAdapter::addRead;
    context->ev.delRead = &RedisClientAdapter::delRead;
    context->ev.addWrite = &RedisClientAdapter::addWrite;
    context->ev.delWrite = &RedisClientAdapter::delWrite;
    context->ev.cleanup = &RedisClientAdapter::cleanup;
    redisAsyncSetConnectCallback(context, &RedisClientAdapter::connectCallback);
    redisAsyncSetDisconnectCallback(context, &RedisClientAdapter::disconnectCallback);

    // AUTH and SELECT go first on every new connection; their replies are not user commands.
    m_internal.clear();
    m_ready = false;
    if (!m_endpoint.password.isEmpty()) {
        dispatch(Command{{"AUTH", m_endpoint.password.toUtf8()}, {}}, Internal::Setup);
    }
    if (m_endpoint.db != 0) {
        dispatch(Command{{"SELECT", QByteArray::number(m_endpoint.db)}, {}}, Internal::Setup);
    }
    probeReadiness();
}

void RedisClient::onConnected(int status)
{
    if (status != REDIS_OK) {
        // hiredis frees the context after this callback.
        const QString reason = m_context ? QString::fromLocal8Bit(m_context->errstr) : QString();
        qCDebug(lcRedis) << "connect to" << m_endpoint.describe() << "failed:" << reason;
        m_context = nullptr;
        dropNotifiers();
        for (auto it = m_inFlight.rbegin(); it != m_inFlight.rend(); ++it) {
            m_queue.push_front(std::move(*it));
        }
        m_inFlight.clear();
        scheduleReconnect();
        return;
    }
    m_connected = true;
    m_reconnectDelayMs = 100;
    qCDebug(lcRedis) << "connected to" << m_endpoint.describe();
    Q_EMIT connected();
}

void RedisClient::onDisconnected(int status)
{
    const QString reason = (status == REDIS_OK || !m_context) ? QStringLiteral("closed")
                                                              : QString::fromLocal8Bit(m_context->errstr);
    m_context = nullptr;
    m_discarding = false;
    dropNotifiers();
    const bool wasConnected = m_connected;
    m_connected = false;
    m_ready = false;
    // Commands without a reply go back to the front of the queue, in order.
    for (auto it = m_inFlight.rbegin(); it != m_inFlight.rend(); ++it) {
        m_queue.push_front(std::move(*it));
    }
    m_inFlight.clear();
    if (wasConnected) {
        qCWarning(lcRedis) << "lost connection to" << m_endpoint.describe() << ":" << reason << "-"
                           << m_queue.size() << "commands will be retried";
        Q_EMIT disconnected(reason);
    }
    scheduleReconnect();
}

void RedisClient::scheduleReconnect()
{
    if (!m_reconnectTimer.isActive()) {
        m_reconnectTimer.start(m_reconnectDelayMs);
        m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, 2000);
    }
}

void RedisClient::send(QByteArrayList arguments, Callback callback)
{
    qint64 bytes = 0;
    for (const QByteArray &argument : arguments) {
        bytes += argument.size();
    }
    m_pendingBytes += bytes;
    m_queue.push_back(Command{std::move(arguments), std::move(callback), bytes});
    if (isAboveHighWatermark()) {
        m_wasAboveHigh = true;
    }
    scheduleFlush();
}

void RedisClient::scheduleFlush()
{
    if (m_flushScheduled) {
        return;
    }
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &RedisClient::flush, Qt::QueuedConnection);
}

void RedisClient::probeReadiness()
{
    // A restarted Redis accepts connections while it is still loading its data and answers
    // LOADING to writes. User commands are held back until it has finished: if some commands of
    // a pipeline failed with LOADING and later ones succeeded, replaying the failed ones would
    // reorder stream entries (and explicit XADD IDs would then be refused).
    if (m_context) {
        dispatch(Command{{"INFO", "persistence"}, {}}, Internal::ReadinessProbe);
    }
}

void RedisClient::dispatch(const Command &command, std::optional<Internal> internal)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(static_cast<size_t>(command.arguments.size()));
    lengths.reserve(static_cast<size_t>(command.arguments.size()));
    for (const QByteArray &argument : command.arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(static_cast<size_t>(argument.size()));
    }
    redisAsyncCommandArgv(m_context, &RedisClientAdapter::replyCallback, nullptr,
                          static_cast<int>(argv.size()), argv.data(), lengths.data());
    if (internal) {
        m_internal.push_back(*internal);
    }
}

void RedisClient::flush()
{
    m_flushScheduled = false;
    if (!m_context || !m_ready) {
        return;
    }
    // Everything queued is appended to hiredis' output buffer in one go; the write notifier
    // then sends it as one pipelined batch.
    while (!m_queue.empty()) {
        dispatch(m_queue.front(), std::nullopt);
        m_inFlight.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
}

void RedisClient::onReply(redisReply *reply)
{
    if (!m_internal.empty()) {
        const Internal kind = m_internal.front();
        m_internal.pop_front();
        const QByteArray text(reply->str, static_cast<qsizetype>(reply->len));
        if (kind == Internal::Setup) {
            if (reply->type == REDIS_REPLY_ERROR) {
                qCWarning(lcRedis) << "Redis" << m_endpoint.describe() << "refused AUTH/SELECT:" << text;
            }
            return;
        }
        if (reply->type == REDIS_REPLY_STRING && !text.contains("loading:1")) {
            m_ready = true;
            flush();
        } else {
            QTimer::singleShot(100, this, &RedisClient::probeReadiness);
        }
        return;
    }
    if (m_discarding || m_inFlight.empty()) {
        return;
    }
    if (isTransientError(*reply)) {
        // Redis is loading its data set after a restart (or similar): reconnect and replay this
        // command and everything after it, in order, instead of failing them.
        qCInfo(lcRedis) << "Redis" << m_endpoint.describe()
                        << "is busy:" << QByteArray(reply->str, static_cast<qsizetype>(reply->len))
                        << "- retrying";
        m_discarding = true;
        redisAsyncDisconnect(m_context);
        return;
    }
    Command command = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    m_pendingBytes -= command.bytes;
    if (command.callback) {
        command.callback(*reply);
    } else if (reply->type == REDIS_REPLY_ERROR) {
        reportUnhandledError(command, *reply);
    }
    checkDrained();
}

void RedisClient::reportUnhandledError(const Command &command, const redisReply &reply)
{
    const QByteArray text(reply.str, static_cast<qsizetype>(reply.len));
    // A replayed XADD whose first copy Redis had already applied is refused by its explicit ID:
    // that is the duplicate suppression working, not an error.
    if (command.arguments.value(0) == "XADD" &&
        text.contains("equal or smaller than the target stream top item")) {
        return;
    }
    // Rate-limited: a broken database must not flood the log at the packet rate.
    if (m_unhandledErrors++ % 1000 == 0) {
        qCWarning(lcRedis).noquote() << "Redis" << m_endpoint.describe() << "refused"
                                     << command.arguments.value(0) << ":" << text << "(" << m_unhandledErrors
                                     << "errors so far)";
    }
}

bool RedisClient::isTransientError(const redisReply &reply)
{
    if (reply.type != REDIS_REPLY_ERROR) {
        return false;
    }
    const QByteArray text(reply.str, static_cast<qsizetype>(reply.len));
    return text.startsWith("LOADING") || text.startsWith("BUSY") || text.startsWith("TRYAGAIN") ||
           text.startsWith("MASTERDOWN");
}

void RedisClient::dropNotifiers()
{
    // The notifiers may be the very objects whose signal is running: delete them later.
    for (auto *notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->disconnect(this);
            notifier->release()->deleteLater();
        }
    }
}

void RedisClient::checkDrained()
{
    if (m_wasAboveHigh && pending() <= m_lowWatermark && m_pendingBytes <= m_lowWatermarkBytes) {
        m_wasAboveHigh = false;
        Q_EMIT drained();
    }
}

} // namespace d4::store
