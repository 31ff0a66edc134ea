// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "packetencoder.h"

#include <algorithm>

namespace d4::protocol {

PacketEncoder::PacketEncoder(const Uuid &uuid, std::uint8_t type, std::string_view key, std::uint8_t version)
    : m_uuid(uuid)
    , m_type(type)
    , m_version(version)
    , m_hmac(key)
{
}

void PacketEncoder::sealHeader(std::span<std::uint8_t, kHeaderSize> header,
                               std::span<const std::uint8_t> payload, std::uint64_t timestamp)
{
    Header fields;
    fields.version = m_version;
    fields.type = m_type;
    fields.uuid = m_uuid;
    fields.timestamp = timestamp;
    fields.size = static_cast<std::uint32_t>(payload.size());
    encodeHeader(fields, header);
    const HmacDigest digest = m_hmac.packetDigest(header, payload);
    std::copy(digest.begin(), digest.end(), header.begin() + kHmacOffset);
}

void PacketEncoder::appendPacket(std::vector<std::uint8_t> &out, std::span<const std::uint8_t> payload,
                                 std::uint64_t timestamp)
{
    const std::size_t start = out.size();
    out.resize(start + kHeaderSize + payload.size());
    std::copy(payload.begin(), payload.end(), out.begin() + static_cast<std::ptrdiff_t>(start + kHeaderSize));
    sealHeader(std::span<std::uint8_t, kHeaderSize>(out.data() + start, kHeaderSize), payload, timestamp);
}

} // namespace d4::protocol
