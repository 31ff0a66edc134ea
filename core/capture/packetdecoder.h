// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QtGlobal>

#include "capture/decodedpacket.h"

namespace d4::capture {

/**
 * Decodes link, IP and transport headers of one frame without copying it: Ethernet (with any
 * number of 802.1Q / 802.1ad / QinQ tags), Linux SLL (113) and SLL2 (276), raw IP (101, 228, 229,
 * and 12/14 as some systems write them), null (0) and loop (108) loopback; IPv4 honouring IHL and
 * fragments, IPv6 with its extension headers; TCP, UDP, ICMP and ICMPv6, including the header
 * quoted by ICMP errors. Only bytes actually captured are read. Counts every outcome. Not
 * thread-safe (the counters); decode() itself keeps no other state.
 *
 * Why no library: libpcap has no decoder and the existing ones (libtins, PcapPlusPlus) are not in
 * Debian or pull in far more than the few fixed-layout headers needed here; fuzzed (fuzz_packet).
 */
class PacketDecoder final
{
public:
    struct Stats
    {
        quint64 frames = 0;
        quint64 ipv4 = 0;
        quint64 ipv6 = 0;
        quint64 status[DecodedPacket::kStatusCount] = {};
    };

    /** Decodes @p length bytes of a frame of @p linkType into @p out (reset first). */
    void decode(quint32 linkType, const uchar *data, quint32 length, DecodedPacket &out);
    const Stats &stats() const noexcept { return m_stats; }
    static const char *statusKey(DecodedPacket::Status status);

    /** Decodes an IP datagram starting at @p data (version from its first nibble). */
    static void decodeIp(const uchar *data, quint32 length, quint32 baseOffset, DecodedPacket &out);

private:
    Stats m_stats;
};

} // namespace d4::capture
