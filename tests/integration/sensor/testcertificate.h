// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace d4::test {

/** A self-signed EC P-256 certificate made with OpenSSL for one test run. */
struct TestCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    /** SHA-256 of the DER certificate, "AB:CD:..." as openssl prints it. */
    QString sha256;

    /**
     * Generates a key and a certificate valid from an hour ago for a day, with the given
     * subjectAltName (e.g. "IP:127.0.0.1,DNS:localhost"). Empty PEMs when OpenSSL fails.
     */
    static TestCertificate generate(const QByteArray &subjectAltName);
};

} // namespace d4::test
