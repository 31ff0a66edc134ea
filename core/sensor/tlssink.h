// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>
#include <memory>

#include "sensor/backoff.h"
#include "sensor/packetsink.h"
#include "sensor/result.h"
#include "sensor/tlsoptions.h"

namespace d4::sensor {

class TlsConnection;
class TlsContext;

/**
 * Sends packets to a D4 server over TLS and keeps doing so across connection losses.
 *
 * - Connecting and reconnecting use exponential back-off (Backoff, capped at retryMax); the
 *   delay starts over once a connection has lasted kHealthyConnection. Certificate refusals are
 *   never retried.
 * - Before each write the socket is checked for a close by the server, so data is not written
 *   into a connection the server already left.
 * - A write that fails part-way resumes, after reconnecting, at the first byte of the packet it
 *   was in: every packet arrives whole on some connection, none twice through this path. Bytes
 *   the kernel accepted before a connection died may still be lost (D4 has no acknowledgements).
 * - While disconnected, write() does not return, so the sender stops reading its source.
 * - Every new connection starts with the preamble (the meta header for types 2/254; for a type-1
 *   libpcap capture, after data was sent, the global header and the record in progress), built
 *   for the point where that connection takes up the stream.
 */
class TlsSink final : public PacketSink
{
public:
    static constexpr std::chrono::seconds kHealthyConnection{10};

    /** Fails (Usage) when @p options allow no certificate verification; see TlsContext. */
    static Result<std::unique_ptr<TlsSink>, SensorError> create(TlsOptions options, PreambleFactory preamble);
    ~TlsSink() override;

    std::optional<SensorError> open() override;
    std::optional<SensorError> write(std::span<const std::uint8_t> packets) override;
    std::optional<SensorError> close() override;

    /** How many connections were established so far. */
    int connectionCount() const noexcept { return m_connections; }

private:
    TlsSink(TlsOptions options, std::unique_ptr<TlsContext> context, PreambleFactory preamble);

    /**
     * Connects (with back-off, and the preamble for a session that continues at @p at) unless
     * connected; an error ends the run.
     */
    std::optional<SensorError> ensureConnected(const ResumePoint &at);
    /** Drops the connection after a failure; an error when reconnecting is disabled. */
    std::optional<SensorError> dropConnection(const QString &reason);

    TlsOptions m_options;
    std::unique_ptr<TlsContext> m_context;
    PreambleFactory m_preamble;
    std::unique_ptr<TlsConnection> m_connection;
    Backoff m_backoff;
    std::chrono::steady_clock::time_point m_connectedAt;
    int m_failedAttempts = 0;
    int m_connections = 0;
};

} // namespace d4::sensor
