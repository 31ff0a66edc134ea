// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/packetdecoder.h"

#include <cstring>

#include <QtEndian>

namespace d4::capture {

namespace {

using Status = DecodedPacket::Status;

constexpr quint16 kEtherIpv4 = 0x0800;
constexpr quint16 kEtherIpv6 = 0x86DD;
constexpr quint16 kEtherVlan = 0x8100;
constexpr quint16 kEtherQinQ = 0x88A8;
constexpr quint16 kEtherQinQOld = 0x9100;
constexpr int kMaxIpv6Extensions = 16;

quint16 be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

quint32 be32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

void readAddress(const uchar *p, quint8 version, IpAddress &address)
{
    address.version = version;
    if (version == 4) {
        address.v4 = be32(p);
    } else {
        std::memcpy(address.v6.data(), p, 16);
    }
}

bool isIpv6Extension(quint8 next)
{
    return next == 0 || next == 43 || next == 44 || next == 60 || next == 51;
}

/** Walks IPv6 extension headers; returns the upper-layer offset or -1 when they are not all captured. */
qint64 skipIpv6Extensions(const uchar *data, quint32 length, quint8 &next, bool &fragmented, bool &nonFirst)
{
    quint32 offset = 40;
    for (int i = 0; i < kMaxIpv6Extensions && isIpv6Extension(next); ++i) {
        if (offset + 8 > length) {
            return -1;
        }
        const uchar *header = data + offset;
        quint32 size = 0;
        if (next == 44) {
            fragmented = true;
            nonFirst = nonFirst || (be16(header + 2) >> 3) != 0;
            size = 8;
        } else if (next == 51) {
            size = (static_cast<quint32>(header[1]) + 2) * 4;
        } else {
            size = (static_cast<quint32>(header[1]) + 1) * 8;
        }
        next = header[0];
        offset += size;
    }
    if (offset > length) {
        return -1;
    }
    return offset;
}

void decodeQuoted(const uchar *data, quint32 length, QuotedHeader &quoted)
{
    if (length < 1) {
        return;
    }
    const quint8 version = data[0] >> 4;
    quint32 headerLength = 0;
    bool nonFirst = false;
    if (version == 4) {
        headerLength = (data[0] & 0x0FU) * 4U;
        if (length < 20 || headerLength < 20 || headerLength > length) {
            return;
        }
        quoted.protocol = data[9];
        nonFirst = (be16(data + 6) & 0x1FFF) != 0;
        readAddress(data + 12, 4, quoted.source);
        readAddress(data + 16, 4, quoted.destination);
    } else if (version == 6) {
        if (length < 40) {
            return;
        }
        quint8 next = data[6];
        bool fragmented = false;
        const qint64 offset = skipIpv6Extensions(data, length, next, fragmented, nonFirst);
        readAddress(data + 8, 6, quoted.source);
        readAddress(data + 24, 6, quoted.destination);
        quoted.protocol = next;
        if (offset < 0) {
            quoted.present = true;
            return;
        }
        headerLength = static_cast<quint32>(offset);
    } else {
        return;
    }
    quoted.present = true;
    if (!nonFirst && length >= headerLength + 4) {
        quoted.hasPorts = true;
        quoted.sourcePort = be16(data + headerLength);
        quoted.destinationPort = be16(data + headerLength + 2);
    }
}

void decodeTransport(const uchar *data, quint32 length, quint32 offset, DecodedPacket &out)
{
    switch (out.protocol) {
    case DecodedPacket::kTcp: {
        if (length < 20) {
            out.status = Status::TruncatedTransport;
            return;
        }
        out.sourcePort = be16(data);
        out.destinationPort = be16(data + 2);
        out.tcpSequence = be32(data + 4);
        out.tcpAcknowledgement = be32(data + 8);
        out.tcpNs = (data[12] & 0x01) != 0;
        out.tcpFlags = data[13];
        const quint32 headerLength = qMax<quint32>(20, (data[12] >> 4) * 4U);
        out.payloadOffset = offset + qMin(headerLength, length);
        out.payloadLength = length > headerLength ? length - headerLength : 0;
        break;
    }
    case DecodedPacket::kUdp:
        if (length < 8) {
            out.status = Status::TruncatedTransport;
            return;
        }
        out.sourcePort = be16(data);
        out.destinationPort = be16(data + 2);
        out.payloadOffset = offset + 8;
        out.payloadLength = length - 8;
        break;
    case DecodedPacket::kIcmp:
    case DecodedPacket::kIcmpV6: {
        if (length < 4) {
            out.status = Status::TruncatedTransport;
            return;
        }
        out.icmpType = data[0];
        out.icmpCode = data[1];
        out.payloadOffset = offset + qMin<quint32>(8, length);
        out.payloadLength = length > 8 ? length - 8 : 0;
        const bool v4Error = out.protocol == DecodedPacket::kIcmp &&
                             (out.icmpType == 3 || out.icmpType == 4 || out.icmpType == 5 ||
                              out.icmpType == 11 || out.icmpType == 12);
        const bool v6Error = out.protocol == DecodedPacket::kIcmpV6 && out.icmpType >= 1 && out.icmpType <= 4;
        if ((v4Error || v6Error) && length > 8) {
            decodeQuoted(data + 8, length - 8, out.quoted);
        }
        break;
    }
    default:
        out.status = Status::OtherTransport;
        return;
    }
    out.status = Status::Ok;
}

} // namespace

const char *PacketDecoder::statusKey(DecodedPacket::Status status)
{
    switch (status) {
    case Status::Ok:
        return "ok";
    case Status::UnsupportedLinkType:
        return "unsupported_link_type";
    case Status::TruncatedLink:
        return "truncated_link";
    case Status::NotIp:
        return "not_ip";
    case Status::TruncatedIp:
        return "truncated_ip";
    case Status::BadIpHeader:
        return "bad_ip_header";
    case Status::Fragment:
        return "fragment";
    case Status::TruncatedTransport:
        return "truncated_transport";
    case Status::OtherTransport:
        return "other_transport";
    }
    return "unknown";
}

void PacketDecoder::decodeIp(const uchar *data, quint32 length, quint32 baseOffset, DecodedPacket &out)
{
    if (length < 1) {
        out.status = Status::TruncatedIp;
        return;
    }
    const quint8 version = data[0] >> 4;
    if (version == 4) {
        if (length < 20) {
            out.status = Status::TruncatedIp;
            return;
        }
        const quint32 headerLength = (data[0] & 0x0FU) * 4U;
        const quint32 totalLength = be16(data + 2);
        if (headerLength < 20) {
            out.status = Status::BadIpHeader;
            return;
        }
        if (headerLength > length) {
            out.status = Status::TruncatedIp;
            return;
        }
        readAddress(data + 12, 4, out.source);
        readAddress(data + 16, 4, out.destination);
        out.protocol = data[9];
        // A total length of 0 is what TCP segmentation offload leaves: trust the captured bytes.
        out.ipLength = totalLength == 0 ? length : totalLength;
        if (totalLength != 0 && totalLength < headerLength) {
            out.status = Status::BadIpHeader;
            return;
        }
        const quint16 fragment = be16(data + 6);
        out.fragmented = (fragment & 0x3FFF) != 0;
        if ((fragment & 0x1FFF) != 0) {
            out.status = Status::Fragment;
            return;
        }
        const quint32 end = totalLength == 0 ? length : qMin(length, totalLength);
        decodeTransport(data + headerLength, end - headerLength, baseOffset + headerLength, out);
        return;
    }
    if (version == 6) {
        if (length < 40) {
            out.status = Status::TruncatedIp;
            return;
        }
        readAddress(data + 8, 6, out.source);
        readAddress(data + 24, 6, out.destination);
        const quint32 payloadLength = be16(data + 4);
        out.ipLength = 40 + payloadLength;
        quint8 next = data[6];
        bool nonFirst = false;
        const quint32 end = payloadLength == 0 ? length : qMin(length, 40 + payloadLength);
        const qint64 offset = skipIpv6Extensions(data, end, next, out.fragmented, nonFirst);
        out.protocol = next;
        if (offset < 0) {
            out.status = Status::TruncatedTransport;
            return;
        }
        if (nonFirst) {
            out.status = Status::Fragment;
            return;
        }
        const auto headerLength = static_cast<quint32>(offset);
        decodeTransport(data + headerLength, end - headerLength, baseOffset + headerLength, out);
        return;
    }
    out.status = Status::BadIpHeader;
}

void PacketDecoder::decode(quint32 linkType, const uchar *data, quint32 length, DecodedPacket &out)
{
    out = DecodedPacket{};
    ++m_stats.frames;
    quint32 offset = 0;
    int family = 0; // 4, 6, or 0 for "look at the version nibble"
    bool ip = true;
    switch (linkType) {
    case 1: { // Ethernet
        if (length < 14) {
            out.status = Status::TruncatedLink;
            break;
        }
        quint16 type = be16(data + 12);
        offset = 14;
        while (type == kEtherVlan || type == kEtherQinQ || type == kEtherQinQOld) {
            if (offset + 4 > length) {
                out.status = Status::TruncatedLink;
                ip = false;
                break;
            }
            type = be16(data + offset + 2);
            offset += 4;
            ++out.vlanTags;
        }
        if (out.status == Status::TruncatedLink) {
            break;
        }
        if (type == kEtherIpv4) {
            family = 4;
        } else if (type == kEtherIpv6) {
            family = 6;
        } else {
            ip = false;
            out.status = Status::NotIp;
        }
        break;
    }
    case 113: // Linux cooked v1: protocol in the last 2 of 16 bytes
    case 276: // Linux cooked v2: protocol in the first 2 of 20 bytes
    {
        const quint32 header = linkType == 113 ? 16 : 20;
        if (length < header) {
            out.status = Status::TruncatedLink;
            ip = false;
            break;
        }
        const quint16 type = be16(data + (linkType == 113 ? 14 : 0));
        offset = header;
        if (type == kEtherIpv4) {
            family = 4;
        } else if (type == kEtherIpv6) {
            family = 6;
        } else {
            ip = false;
            out.status = Status::NotIp;
        }
        break;
    }
    case 101:
    case 12:
    case 14:
    case 228:
    case 229:
        break;
    case 0:     // BSD null: address family in the byte order of the capturing host
    case 108: { // OpenBSD loop: address family in network byte order
        if (length < 4) {
            out.status = Status::TruncatedLink;
            ip = false;
            break;
        }
        quint32 value = linkType == 108 ? be32(data) : qFromLittleEndian<quint32>(data);
        if (linkType == 0 && value > 0xFFFF) {
            value = be32(data);
        }
        offset = 4;
        if (value == 2) {
            family = 4;
        } else if (value == 24 || value == 28 || value == 30 || value == 10) {
            family = 6;
        } else {
            ip = false;
            out.status = Status::NotIp;
        }
        break;
    }
    default:
        out.status = Status::UnsupportedLinkType;
        ip = false;
        break;
    }
    if (ip && out.status != Status::TruncatedLink) {
        if (family != 0 && offset < length && (data[offset] >> 4) != family) {
            out.status = Status::BadIpHeader;
        } else {
            decodeIp(data + offset, length - offset, offset, out);
        }
    }
    if (out.source.version == 4) {
        ++m_stats.ipv4;
    } else if (out.source.version == 6) {
        ++m_stats.ipv6;
    }
    ++m_stats.status[static_cast<int>(out.status)];
}

} // namespace d4::capture
