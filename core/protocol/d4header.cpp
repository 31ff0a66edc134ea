// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "d4header.h"

#include <algorithm>

namespace d4::protocol {

namespace {

template <typename T> void putLittleEndian(T value, std::uint8_t *out) noexcept
{
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

template <typename T> T getLittleEndian(const std::uint8_t *in) noexcept
{
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        value |= static_cast<T>(in[i]) << (8 * i);
    }
    return value;
}

} // namespace

void encodeHeader(const Header &header, std::span<std::uint8_t, kHeaderSize> out) noexcept
{
    out[0] = header.version;
    out[1] = header.type;
    std::copy(header.uuid.begin(), header.uuid.end(), out.begin() + kUuidOffset);
    putLittleEndian(header.timestamp, out.data() + kTimestampOffset);
    std::copy(header.hmac.begin(), header.hmac.end(), out.begin() + kHmacOffset);
    putLittleEndian(header.size, out.data() + kSizeOffset);
}

Header decodeHeader(std::span<const std::uint8_t, kHeaderSize> in) noexcept
{
    Header header;
    header.version = in[0];
    header.type = in[1];
    std::copy_n(in.begin() + kUuidOffset, kUuidSize, header.uuid.begin());
    header.timestamp = getLittleEndian<std::uint64_t>(in.data() + kTimestampOffset);
    std::copy_n(in.begin() + kHmacOffset, kHmacSize, header.hmac.begin());
    header.size = getLittleEndian<std::uint32_t>(in.data() + kSizeOffset);
    return header;
}

} // namespace d4::protocol
