// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/tlsconnection.h"

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "sensor/tcpconnect.h"
#include "sensor/tlscontext.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace d4::sensor {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

milliseconds timeLeft(Clock::time_point deadline)
{
    return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
}

bool isIpLiteral(const QByteArray &host)
{
    std::array<unsigned char, sizeof(in6_addr)> buffer{};
    return ::inet_pton(AF_INET, host.constData(), buffer.data()) == 1 ||
           ::inet_pton(AF_INET6, host.constData(), buffer.data()) == 1;
}

std::optional<Sha256Fingerprint> fingerprintOf(const ssl_st *ssl)
{
    const X509 *certificate = SSL_get0_peer_certificate(ssl);
    Sha256Fingerprint digest{};
    unsigned int length = 0;
    if (!certificate || X509_digest(certificate, EVP_sha256(), digest.data(), &length) != 1 ||
        length != digest.size()) {
        return std::nullopt;
    }
    return digest;
}

SensorError connectError(const QString &message)
{
    return SensorError{SensorError::Kind::Connect, message};
}

SensorError verificationError(const QString &message)
{
    return SensorError{SensorError::Kind::Verification, message};
}

} // namespace

TlsConnection::TlsConnection(int fd, ssl_st *ssl, milliseconds stallTimeout) noexcept
    : m_fd(fd)
    , m_ssl(ssl)
    , m_stallTimeout(stallTimeout)
{
}

TlsConnection::~TlsConnection()
{
    SSL_free(m_ssl);
    ::close(m_fd);
}

Result<std::unique_ptr<TlsConnection>, SensorError> TlsConnection::open(const TlsContext &context,
                                                                        const TlsOptions &options)
{
    const Clock::time_point deadline = Clock::now() + options.connectTimeout;
    auto fd = connectTcp(options.server, options.connectTimeout);
    if (!fd) {
        return fd.error();
    }
    tuneSensorSocket(fd.value(), options.stallTimeout);
    SSL *ssl = SSL_new(context.handle());
    if (!ssl) {
        ::close(fd.value());
        return SensorError{SensorError::Kind::Internal, takeOpenSslError(QStringLiteral("SSL_new failed"))};
    }
    std::unique_ptr<TlsConnection> connection(new TlsConnection(fd.value(), ssl, options.stallTimeout));
    SSL_set_fd(ssl, fd.value());
    // Partial writes tell exactly how far a failed write got; the buffer may move between retries.
    SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    const QByteArray host = options.server.host.toUtf8();
    const bool ipLiteral = isIpLiteral(host);
    if (!ipLiteral) {
        // SSL_set_tlsext_host_name() expanded: the macro's C cast trips -Wold-style-cast.
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char *>(host.constData()));
    }
    if (context.verifiesChain()) {
        const int set = ipLiteral ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.constData())
                                  : SSL_set1_host(ssl, host.constData());
        if (set != 1) {
            return SensorError{SensorError::Kind::Internal,
                               takeOpenSslError(QStringLiteral("cannot set host name"))};
        }
    }
    const QString server = options.server.toString();
    for (;;) {
        ERR_clear_error();
        const int result = SSL_connect(ssl);
        if (result == 1) {
            break;
        }
        const int error = SSL_get_error(ssl, result);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
            if (!connection->waitFor(error, timeLeft(deadline))) {
                return connectError(QStringLiteral("TLS handshake with %1 timed out").arg(server));
            }
            continue;
        }
        const long verify = SSL_get_verify_result(ssl);
        if (context.verifiesChain() && verify != X509_V_OK) {
            ERR_clear_error();
            return verificationError(
                QStringLiteral("the certificate of %1 was refused: %2 (checked against rootCA.crt)")
                    .arg(server, QString::fromLatin1(X509_verify_cert_error_string(verify))));
        }
        return connectError(
            QStringLiteral("TLS handshake with %1 failed: %2")
                .arg(server, takeOpenSslError(QStringLiteral("connection closed by the server"))));
    }
    if (options.pin) {
        const std::optional<Sha256Fingerprint> actual = fingerprintOf(ssl);
        if (!actual || CRYPTO_memcmp(actual->data(), options.pin->data(), actual->size()) != 0) {
            return verificationError(
                QStringLiteral(
                    "the certificate of %1 has SHA-256 fingerprint %2, which does not match the pinned %3")
                    .arg(server, actual ? formatFingerprint(*actual) : QStringLiteral("(none)"),
                         formatFingerprint(*options.pin)));
        }
    }
    return connection;
}

bool TlsConnection::waitFor(int sslError, milliseconds timeout) const
{
    const Clock::time_point deadline = Clock::now() + timeout;
    const short events = sslError == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
    for (;;) {
        pollfd waitOn{m_fd, events, 0};
        const int ready = ::poll(&waitOn, 1, static_cast<int>(timeLeft(deadline).count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        // Errors and hang-ups count as ready: the next OpenSSL call reports them properly.
        return ready != 0;
    }
}

bool TlsConnection::peerClosed()
{
    // A D4 server sends no application data; a few rounds are enough for TLS 1.3 tickets.
    for (int round = 0; round < 8; ++round) {
        pollfd waitOn{m_fd, POLLIN, 0};
        if (::poll(&waitOn, 1, 0) <= 0) {
            return false;
        }
        std::array<char, 4096> scratch{};
        ERR_clear_error();
        const int n = SSL_read(m_ssl, scratch.data(), static_cast<int>(scratch.size()));
        if (n > 0) {
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        ERR_clear_error();
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
            return true; // close_notify, EOF or a fatal error
        }
    }
    return false;
}

std::optional<SensorError> TlsConnection::write(std::span<const std::uint8_t> data, std::size_t &written)
{
    written = 0;
    while (written < data.size()) {
        const std::size_t chunk = std::min<std::size_t>(data.size() - written, INT_MAX);
        ERR_clear_error();
        errno = 0;
        const int n = SSL_write(m_ssl, data.data() + written, static_cast<int>(chunk));
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
            if (!waitFor(error, m_stallTimeout)) {
                return connectError(
                    QStringLiteral("the connection stalled for %1 s")
                        .arg(std::chrono::duration_cast<std::chrono::seconds>(m_stallTimeout).count()));
            }
            continue;
        }
        const QString reason = error == SSL_ERROR_SYSCALL && errno != 0
                                   ? QString::fromLocal8Bit(std::strerror(errno))
                                   : takeOpenSslError(QStringLiteral("connection closed"));
        ERR_clear_error();
        return connectError(QStringLiteral("writing to the server failed: %1").arg(reason));
    }
    return std::nullopt;
}

bool TlsConnection::shutdown(milliseconds linger)
{
    const Clock::time_point deadline = Clock::now() + linger;
    for (;;) {
        ERR_clear_error();
        const int result = SSL_shutdown(m_ssl);
        const int error = result < 0 ? SSL_get_error(m_ssl, result) : SSL_ERROR_NONE;
        if ((error != SSL_ERROR_WANT_WRITE && error != SSL_ERROR_WANT_READ) ||
            !waitFor(error, timeLeft(deadline))) {
            break;
        }
    }
    ERR_clear_error();
    ::shutdown(m_fd, SHUT_WR);
    // Closing with unread bytes (the server's close_notify, tickets) would send a reset, which
    // can make the server drop data it has not read yet: drain until it closes its side.
    std::array<char, 4096> scratch{};
    for (;;) {
        pollfd waitOn{m_fd, POLLIN, 0};
        const int ready = ::poll(&waitOn, 1, static_cast<int>(timeLeft(deadline).count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return false;
        }
        const ssize_t n = ::recv(m_fd, scratch.data(), scratch.size(), 0);
        if (n == 0) {
            return true;
        }
        if (n < 0 && errno != EINTR && errno != EAGAIN) {
            return false;
        }
    }
}

QString TlsConnection::peerFingerprint() const
{
    const std::optional<Sha256Fingerprint> digest = fingerprintOf(m_ssl);
    return digest ? formatFingerprint(*digest) : QString();
}

} // namespace d4::sensor
