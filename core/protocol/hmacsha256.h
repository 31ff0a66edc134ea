// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "d4header.h"

struct evp_mac_st;
struct evp_mac_ctx_st;

namespace d4::protocol {

/**
 * HMAC-SHA256 as D4 uses it: over the whole packet with the 32 HMAC bytes (26..57) zeroed.
 *
 * One object keeps one OpenSSL MAC context and re-initialises it without re-deriving the key
 * for every packet (measurably cheaper than HMAC() per call). Not thread-safe: use one per
 * thread. The key is the raw bytes of the configured key string, unchanged.
 */
class HmacSha256 final
{
public:
    explicit HmacSha256(std::span<const std::uint8_t> key);
    explicit HmacSha256(std::string_view key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;

    /** Replaces the key. */
    void setKey(std::span<const std::uint8_t> key);

    /** Generic HMAC of one buffer (used by tests and benchmarks to measure raw OpenSSL). */
    HmacDigest digest(std::span<const std::uint8_t> data);

    /**
     * The D4 packet HMAC: @p header is the 62 encoded header bytes (its HMAC field is ignored
     * and treated as zero), @p payload the payload bytes.
     */
    HmacDigest packetDigest(std::span<const std::uint8_t, kHeaderSize> header,
                            std::span<const std::uint8_t> payload);

    /** Recomputes the packet HMAC and compares it with the received one in constant time. */
    bool verifyPacket(std::span<const std::uint8_t, kHeaderSize> header,
                      std::span<const std::uint8_t> payload);

private:
    void begin();
    void update(std::span<const std::uint8_t> data);
    HmacDigest finish();

    evp_mac_st *m_mac = nullptr;
    evp_mac_ctx_st *m_ctx = nullptr;
};

/** Constant-time equality of two digests. */
bool digestsEqual(const HmacDigest &a, const HmacDigest &b) noexcept;

} // namespace d4::protocol
