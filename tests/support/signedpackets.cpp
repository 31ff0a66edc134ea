// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "signedpackets.h"

#include "protocol/framedecoder.h"
#include "protocol/hmacsha256.h"

namespace d4::test {

SignedPackets decodeSignedPackets(std::span<const std::uint8_t> bytes, std::string_view key)
{
    SignedPackets out;
    protocol::FrameDecoder decoder;
    decoder.append(bytes);
    protocol::HmacSha256 verifier(key);
    while (auto frame = decoder.next()) {
        out.allSigned = out.allSigned && verifier.verifyPacket(frame->rawHeader, frame->payload);
        out.sizes.push_back(frame->header.size);
        out.types.push_back(frame->header.type);
        out.lastTimestamp = frame->header.timestamp;
        out.payload.insert(out.payload.end(), frame->payload.begin(), frame->payload.end());
    }
    // Trailing bytes that do not form a packet count as a failure too.
    out.allSigned =
        out.allSigned && decoder.bufferedBytes() == 0 && decoder.error() == protocol::FrameError::None;
    return out;
}

} // namespace d4::test
