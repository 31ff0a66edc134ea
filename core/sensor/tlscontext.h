// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include "sensor/result.h"
#include "sensor/sensorerror.h"
#include "sensor/tlsoptions.h"

struct ssl_ctx_st;

namespace d4::sensor {

/**
 * The OpenSSL client context shared by all connections of one sink: TLS 1.2 minimum, the
 * trusted roots from TlsOptions::rootCaPem, and whether the chain is verified.
 */
class TlsContext final
{
public:
    /**
     * Builds the context. A Usage error when @p options allow no verification at all (no CA,
     * no pin, not insecure) or the CA PEM cannot be loaded.
     */
    static Result<std::unique_ptr<TlsContext>, SensorError> create(const TlsOptions &options);

    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    ssl_ctx_st *handle() const noexcept { return m_ctx; }
    /** True when the handshake checks the chain and host name against the configured roots. */
    bool verifiesChain() const noexcept { return m_verifiesChain; }

private:
    TlsContext(ssl_ctx_st *ctx, bool verifiesChain) noexcept;

    ssl_ctx_st *m_ctx;
    bool m_verifiesChain;
};

/** The oldest OpenSSL error of this thread as text (and clears the queue); @p fallback if none. */
QString takeOpenSslError(const QString &fallback);

} // namespace d4::sensor
