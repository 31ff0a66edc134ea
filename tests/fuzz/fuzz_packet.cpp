// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target for PacketDecoder and the backscatter classification. Input layout:
//   byte 0  index into the supported link types (modulo their number)
//   rest    one frame
// The frame is copied into a buffer of exactly its size so ASan sees any read past it. Checks that
// the payload stays inside the frame and that statuses and counters agree.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "analyzers/backscatter/classification.h"
#include "capture/packetdecoder.h"

using namespace d4::capture;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static constexpr quint32 kLinkTypes[] = {1, 113, 276, 101, 228, 229, 12, 14, 0, 108, 147};
    if (size < 1 || size > 70000) {
        return 0;
    }
    const quint32 linkType = kLinkTypes[data[0] % (sizeof(kLinkTypes) / sizeof(kLinkTypes[0]))];
    std::vector<uchar> frame(data + 1, data + size);
    PacketDecoder decoder;
    DecodedPacket decoded;
    decoder.decode(linkType, frame.data(), static_cast<quint32>(frame.size()), decoded);
    if (decoded.payloadOffset + decoded.payloadLength > frame.size()) {
        abort();
    }
    if (decoder.stats().status[static_cast<int>(decoded.status)] != 1 || decoder.stats().frames != 1) {
        abort();
    }
    if (decoded.status == DecodedPacket::Status::Ok && !decoded.isIp()) {
        abort();
    }
    const auto classification = d4::analyzers::backscatter::classify(decoded, true);
    if (d4::analyzers::backscatter::isBackscatter(classification.cls) && !decoded.hasTransport()) {
        abort();
    }
    return 0;
}
