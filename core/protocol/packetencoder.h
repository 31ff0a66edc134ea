// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "d4header.h"
#include "hmacsha256.h"

namespace d4::protocol {

/**
 * Builds signed D4 packets for one sensor identity (UUID, type, version, key).
 * Not thread-safe (it owns an HmacSha256).
 */
class PacketEncoder final
{
public:
    PacketEncoder(const Uuid &uuid, std::uint8_t type, std::string_view key,
                  std::uint8_t version = kProtocolVersion);

    void setType(std::uint8_t type) noexcept { m_type = type; }
    std::uint8_t type() const noexcept { return m_type; }
    const Uuid &uuid() const noexcept { return m_uuid; }

    /**
     * Fills the 62 bytes in front of @p payload: header fields, size and HMAC.
     * Lets callers read payloads straight into an output buffer at offset kHeaderSize
     * and sign them in place, with no copy.
     */
    void sealHeader(std::span<std::uint8_t, kHeaderSize> header, std::span<const std::uint8_t> payload,
                    std::uint64_t timestamp);

    /** Appends one complete packet (header + payload) to @p out. */
    void appendPacket(std::vector<std::uint8_t> &out, std::span<const std::uint8_t> payload,
                      std::uint64_t timestamp);

private:
    Uuid m_uuid;
    std::uint8_t m_type;
    std::uint8_t m_version;
    HmacSha256 m_hmac;
};

} // namespace d4::protocol
