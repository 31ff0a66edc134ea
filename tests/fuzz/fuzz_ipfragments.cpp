// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// capture::IpFragmentReassembler on arbitrary fragment sequences. The first byte chooses the mode:
// even, the records are IP datagrams given to the reassembler directly, and PacketDecoder decodes
// what it reassembles; odd, they are Ethernet frames given to a PacketPipeline with an
// import::DnsSink (locating the IP header, reassembly, DNS extraction of reassembled datagrams).
// Then a list of records: a 2-byte big-endian length, a 1-byte time step in seconds, that many
// bytes. Small limits so that eviction, timeouts and the fragment cap are reached quickly.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "capture/decodedpacket.h"
#include "capture/ipfragmentreassembler.h"
#include "capture/packetdecoder.h"
#include "capture/packetpipeline.h"
#include "import/dnssink.h"

namespace {

d4::capture::IpFragmentReassembler::Limits smallLimits()
{
    d4::capture::IpFragmentReassembler::Limits limits;
    limits.maxDatagrams = 4;
    limits.maxFragments = 16;
    limits.timeoutNs = 30'000'000'000;
    return limits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    const bool frames = (data[0] & 1) != 0;
    const d4::capture::IpFragmentReassembler::Limits limits = smallLimits();
    d4::capture::IpFragmentReassembler reassembler(limits);
    d4::import::DnsSink::Options options;
    options.maxTcpFlows = 4;
    options.fragmentLimits = limits;
    d4::import::DnsSink sink(options);
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&sink);

    qint64 timeNs = 1'700'000'000'000'000'000;
    size_t offset = 1;
    while (offset + 3 <= size) {
        const size_t length = qMin<size_t>((size_t(data[offset]) << 8) | data[offset + 1], size - offset - 3);
        timeNs += qint64(data[offset + 2]) * 1'000'000'000;
        const uchar *bytes = data + offset + 3;
        if (frames) {
            d4::capture::CapturePacket packet;
            packet.timestampNs = timeNs;
            packet.linkType = 1;
            packet.data = bytes;
            packet.capturedLength = packet.originalLength = static_cast<quint32>(length);
            pipeline.onPacket(packet);
        } else {
            const QByteArrayView whole = reassembler.add(bytes, static_cast<quint32>(length), timeNs);
            if (!whole.isEmpty()) {
                if (whole.size() > 65535 + 40) {
                    std::abort(); // larger than any IP datagram
                }
                d4::capture::DecodedPacket decoded;
                d4::capture::PacketDecoder::decodeIp(reinterpret_cast<const uchar *>(whole.data()),
                                                     static_cast<quint32>(whole.size()), 0, decoded);
            }
            if (reassembler.inProgress() > limits.maxDatagrams) {
                std::abort();
            }
        }
        offset += 3 + length;
    }
    reassembler.flush();
    sink.finish();
    const auto &stats = reassembler.stats();
    if (stats.fragments < stats.datagrams ||
        sink.fragmentStats().fragments < sink.fragmentStats().datagrams) {
        std::abort();
    }
    return 0;
}
