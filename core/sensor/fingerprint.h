// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include <QString>
#include <QStringView>

namespace d4::sensor {

/** SHA-256 of a certificate's DER encoding, as `openssl x509 -fingerprint -sha256` prints it. */
using Sha256Fingerprint = std::array<std::uint8_t, 32>;

/**
 * Parses 64 hex digits, any case, with or without colons between them and with an optional
 * "SHA256 Fingerprint=" prefix (so openssl's output can be pasted). nullopt for anything else.
 */
std::optional<Sha256Fingerprint> parseSha256Fingerprint(QStringView text);

/** "AB:CD:..." (uppercase, colon separated), the form openssl prints. */
QString formatFingerprint(const Sha256Fingerprint &fingerprint);

} // namespace d4::sensor
