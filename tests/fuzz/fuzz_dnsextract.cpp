// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// import::DnsSink (TcpDnsReassembler + passivedns::DnsExtractor/ldns) on arbitrary payloads: the
// first byte chooses UDP (one message) or TCP (segments of the rest, each prefixed by a one-byte
// length and a flags byte, with sequence numbers that may go back, skip or repeat).

#include <cstddef>
#include <cstdint>

#include "import/dnssink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    d4::import::DnsSink::Options options;
    options.maxTcpFlows = 4;
    d4::import::DnsSink sink(options);
    d4::capture::CapturePacket packet;
    packet.timestampNs = 1700000000000000000LL;
    d4::capture::DecodedPacket decoded;
    decoded.status = d4::capture::DecodedPacket::Status::Ok;
    decoded.source.version = 4;
    decoded.destination.version = 4;
    decoded.sourcePort = 53;
    decoded.destinationPort = 40000;
    const bool tcp = (data[0] & 1) != 0;
    if (!tcp) {
        decoded.protocol = d4::capture::DecodedPacket::kUdp;
        packet.data = data + 1;
        packet.capturedLength = packet.originalLength = static_cast<uint32_t>(size - 1);
        decoded.payloadLength = packet.capturedLength;
        sink.onPacket(packet, decoded);
        return 0;
    }
    decoded.protocol = d4::capture::DecodedPacket::kTcp;
    size_t offset = 1;
    uint32_t sequence = 1000;
    while (offset + 2 <= size) {
        const size_t length = qMin<size_t>(data[offset], size - offset - 2);
        const uint8_t control = data[offset + 1];
        decoded.tcpFlags = static_cast<uint8_t>(control & 0x07);
        decoded.source.v4 = control >> 6; // a few distinct flows
        decoded.tcpSequence = sequence - ((control & 0x08) ? 3u : 0u) + ((control & 0x10) ? 7u : 0u);
        packet.data = data + offset + 2;
        packet.capturedLength = static_cast<uint32_t>(length);
        packet.originalLength = packet.capturedLength + ((control & 0x20) ? 1u : 0u);
        decoded.payloadLength = packet.capturedLength;
        sink.onPacket(packet, decoded);
        sequence = decoded.tcpSequence + static_cast<uint32_t>(length);
        offset += 2 + length;
    }
    return 0;
}
