// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::analyzers::backscatter {

/** The verdict on one packet (spec §6.2). Only SynAck … UdpResponse are backscatter. */
enum class BackscatterClass
{
    NotAnalysed, ///< not IP, fragment, truncated or another transport
    Request,     ///< bare SYN (ECE/CWR/NS masked): a connection attempt, feeds the SYN-seen table
    SynAck,
    Rst,         ///< RST with or without ACK
    IcmpReply,   ///< ICMP 0/14/16/18, ICMPv6 129
    IcmpError,   ///< ICMP 3/4/5/11/12, ICMPv6 1-4
    UdpResponse, ///< UDP from port 53 (only when enabled)
    Ambiguous,   ///< bare ACK, FIN, PSH combinations: counted, never attack evidence
    IcmpRequest, ///< other ICMP (echo request…)
    Other        ///< UDP (when not enabled) and other packets
};
constexpr int kBackscatterClassCount = 10;

/** True for the classes that are evidence of an attack on the source (or quoted victim). */
constexpr bool isBackscatter(BackscatterClass c)
{
    return c == BackscatterClass::SynAck || c == BackscatterClass::Rst || c == BackscatterClass::IcmpReply ||
           c == BackscatterClass::IcmpError || c == BackscatterClass::UdpResponse;
}

/** Stable identifier ("syn_ack"…) for JSON/CSV. */
const char *backscatterClassKey(BackscatterClass c);
/** Translated label for the UI. */
QString backscatterClassLabel(BackscatterClass c);

} // namespace d4::analyzers::backscatter
