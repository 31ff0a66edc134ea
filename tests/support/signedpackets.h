// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace d4::test {

/** What a byte stream of D4 packets holds, as the server's decoder reads it. */
struct SignedPackets
{
    std::vector<std::uint32_t> sizes;  ///< payload size of each packet, in order
    std::vector<std::uint8_t> types;   ///< D4 type of each packet
    std::vector<std::uint8_t> payload; ///< every payload, concatenated
    std::uint64_t lastTimestamp = 0;   ///< header timestamp of the last packet
    bool allSigned = true;             ///< every HMAC verifies and no byte is left over
};

/** Decodes @p bytes with FrameDecoder and checks each packet's HMAC against @p key. */
SignedPackets decodeSignedPackets(std::span<const std::uint8_t> bytes, std::string_view key);

} // namespace d4::test
