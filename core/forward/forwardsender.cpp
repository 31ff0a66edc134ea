// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardsender.h"

#include <QDateTime>

#include "forward/forwardcounters.h"
#include "forward/forwardlog.h"
#include "forward/forwardspool.h"
#include "protocol/d4types.h"
#include "protocol/packetencoder.h"
#include "protocol/uuid.h"
#include "sensor/backoff.h"
#include "sensor/tlsconnection.h"
#include "sensor/tlscontext.h"

namespace d4::forward {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kReadRecords = 8192;
constexpr qsizetype kReadBytes = qsizetype{1} << 20;
constexpr std::chrono::milliseconds kIdleWait{250};
constexpr std::chrono::milliseconds kWindowPoll{50};
constexpr std::chrono::milliseconds kLinger{5000};

std::uint64_t nowSeconds()
{
    return std::uint64_t(QDateTime::currentSecsSinceEpoch());
}

} // namespace

ForwardSender::ForwardSender(const ForwardRule &rule, ForwardSpool &spool, ForwardCounters &counters,
                             QByteArray pcapStreamHeader)
    : m_rule(rule)
    , m_spool(spool)
    , m_counters(counters)
    , m_pcapStreamHeader(std::move(pcapStreamHeader))
{
}

ForwardSender::~ForwardSender()
{
    stop();
}

bool ForwardSender::start(QString &error)
{
    auto context = sensor::TlsContext::create(m_rule.partner);
    if (!context) {
        error = QStringLiteral("rule %1: %2").arg(m_rule.name, context.error().message);
        return false;
    }
    m_context = std::move(context).value();
    const std::optional<protocol::Uuid> uuid = protocol::parseUuid(m_rule.partnerUuid.toStdString());
    if (!uuid) {
        error = QStringLiteral("rule %1: invalid partner UUID").arg(m_rule.name);
        return false;
    }
    const std::uint8_t type = m_rule.type == 254 ? protocol::kTypeExtended : std::uint8_t(m_rule.type);
    m_encoder = std::make_unique<protocol::PacketEncoder>(*uuid, type, m_rule.partnerKey.toStdString());
    m_thread = std::thread([this] { run(); });
    return true;
}

void ForwardSender::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop.store(true);
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void ForwardSender::setPaused(bool paused)
{
    {
        const std::lock_guard lock(m_mutex);
        m_paused.store(paused);
    }
    m_wake.notify_all();
}

bool ForwardSender::sleepFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, duration, [this] { return m_stop.load(); });
    return !m_stop.load();
}

void ForwardSender::run()
{
    sensor::Backoff backoff(std::chrono::duration_cast<std::chrono::milliseconds>(m_rule.partner.retryMax),
                            std::chrono::milliseconds(500));
    while (!stopping()) {
        if (m_paused.load()) {
            sleepFor(kIdleWait);
            continue;
        }
        switch (sendWindow()) {
        case WindowEnd::Clean:
            backoff.reset();
            break;
        case WindowEnd::Nothing:
            break;
        case WindowEnd::Lost:
            sleepFor(backoff.next());
            break;
        }
    }
}

ForwardSender::WindowEnd ForwardSender::sendWindow()
{
    // Nothing is connected until there is something to send.
    SpoolCursor cursor = m_spool.acknowledged();
    QByteArrayList records = m_spool.read(cursor, kReadRecords, kReadBytes, kIdleWait);
    if (records.isEmpty()) {
        return WindowEnd::Nothing;
    }
    std::unique_ptr<sensor::TlsConnection> connection = connect();
    if (!connection) {
        return WindowEnd::Lost;
    }
    const Clock::time_point windowEnd = Clock::now() + m_rule.ackInterval;
    quint64 windowBytes = 0;
    quint64 windowRecords = 0;
    while (!records.isEmpty()) {
        if (connection->peerClosed()) {
            m_counters.setLastError(QStringLiteral("the partner closed the connection"));
            m_counters.connected.store(false);
            return WindowEnd::Lost;
        }
        const QByteArray payload = encodeRecords(records);
        if (!writePayload(*connection, payload, m_encoder->type())) {
            m_counters.connected.store(false);
            return WindowEnd::Lost;
        }
        windowBytes += quint64(payload.size());
        windowRecords += quint64(records.size());
        m_counters.sent.fetch_add(quint64(records.size()), std::memory_order_relaxed);
        m_counters.bytesSent.fetch_add(quint64(payload.size()), std::memory_order_relaxed);
        records.clear();
        // Keep filling the window until it is full, old enough, or there is a reason to end it.
        while (records.isEmpty() && windowBytes < m_rule.ackBytes && Clock::now() < windowEnd &&
               !stopping() && !m_paused.load()) {
            const auto left =
                std::max(std::chrono::milliseconds(0),
                         std::chrono::duration_cast<std::chrono::milliseconds>(windowEnd - Clock::now()));
            records = m_spool.read(cursor, kReadRecords, kReadBytes, std::min(left, kWindowPoll));
            if (records.isEmpty() && connection->peerClosed()) {
                m_counters.setLastError(QStringLiteral("the partner closed the connection"));
                m_counters.connected.store(false);
                return WindowEnd::Lost;
            }
        }
        // Records read here have moved the cursor: they are sent in the next turn even when the
        // window is over (acknowledging the cursor without sending them would lose them).
    }
    const bool acknowledged = connection->shutdown(kLinger);
    connection.reset();
    m_counters.connected.store(false);
    if (!acknowledged) {
        m_counters.setLastError(QStringLiteral("the partner did not confirm the end of the connection; "
                                               "resending the last window"));
        qCWarning(lcForward).noquote()
            << "Forward rule" << m_rule.name << ": window of" << windowRecords << "items not confirmed by"
            << m_rule.partner.server.toString() << ", resending";
        return WindowEnd::Lost;
    }
    if (!m_spool.acknowledge(cursor)) {
        m_counters.setLastError(QStringLiteral("spool: %1").arg(m_spool.errorString()));
    } else {
        m_counters.setLastError({});
    }
    m_counters.acknowledged.fetch_add(windowRecords, std::memory_order_relaxed);
    m_counters.lastAckEpoch.store(qint64(nowSeconds()));
    return WindowEnd::Clean;
}

std::unique_ptr<sensor::TlsConnection> ForwardSender::connect()
{
    auto opened = sensor::TlsConnection::open(*m_context, m_rule.partner);
    if (!opened) {
        const QString message = opened.error().message;
        if (m_counters.lastError() != message) {
            qCWarning(lcForward).noquote() << "Forward rule" << m_rule.name << ": cannot reach"
                                           << m_rule.partner.server.toString() << ":" << message;
        }
        m_counters.setLastError(message);
        return nullptr;
    }
    std::unique_ptr<sensor::TlsConnection> connection = std::move(opened).value();
    m_counters.connections.fetch_add(1, std::memory_order_relaxed);
    m_counters.connected.store(true);
    bool ok = true;
    if (m_rule.type == 254) {
        QByteArray metaHeader =
            QByteArrayLiteral("{\"type\": \"") + m_rule.extendedType + QByteArrayLiteral("\"}");
        ok = writePayload(*connection, metaHeader, protocol::kTypeMetaHeader);
    } else if (m_rule.isPcap()) {
        ok = writePayload(*connection, m_pcapStreamHeader, m_encoder->type());
    }
    if (!ok) {
        m_counters.connected.store(false);
        return nullptr;
    }
    return connection;
}

QByteArray ForwardSender::encodeRecords(const QByteArrayList &records) const
{
    QByteArray payload;
    qsizetype size = 0;
    for (const QByteArray &record : records) {
        size += record.size() + 1;
    }
    payload.reserve(size);
    for (const QByteArray &record : records) {
        payload.append(record);
        if (!m_rule.isPcap()) {
            payload.append('\n');
        }
    }
    return payload;
}

bool ForwardSender::writePayload(sensor::TlsConnection &connection, const QByteArray &payload,
                                 std::uint8_t type)
{
    const std::uint8_t dataType = m_encoder->type();
    m_encoder->setType(type);
    m_packets.clear();
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(payload.constData());
    const std::uint64_t timestamp = nowSeconds();
    for (qsizetype offset = 0; offset < payload.size(); offset += m_rule.snaplen) {
        const qsizetype length = std::min<qsizetype>(m_rule.snaplen, payload.size() - offset);
        m_encoder->appendPacket(m_packets, std::span<const std::uint8_t>(bytes + offset, std::size_t(length)),
                                timestamp);
    }
    m_encoder->setType(dataType);
    std::size_t written = 0;
    if (const auto error = connection.write(m_packets, written)) {
        m_counters.setLastError(error->message);
        qCWarning(lcForward).noquote() << "Forward rule" << m_rule.name << ": connection to"
                                       << m_rule.partner.server.toString() << "lost:" << error->message;
        return false;
    }
    return true;
}

} // namespace d4::forward
