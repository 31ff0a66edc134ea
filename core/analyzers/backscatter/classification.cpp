// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/classification.h"

namespace d4::analyzers::backscatter {

namespace {

using capture::DecodedPacket;

constexpr quint8 kSyn = 0x02;
constexpr quint8 kRst = 0x04;
constexpr quint8 kAck = 0x10;
constexpr quint8 kEceCwr = 0xC0;

void classifyTcp(const DecodedPacket &packet, Classification &result)
{
    // ECE and CWR (and NS, kept apart by the decoder) only negotiate ECN: an ECN-setup SYN
    // (SYN+ECE+CWR, RFC 3168) is a request, an ECN SYN/ACK is still a SYN/ACK.
    const quint8 flags = packet.tcpFlags & static_cast<quint8>(~kEceCwr);
    result.victim = packet.source;
    result.telescope = packet.destination;
    result.protocol = DecodedPacket::kTcp;
    result.targetPort = packet.sourcePort;
    result.attackerPort = packet.destinationPort;
    if ((flags & kSyn) && (flags & kAck)) {
        result.cls = BackscatterClass::SynAck;
        result.response = ResponseKind::SynAck;
    } else if (flags & kRst) {
        result.cls = BackscatterClass::Rst;
        result.response = (flags & kAck) ? ResponseKind::RstAck : ResponseKind::Rst;
    } else if (flags == kSyn) {
        result.cls = BackscatterClass::Request;
        result.statelessScanner =
            packet.destination.version == 4 && packet.tcpSequence == packet.destination.v4;
    } else {
        result.cls = BackscatterClass::Ambiguous;
    }
}

void classifyIcmp(const DecodedPacket &packet, Classification &result)
{
    const bool v6 = packet.protocol == DecodedPacket::kIcmpV6;
    const quint8 type = packet.icmpType;
    const bool reply = v6 ? type == 129 : (type == 0 || type == 14 || type == 16 || type == 18);
    const bool error =
        v6 ? (type >= 1 && type <= 4) : (type == 3 || type == 4 || type == 5 || type == 11 || type == 12);
    result.victim = packet.source;
    result.telescope = packet.destination;
    result.protocol = packet.protocol;
    if (reply) {
        result.cls = BackscatterClass::IcmpReply;
        result.response = ResponseKind::IcmpReply;
        return;
    }
    if (!error) {
        result.cls = (v6 ? type == 128 : (type == 8 || type == 13 || type == 15 || type == 17))
                         ? BackscatterClass::IcmpRequest
                         : BackscatterClass::Other;
        return;
    }
    result.cls = BackscatterClass::IcmpError;
    result.response = ResponseKind::IcmpError;
    if (packet.quoted.present) {
        // The quoted datagram is the attack packet: spoofed telescope source -> victim.
        result.victim = packet.quoted.destination;
        result.protocol = packet.quoted.protocol;
        result.mismatch = packet.quoted.source != packet.destination;
        if (packet.quoted.hasPorts) {
            result.attackerPort = packet.quoted.sourcePort;
            result.targetPort = packet.quoted.destinationPort;
        }
    }
}

} // namespace

const char *responseKindKey(ResponseKind kind)
{
    switch (kind) {
    case ResponseKind::SynAck:
        return "syn_ack";
    case ResponseKind::Rst:
        return "rst";
    case ResponseKind::RstAck:
        return "rst_ack";
    case ResponseKind::IcmpReply:
        return "icmp_reply";
    case ResponseKind::IcmpError:
        return "icmp_error";
    case ResponseKind::Udp:
        return "udp";
    }
    return "other";
}

Classification classify(const DecodedPacket &packet, bool udpResponses)
{
    Classification result;
    if (!packet.hasTransport()) {
        return result;
    }
    switch (packet.protocol) {
    case DecodedPacket::kTcp:
        classifyTcp(packet, result);
        break;
    case DecodedPacket::kIcmp:
    case DecodedPacket::kIcmpV6:
        classifyIcmp(packet, result);
        break;
    case DecodedPacket::kUdp:
        result.cls = BackscatterClass::Other;
        if (udpResponses && packet.sourcePort == 53) {
            result.cls = BackscatterClass::UdpResponse;
            result.response = ResponseKind::Udp;
            result.victim = packet.source;
            result.telescope = packet.destination;
            result.protocol = DecodedPacket::kUdp;
            result.targetPort = packet.sourcePort;
            result.attackerPort = packet.destinationPort;
        }
        break;
    default:
        result.cls = BackscatterClass::Other;
        break;
    }
    return result;
}

} // namespace d4::analyzers::backscatter
