// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstddef>
#include <cstdint>

namespace d4::ingest {

/** Why the server closed a sensor connection; each reason has its own counter. */
enum class RejectionReason : std::uint8_t
{
    BlacklistedIp,
    BlacklistedIpByUuid,
    BlacklistedUuid,
    NotRegistered,
    TemporarilyBlacklisted,
    PayloadTooLarge,
    IncorrectTypeFlagged,
    InvalidUuid,
    TypeNotAccepted,
    Type2Required,
    DuplicateConnection,
    TypeChange,
    UuidChange,
    HmacMismatch,
    StreamLimit,
    Kicked,
    IdleWithoutHeader,
    TlsHandshakeFailed,
    Count
};

inline constexpr std::size_t kRejectionReasonCount = static_cast<std::size_t>(RejectionReason::Count);

/** A stable identifier, e.g. "hmac-mismatch" (used in logs, JSON and the console). */
const char *rejectionReasonId(RejectionReason reason) noexcept;

} // namespace d4::ingest
