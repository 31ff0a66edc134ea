// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/tlssink.h"

#include <thread>

#include "protocol/d4header.h"
#include "sensor/sensorlog.h"
#include "sensor/tlsconnection.h"
#include "sensor/tlscontext.h"

namespace d4::sensor {

namespace {

using protocol::kHeaderSize;
using protocol::kSizeOffset;

/** Offset of the packet that holds byte @p offset of @p packets (packets.size() past the end). */
std::size_t packetStart(std::span<const std::uint8_t> packets, std::size_t offset)
{
    std::size_t start = 0;
    while (packets.size() - start >= kHeaderSize) {
        const std::uint8_t *size = packets.data() + start + kSizeOffset;
        const std::size_t length = kHeaderSize + (std::size_t{size[0]} | std::size_t{size[1]} << 8 |
                                                  std::size_t{size[2]} << 16 | std::size_t{size[3]} << 24);
        if (offset < start + length) {
            return start;
        }
        start += length;
    }
    return packets.size();
}

} // namespace

Result<std::unique_ptr<TlsSink>, SensorError> TlsSink::create(TlsOptions options, PreambleFactory preamble)
{
    auto context = TlsContext::create(options);
    if (!context) {
        return context.error();
    }
    return std::unique_ptr<TlsSink>(
        new TlsSink(std::move(options), std::move(context.value()), std::move(preamble)));
}

TlsSink::TlsSink(TlsOptions options, std::unique_ptr<TlsContext> context, PreambleFactory preamble)
    : m_options(std::move(options))
    , m_context(std::move(context))
    , m_preamble(std::move(preamble))
    , m_backoff(m_options.retryMax)
{
}

TlsSink::~TlsSink() = default;

std::optional<SensorError> TlsSink::open()
{
    if (!m_context->verifiesChain() && !m_options.pin) {
        qCWarning(lcSensor, "--insecure: the identity of %s is not verified",
                  qPrintable(m_options.server.toString()));
    }
    return ensureConnected(ResumePoint{});
}

std::optional<SensorError> TlsSink::ensureConnected(const ResumePoint &at)
{
    while (!m_connection) {
        const std::chrono::milliseconds delay = m_backoff.next();
        if (delay.count() > 0) {
            qCInfo(lcSensor, "connecting to %s in %lld ms", qPrintable(m_options.server.toString()),
                   static_cast<long long>(delay.count()));
            std::this_thread::sleep_for(delay);
        }
        auto connection = TlsConnection::open(*m_context, m_options);
        if (connection && m_preamble) {
            // Built per attempt: a session that failed before its preamble was through is gone.
            const std::vector<std::uint8_t> preamble = m_preamble(at);
            std::size_t written = 0;
            if (!preamble.empty()) {
                if (auto error = connection.value()->write(preamble, written)) {
                    connection = *error;
                }
            }
        }
        if (connection) {
            m_connection = std::move(connection.value());
            m_connectedAt = std::chrono::steady_clock::now();
            m_failedAttempts = 0;
            ++m_connections;
            qCInfo(lcSensor, "connected to %s, server certificate SHA-256 %s",
                   qPrintable(m_options.server.toString()), qPrintable(m_connection->peerFingerprint()));
            return std::nullopt;
        }
        const SensorError &error = connection.error();
        if (error.kind != SensorError::Kind::Connect) {
            return error; // a refused certificate will not get better by retrying
        }
        ++m_failedAttempts;
        if (m_options.retryMax.count() == 0) {
            return SensorError{error.kind, error.message + QStringLiteral(" (reconnecting is disabled)")};
        }
        if (m_options.retryLimit > 0 && m_failedAttempts >= m_options.retryLimit) {
            return SensorError{error.kind,
                               error.message +
                                   QStringLiteral(" (giving up after %1 attempts)").arg(m_failedAttempts)};
        }
        qCWarning(lcSensor, "%s", qPrintable(error.message));
    }
    return std::nullopt;
}

std::optional<SensorError> TlsSink::dropConnection(const QString &reason)
{
    m_connection.reset();
    if (std::chrono::steady_clock::now() - m_connectedAt >= kHealthyConnection) {
        m_backoff.reset();
    }
    if (m_options.retryMax.count() == 0) {
        return SensorError{SensorError::Kind::Connect,
                           reason + QStringLiteral(" (reconnecting is disabled)")};
    }
    qCWarning(lcSensor, "%s; reconnecting", qPrintable(reason));
    return std::nullopt;
}

std::optional<SensorError> TlsSink::write(std::span<const std::uint8_t> packets)
{
    std::size_t offset = 0;
    while (offset < packets.size()) {
        if (m_connection && m_connection->peerClosed()) {
            if (auto error = dropConnection(QStringLiteral("the server closed the connection"))) {
                return error;
            }
        }
        if (auto error = ensureConnected(ResumePoint{packets, offset})) {
            return error;
        }
        std::size_t written = 0;
        const auto error = m_connection->write(packets.subspan(offset), written);
        if (!error) {
            return std::nullopt;
        }
        // The unfinished packet goes again, whole, on the next connection.
        const std::size_t failedAt = offset + written;
        offset = packetStart(packets, failedAt);
        qCInfo(lcSensor, "connection lost at byte %zu of a %zu-byte write; the next one resumes at byte %zu",
               failedAt, packets.size(), offset);
        if (auto fatal = dropConnection(error->message)) {
            return fatal;
        }
    }
    return std::nullopt;
}

std::optional<SensorError> TlsSink::close()
{
    if (m_connection) {
        m_connection->shutdown(m_options.lingerTimeout);
        m_connection.reset();
    }
    return std::nullopt;
}

} // namespace d4::sensor
