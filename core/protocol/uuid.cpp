// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "uuid.h"

#include <stdexcept>

#include <openssl/rand.h>

namespace d4::protocol {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool isSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

bool isUuidV4(const Uuid &uuid) noexcept
{
    return (uuid[6] >> 4) == 4 && (uuid[8] & 0xC0) == 0x80;
}

std::string uuidToHex(const Uuid &uuid)
{
    std::string out;
    out.reserve(32);
    for (std::uint8_t byte : uuid) {
        out.push_back(kHexDigits[byte >> 4]);
        out.push_back(kHexDigits[byte & 0x0F]);
    }
    return out;
}

std::string uuidToDashed(const Uuid &uuid)
{
    const std::string hex = uuidToHex(uuid);
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) {
            out.push_back('-');
        }
        out.push_back(hex[i]);
    }
    return out;
}

std::optional<Uuid> parseUuid(std::string_view text)
{
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    const bool dashed = text.size() == 36;
    if (!dashed && text.size() != 32) {
        return std::nullopt;
    }
    Uuid uuid{};
    std::size_t nibble = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (dashed && (i == 8 || i == 13 || i == 18 || i == 23)) {
            if (text[i] != '-') {
                return std::nullopt;
            }
            continue;
        }
        const int value = hexValue(text[i]);
        if (value < 0) {
            return std::nullopt;
        }
        uuid[nibble / 2] = static_cast<std::uint8_t>(uuid[nibble / 2] | (nibble % 2 ? value : value << 4));
        ++nibble;
    }
    return uuid;
}

Uuid generateUuidV4()
{
    Uuid uuid{};
    if (RAND_bytes(uuid.data(), static_cast<int>(uuid.size())) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    }
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x40);
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);
    return uuid;
}

} // namespace d4::protocol
