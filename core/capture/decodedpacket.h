// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>

#include <QtGlobal>

namespace d4::capture {

/** An IPv4 or IPv6 address; IPv4 is kept in the low 32 bits of v4 (host order). */
struct IpAddress
{
    quint8 version = 0;
    quint32 v4 = 0;
    std::array<quint8, 16> v6{};

    bool operator==(const IpAddress &other) const = default;
};

/** Layer 3/4 fields of the IP header quoted by an ICMP error message. */
struct QuotedHeader
{
    bool present = false; ///< at least a complete IP header was quoted
    IpAddress source;
    IpAddress destination;
    quint8 protocol = 0;
    bool hasPorts = false; ///< the first 4 bytes after the quoted IP header were there
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
};

/** What PacketDecoder extracts from one captured frame. Plain data, copied freely. */
struct DecodedPacket
{
    /** How far decoding got; every value except Ok has a counter in PacketDecoder::Stats. */
    enum class Status : quint8
    {
        Ok,
        UnsupportedLinkType,
        TruncatedLink,      ///< frame shorter than its link-layer header
        NotIp,              ///< ARP, LLDP… (not an error)
        TruncatedIp,        ///< IP header not completely captured
        BadIpHeader,        ///< IHL < 5, version mismatch, total length < header
        Fragment,           ///< non-first fragment: no transport header (IP fields valid)
        TruncatedTransport, ///< transport header not completely captured (IP fields valid)
        OtherTransport      ///< IP protocol other than TCP/UDP/ICMP/ICMPv6 (IP fields valid)
    };
    static constexpr int kStatusCount = 9;

    static constexpr quint8 kTcp = 6;
    static constexpr quint8 kUdp = 17;
    static constexpr quint8 kIcmp = 1;
    static constexpr quint8 kIcmpV6 = 58;

    Status status = Status::UnsupportedLinkType;
    quint8 vlanTags = 0;
    IpAddress source;
    IpAddress destination;
    quint8 protocol = 0;     ///< IPv4 protocol, or the IPv6 upper-layer next header
    quint32 ipLength = 0;    ///< IPv4 total length, or 40 + IPv6 payload length
    bool fragmented = false; ///< any fragment (MF set or offset > 0, or an IPv6 fragment header)
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    quint8 tcpFlags = 0; ///< the 8-bit flags byte (CWR ECE URG ACK PSH RST SYN FIN)
    bool tcpNs = false;  ///< the NS (nonce sum) bit
    quint32 tcpSequence = 0;
    quint32 tcpAcknowledgement = 0;
    quint8 icmpType = 0;
    quint8 icmpCode = 0;
    QuotedHeader quoted;       ///< for ICMP/ICMPv6 error messages
    quint32 payloadOffset = 0; ///< offset of the transport payload in the frame
    quint32 payloadLength = 0; ///< captured bytes of transport payload

    bool hasTransport() const { return status == Status::Ok; }
    bool isIp() const { return source.version != 0; }
};

} // namespace d4::capture
