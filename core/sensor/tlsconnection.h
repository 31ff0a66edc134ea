// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>

#include "sensor/result.h"
#include "sensor/sensorerror.h"
#include "sensor/tlsoptions.h"

struct ssl_st;

namespace d4::sensor {

class TlsContext;

/**
 * One TLS connection to a D4 server over a non-blocking TCP socket driven by poll().
 *
 * Plain OpenSSL rather than QSslSocket: the sensor is a blocking pipeline with no event loop,
 * and it needs to know exactly how many bytes the kernel accepted when a write fails (to re-send
 * the unfinished packet whole after reconnecting) and to stop reading its source while the
 * socket is full. QSslSocket::write() buffers everything without limit and reports success at
 * once, which hides both. Every wait has a deadline, so a dead server cannot hang the sensor.
 *
 * Used from one thread. Destroying the object closes the socket without a TLS shutdown.
 */
class TlsConnection final
{
public:
    /**
     * Resolves and connects to options.server (every address in turn), performs the handshake
     * and checks the certificate (chain and host name when @p context verifies it, then the pin).
     * Errors: Verification when the certificate is refused, Connect for everything else.
     */
    static Result<std::unique_ptr<TlsConnection>, SensorError> open(const TlsContext &context,
                                                                    const TlsOptions &options);

    ~TlsConnection();
    TlsConnection(const TlsConnection &) = delete;
    TlsConnection &operator=(const TlsConnection &) = delete;

    /**
     * Without blocking: true when the server has closed the connection (close_notify, EOF or an
     * error are waiting). Anything else the server sent (session tickets) is consumed.
     */
    bool peerClosed();

    /**
     * Writes all of @p data. @p written receives how many bytes the kernel accepted, also when
     * the write fails (a Connect error: connection lost or stalled for stallTimeout).
     */
    std::optional<SensorError> write(std::span<const std::uint8_t> data, std::size_t &written);

    /**
     * Clean end: sends close_notify, half-closes, then reads until the server closes or
     * @p linger passes, so that closing never resets a connection the server is still reading.
     * True when the server closed its side in time (an orderly end of the TCP stream): it then
     * read everything sent before our close_notify. False on timeout or reset.
     */
    bool shutdown(std::chrono::milliseconds linger);

    /** The server certificate's SHA-256 fingerprint, for logs. */
    QString peerFingerprint() const;

private:
    TlsConnection(int fd, ssl_st *ssl, std::chrono::milliseconds stallTimeout) noexcept;

    /** Waits for what OpenSSL asked for (@p sslError WANT_READ/WANT_WRITE); false on timeout. */
    bool waitFor(int sslError, std::chrono::milliseconds timeout) const;

    int m_fd;
    ssl_st *m_ssl;
    std::chrono::milliseconds m_stallTimeout;
};

} // namespace d4::sensor
