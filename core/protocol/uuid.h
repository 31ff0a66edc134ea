// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "d4header.h"

namespace d4::protocol {

/** True for an RFC 4122 version-4 UUID: version nibble 4, variant 10xx (hex digit 17 in 8..b). */
bool isUuidV4(const Uuid &uuid) noexcept;

/** 32 lowercase hex characters, no dashes: the form every Redis key uses for sensors. */
std::string uuidToHex(const Uuid &uuid);

/** 8-4-4-4-12 lowercase form, as session UUIDs are written. */
std::string uuidToDashed(const Uuid &uuid);

/**
 * Parses 32 hex digits, with or without the four dashes of the canonical form, any case,
 * surrounding whitespace ignored. Returns nullopt for anything else.
 */
std::optional<Uuid> parseUuid(std::string_view text);

/** A fresh random version-4 UUID from the OpenSSL CSPRNG. */
Uuid generateUuidV4();

} // namespace d4::protocol
