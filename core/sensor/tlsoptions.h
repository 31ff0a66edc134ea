// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>

#include "sensor/endpoint.h"
#include "sensor/fingerprint.h"

namespace d4::sensor {

/**
 * How d4-sensor reaches a D4 server over TLS (1.2 or newer).
 *
 * Verification: the certificate chain and host name are checked against rootCaPem when it is
 * set, unless insecure is true; a pin, when set, is always checked (as curl does with
 * --insecure and --pinnedpubkey). With neither a CA nor a pin, insecure must be true.
 */
struct TlsOptions
{
    Endpoint server;
    QByteArray rootCaPem;
    std::optional<Sha256Fingerprint> pin;
    bool insecure = false;

    /** Longest back-off between reconnection attempts; zero disables reconnecting. */
    std::chrono::seconds retryMax{30};
    /** Consecutive failed connection attempts before giving up; zero means never give up. */
    int retryLimit = 0;
    /** Limit for TCP connect plus the TLS handshake. */
    std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
    /** A write that makes no progress for this long means the connection is dead. */
    std::chrono::milliseconds stallTimeout{std::chrono::seconds(60)};
    /** At the end, how long to wait for the server to close after our close_notify. */
    std::chrono::milliseconds lingerTimeout{std::chrono::seconds(5)};
};

} // namespace d4::sensor
