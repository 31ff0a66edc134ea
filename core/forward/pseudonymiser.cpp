// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/pseudonymiser.h"

#include <array>
#include <cstdint>
#include <span>

#include "protocol/hmacsha256.h"

#include <arpa/inet.h>

namespace d4::forward {

namespace {

std::span<const std::uint8_t> bytesOf(QByteArrayView view)
{
    return {reinterpret_cast<const std::uint8_t *>(view.data()), std::size_t(view.size())};
}

} // namespace

Pseudonymiser::Pseudonymiser(QByteArrayView key)
    : m_hmac(std::make_unique<protocol::HmacSha256>(bytesOf(key)))
{
}

Pseudonymiser::~Pseudonymiser() = default;

void Pseudonymiser::appendAddress(QByteArrayView value, QByteArray &out) const
{
    protocol::HmacDigest digest;
    {
        const std::lock_guard lock(m_mutex);
        digest = m_hmac->digest(bytesOf(value));
    }
    std::array<std::uint8_t, 16> address;
    address[0] = 0xfd; // fc00::/7 with the L bit: locally assigned unique local address
    for (std::size_t i = 1; i < address.size(); ++i) {
        address[i] = digest[i - 1];
    }
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (inet_ntop(AF_INET6, address.data(), text.data(), socklen_t(text.size()))) {
        out.append(text.data());
    }
}

void Pseudonymiser::appendMac(QByteArrayView value, QByteArray &out) const
{
    protocol::HmacDigest digest;
    {
        const std::lock_guard lock(m_mutex);
        digest = m_hmac->digest(bytesOf(value));
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::array<char, 17> text;
    for (int i = 0; i < 6; ++i) {
        // Octet 0: unicast (bit 0 clear), locally administered (bit 1 set).
        const std::uint8_t octet = i == 0 ? std::uint8_t((digest[0] & 0xfc) | 0x02) : digest[std::size_t(i)];
        text[std::size_t(i * 3)] = kHex[octet >> 4];
        text[std::size_t(i * 3 + 1)] = kHex[octet & 0x0f];
        if (i < 5) {
            text[std::size_t(i * 3 + 2)] = ':';
        }
    }
    out.append(text.data(), qsizetype(text.size()));
}

QByteArray Pseudonymiser::address(QByteArrayView value) const
{
    QByteArray out;
    appendAddress(value, out);
    return out;
}

QByteArray Pseudonymiser::mac(QByteArrayView value) const
{
    QByteArray out;
    appendMac(value, out);
    return out;
}

} // namespace d4::forward
