// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace d4::ingest {

/** The server's TLS identity. */
struct ServerIdentity
{
    QSslCertificate certificate;
    QSslKey privateKey;
    QString certificatePath;
    bool generated = false; ///< created on this start

    /** SHA-256 of the DER certificate, as colon-separated upper-case hex (what sensors pin). */
    QString fingerprint() const;
};

/**
 * Loads the configured certificate and key, or creates a self-signed one on first start.
 * Generated identities use an ECDSA P-256 key (handshakes about 100x cheaper than the reference's
 * RSA-4096) and are written with owner-only permissions as server.crt / server.key in @p directory.
 */
class CertificateStore final
{
public:
    /**
     * @p certificatePath / @p keyPath empty: use or create @p directory/server.{crt,key}.
     * A key path may be empty when the certificate file also holds the key (d4-core's server.pem).
     */
    static std::optional<ServerIdentity> loadOrCreate(const QString &certificatePath, const QString &keyPath,
                                                      const QString &directory, QString &error);

    /** Writes a new self-signed P-256 certificate valid for localhost, 127.0.0.1 and ::1. */
    static bool generate(const QString &certificatePath, const QString &keyPath, QString &error);
};

} // namespace d4::ingest
