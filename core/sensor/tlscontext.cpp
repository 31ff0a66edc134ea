// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/tlscontext.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace d4::sensor {

namespace {

SensorError usage(const QString &message)
{
    return SensorError{SensorError::Kind::Usage, message};
}

} // namespace

QString takeOpenSslError(const QString &fallback)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return fallback;
    }
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof(text));
    return QString::fromLatin1(text);
}

TlsContext::TlsContext(ssl_ctx_st *ctx, bool verifiesChain) noexcept
    : m_ctx(ctx)
    , m_verifiesChain(verifiesChain)
{
}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
}

Result<std::unique_ptr<TlsContext>, SensorError> TlsContext::create(const TlsOptions &options)
{
    const bool haveCa = !options.rootCaPem.isEmpty();
    if (!haveCa && !options.pin && !options.insecure) {
        return usage(
            QStringLiteral("no way to verify the server %1: put its CA certificate in rootCA.crt, pin its "
                           "certificate with --pin or a fingerprint file, or accept any certificate with "
                           "--insecure")
                .arg(options.server.toString()));
    }
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        return SensorError{SensorError::Kind::Internal,
                           takeOpenSslError(QStringLiteral("SSL_CTX_new failed"))};
    }
    std::unique_ptr<TlsContext> context(new TlsContext(ctx, haveCa && !options.insecure));
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (!context->m_verifiesChain) {
        // The pin (if any) is checked after the handshake, on the peer certificate itself.
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        return context;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(options.rootCaPem.constData(), static_cast<int>(options.rootCaPem.size())),
        &BIO_free);
    int loaded = 0;
    while (X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        X509_STORE_add_cert(store, certificate);
        X509_free(certificate);
        ++loaded;
    }
    ERR_clear_error(); // the loop ends on a "no start line" error by design
    if (loaded == 0) {
        return usage(QStringLiteral("rootCA.crt contains no usable PEM certificate"));
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    return context;
}

} // namespace d4::sensor
