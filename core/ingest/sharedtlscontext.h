// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

class QSslContext;
class QSslSocket;

namespace d4::ingest {

/**
 * One TLS context (OpenSSL's SSL_CTX, inside Qt's QSslContext) for the sessions of one ingest
 * thread. QSslSocket builds a new context for every connection: SSL_CTX_new, the cipher list, the
 * certificate and the key check cost about 40 % of the server's CPU per connection when many
 * sensors reconnect at once (callgrind, docs/benchmarks.md). Every session of a server has the same
 * configuration, so the first session's context serves the others.
 *
 * This uses Qt's private QSslSocketPrivate::sslContext()/checkSettingSslContext() (Qt itself shares
 * contexts this way between the connections of QHttpNetworkConnection); Qt offers no public API for
 * it. Thread affinity: one ingest thread (the context's session cache is not shared across threads).
 */
class SharedTlsContext final
{
public:
    SharedTlsContext();
    ~SharedTlsContext();
    SharedTlsContext(const SharedTlsContext &) = delete;
    SharedTlsContext &operator=(const SharedTlsContext &) = delete;

    /**
     * Starts the server side of the handshake on @p socket with the shared context; the first
     * socket's context becomes the shared one.
     */
    void startServerEncryption(QSslSocket &socket);
    /** Whether a context is kept and @p socket (after startServerEncryption()) uses it. */
    bool isUsedBy(QSslSocket &socket) const;

private:
    std::shared_ptr<QSslContext> m_context;
};

} // namespace d4::ingest
