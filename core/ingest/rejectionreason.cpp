// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/rejectionreason.h"

namespace d4::ingest {

const char *rejectionReasonId(RejectionReason reason) noexcept
{
    switch (reason) {
    case RejectionReason::BlacklistedIp:
        return "blacklisted-ip";
    case RejectionReason::BlacklistedIpByUuid:
        return "blacklisted-ip-by-uuid";
    case RejectionReason::BlacklistedUuid:
        return "blacklisted-uuid";
    case RejectionReason::NotRegistered:
        return "not-registered";
    case RejectionReason::TemporarilyBlacklisted:
        return "temporarily-blacklisted";
    case RejectionReason::PayloadTooLarge:
        return "payload-too-large";
    case RejectionReason::IncorrectTypeFlagged:
        return "incorrect-type-flagged";
    case RejectionReason::InvalidUuid:
        return "invalid-uuid";
    case RejectionReason::TypeNotAccepted:
        return "type-not-accepted";
    case RejectionReason::Type2Required:
        return "type2-required";
    case RejectionReason::DuplicateConnection:
        return "duplicate-connection";
    case RejectionReason::TypeChange:
        return "type-change";
    case RejectionReason::UuidChange:
        return "uuid-change";
    case RejectionReason::HmacMismatch:
        return "hmac-mismatch";
    case RejectionReason::StreamLimit:
        return "stream-limit";
    case RejectionReason::Kicked:
        return "kicked";
    case RejectionReason::IdleWithoutHeader:
        return "idle-without-header";
    case RejectionReason::TlsHandshakeFailed:
        return "tls-handshake-failed";
    case RejectionReason::Count:
        break;
    }
    return "unknown";
}

} // namespace d4::ingest
