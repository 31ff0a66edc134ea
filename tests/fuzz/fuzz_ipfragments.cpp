// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// capture::IpFragmentReassembler on arbitrary fragment sequences, and PacketDecoder on what it
// reassembles. The input is a list of records: a 2-byte big-endian length, a 1-byte time step in
// seconds, then that many bytes of IP datagram (from the IP header on). Small limits so that
// eviction, timeouts and the fragment cap are reached quickly.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "capture/decodedpacket.h"
#include "capture/ipfragmentreassembler.h"
#include "capture/packetdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    d4::capture::IpFragmentReassembler::Limits limits;
    limits.maxDatagrams = 4;
    limits.maxFragments = 16;
    limits.timeoutNs = 30'000'000'000;
    d4::capture::IpFragmentReassembler reassembler(limits);
    qint64 timeNs = 1'700'000'000'000'000'000;
    size_t offset = 0;
    while (offset + 3 <= size) {
        const size_t length = qMin<size_t>((size_t(data[offset]) << 8) | data[offset + 1], size - offset - 3);
        timeNs += qint64(data[offset + 2]) * 1'000'000'000;
        const QByteArrayView whole = reassembler.add(data + offset + 3, static_cast<quint32>(length), timeNs);
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
        offset += 3 + length;
    }
    reassembler.flush();
    const auto &stats = reassembler.stats();
    if (stats.fragments < stats.datagrams) {
        std::abort();
    }
    return 0;
}
