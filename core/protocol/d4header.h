// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace d4::protocol {

/** Size of the D4 encapsulation header that precedes every payload. */
inline constexpr std::size_t kHeaderSize = 62;
inline constexpr std::size_t kUuidOffset = 2;
inline constexpr std::size_t kUuidSize = 16;
inline constexpr std::size_t kTimestampOffset = 18;
inline constexpr std::size_t kHmacOffset = 26;
inline constexpr std::size_t kHmacSize = 32;
inline constexpr std::size_t kSizeOffset = 58;
/** The reference server's default payload limit (data_default_size_limit). */
inline constexpr std::uint32_t kDefaultMaxPayload = 1'000'000;
/** The only protocol version the D4 clients send. */
inline constexpr std::uint8_t kProtocolVersion = 1;

using Uuid = std::array<std::uint8_t, kUuidSize>;
using HmacDigest = std::array<std::uint8_t, kHmacSize>;

/**
 * The 62-byte D4 header. Multi-byte integers travel little-endian whatever the host order:
 * version(1) type(1) uuid(16) timestamp(8, LE) hmac(32) size(4, LE).
 */
struct Header
{
    std::uint8_t version = kProtocolVersion;
    std::uint8_t type = 0;
    Uuid uuid{};
    std::uint64_t timestamp = 0;
    HmacDigest hmac{};
    std::uint32_t size = 0;

    friend bool operator==(const Header &, const Header &) = default;
};

/** Writes @p header into exactly kHeaderSize bytes. */
void encodeHeader(const Header &header, std::span<std::uint8_t, kHeaderSize> out) noexcept;

/** Reads a header from exactly kHeaderSize bytes. Performs no validation. */
Header decodeHeader(std::span<const std::uint8_t, kHeaderSize> in) noexcept;

} // namespace d4::protocol
