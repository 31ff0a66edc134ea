// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target for CaptureReader (pcap, pcapng, gzip). Input layout:
//   byte 0  seed of the split pattern (0: one piece)
//   rest    the capture bytes
// The bytes are read once in one piece and once split; both runs must agree on the error, the
// packets (count and a checksum of times, lengths and data) and the truncation. Every packet is
// also decoded and classified. Any violated invariant calls abort().

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "analyzers/backscatter/classification.h"
#include "capture/capturereader.h"
#include "capture/packetdecoder.h"

using namespace d4::capture;

namespace {

struct Outcome
{
    CaptureError error = CaptureError::None;
    bool finished = false;
    quint64 packets = 0;
    quint64 checksum = 0;
    quint64 truncated = 0;
};

Outcome run(const uint8_t *data, size_t size, uint8_t seed)
{
    Outcome outcome;
    PacketDecoder decoder;
    CaptureReader reader([&](const CapturePacket &packet) {
        if (packet.capturedLength > 0 && packet.data == nullptr) {
            abort();
        }
        ++outcome.packets;
        quint64 sum =
            static_cast<quint64>(packet.timestampNs) * 31 + packet.capturedLength * 7 + packet.linkType;
        for (quint32 i = 0; i < packet.capturedLength; ++i) {
            sum = sum * 131 + packet.data[i];
        }
        outcome.checksum = outcome.checksum * 1000003 + sum;
        DecodedPacket decoded;
        decoder.decode(packet.linkType, packet.data, packet.capturedLength, decoded);
        if (decoded.payloadOffset + decoded.payloadLength > packet.capturedLength) {
            abort();
        }
        (void)d4::analyzers::backscatter::classify(decoded, true);
    });
    size_t offset = 0;
    uint32_t state = seed;
    while (offset < size) {
        size_t piece = size - offset;
        if (seed != 0) {
            state = state * 1103515245U + 12345U;
            piece = std::min<size_t>(piece, 1 + (state >> 16) % 97);
        }
        reader.feed(
            QByteArrayView(reinterpret_cast<const char *>(data + offset), static_cast<qsizetype>(piece)));
        offset += piece;
    }
    outcome.finished = reader.finish();
    outcome.error = reader.error();
    outcome.truncated = reader.truncatedBytes();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    const uint8_t seed = data[0];
    const Outcome whole = run(data + 1, size - 1, 0);
    const Outcome split = run(data + 1, size - 1, seed);
    if (whole.error != split.error || whole.packets != split.packets || whole.checksum != split.checksum ||
        whole.truncated != split.truncated || whole.finished != split.finished) {
        abort();
    }
    if (whole.finished != (whole.error == CaptureError::None)) {
        abort();
    }
    return 0;
}
