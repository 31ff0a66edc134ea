// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "analyzers/backscatter/backscatterclass.h"
#include "capture/decodedpacket.h"

namespace d4::analyzers::backscatter {

/** Kinds of response counted per vector (the response-type mix of spec §3). */
enum class ResponseKind
{
    SynAck,
    Rst,
    RstAck,
    IcmpReply,
    IcmpError,
    Udp
};
constexpr int kResponseKindCount = 6;
const char *responseKindKey(ResponseKind kind);

/** The verdict and the roles of the addresses and ports of one packet (spec §6.2). */
struct Classification
{
    BackscatterClass cls = BackscatterClass::NotAnalysed;
    ResponseKind response = ResponseKind::SynAck; ///< valid when isBackscatter(cls)
    capture::IpAddress victim;                    ///< the attacked host (source, or quoted destination)
    capture::IpAddress telescope;  ///< the sensor address hit (the spoofed source of the attack)
    quint8 protocol = 0;           ///< protocol of the attack (inner protocol for ICMP errors)
    quint16 targetPort = 0;        ///< attacked service port on the victim
    quint16 attackerPort = 0;      ///< the spoofed source port of the attack packets
    bool mismatch = false;         ///< ICMP error whose quoted source is not the outer destination
    bool statelessScanner = false; ///< bare SYN whose sequence number equals its destination
};

/** Stateless per-packet classification; @p udpResponses enables the UdpResponse class. */
Classification classify(const capture::DecodedPacket &packet, bool udpResponses);

} // namespace d4::analyzers::backscatter
