// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "hmacsha256.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace d4::protocol {

namespace {

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(std::string("HMAC-SHA256: ") + what);
}

} // namespace

HmacSha256::HmacSha256(std::span<const std::uint8_t> key)
{
    m_mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!m_mac) {
        fail("EVP_MAC_fetch failed");
    }
    m_ctx = EVP_MAC_CTX_new(m_mac);
    if (!m_ctx) {
        EVP_MAC_free(m_mac);
        fail("EVP_MAC_CTX_new failed");
    }
    setKey(key);
}

HmacSha256::HmacSha256(std::string_view key)
    : HmacSha256(
          std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(key.data()), key.size()))
{
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_ctx);
    EVP_MAC_free(m_mac);
}

void HmacSha256::setKey(std::span<const std::uint8_t> key)
{
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
    static const std::uint8_t kEmpty = 0;
    const std::uint8_t *keyData = key.empty() ? &kEmpty : key.data();
    if (EVP_MAC_init(m_ctx, keyData, key.size(), params) != 1) {
        fail("EVP_MAC_init with key failed");
    }
}

void HmacSha256::begin()
{
    // A null key re-uses the key schedule set by setKey().
    if (EVP_MAC_init(m_ctx, nullptr, 0, nullptr) != 1) {
        fail("EVP_MAC_init failed");
    }
}

void HmacSha256::update(std::span<const std::uint8_t> data)
{
    if (!data.empty() && EVP_MAC_update(m_ctx, data.data(), data.size()) != 1) {
        fail("EVP_MAC_update failed");
    }
}

HmacDigest HmacSha256::finish()
{
    HmacDigest out{};
    std::size_t length = 0;
    if (EVP_MAC_final(m_ctx, out.data(), &length, out.size()) != 1 || length != out.size()) {
        fail("EVP_MAC_final failed");
    }
    return out;
}

HmacDigest HmacSha256::digest(std::span<const std::uint8_t> data)
{
    begin();
    update(data);
    return finish();
}

HmacDigest HmacSha256::packetDigest(std::span<const std::uint8_t, kHeaderSize> header,
                                    std::span<const std::uint8_t> payload)
{
    // One update for the header (with its HMAC field zeroed in a stack copy) instead of three:
    // fewer calls into OpenSSL's block buffering per packet.
    std::array<std::uint8_t, kHeaderSize> zeroed;
    std::copy(header.begin(), header.end(), zeroed.begin());
    std::fill_n(zeroed.begin() + kHmacOffset, kHmacSize, std::uint8_t{0});
    begin();
    update(zeroed);
    update(payload);
    return finish();
}

bool HmacSha256::verifyPacket(std::span<const std::uint8_t, kHeaderSize> header,
                              std::span<const std::uint8_t> payload)
{
    const HmacDigest expected = packetDigest(header, payload);
    HmacDigest received{};
    std::copy_n(header.begin() + kHmacOffset, kHmacSize, received.begin());
    return digestsEqual(expected, received);
}

bool digestsEqual(const HmacDigest &a, const HmacDigest &b) noexcept
{
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace d4::protocol
