// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QPair>

#include "analyzers/backscatter/attackevidence.h"
#include "analyzers/backscatter/classification.h"

namespace d4::analyzers::backscatter {

/**
 * The figures of one (victim, protocol) vector, as kept after it closes and as shown for an
 * attack: the Corsaro3 `dos` record fields plus distinct telescope addresses and the response mix.
 * Distinct counts are exact up to BackscatterSettings::maxSetSize, then lower bounds (saturated).
 */
struct AttackRecord
{
    quint32 victim = 0; ///< IPv4, host order
    quint8 protocol = 0;
    quint64 packets = 0;
    quint64 bytes = 0; ///< sum of IP total lengths
    qint64 startNs = 0;
    qint64 latestNs = 0;
    quint64 maxWindowPackets = 0;   ///< most packets in one sliding window
    quint32 telescopeAddresses = 0; ///< distinct sensor addresses hit
    quint32 attackerSlash16s = 0;   ///< distinct /16s of those addresses
    quint32 attackerPorts = 0;      ///< distinct spoofed source ports
    quint32 targetPorts = 0;        ///< distinct attacked ports
    bool setsSaturated = false;
    quint16 firstAttackerPort = 0;
    quint16 firstTargetPort = 0;
    quint64 icmpMismatches = 0;
    quint32 initialPacketLength = 0;
    quint64 responses[kResponseKindCount] = {};
    QList<QPair<qint64, quint32>> timeline;        ///< (bucket start ns, packets) per slide, capped
    QList<QPair<quint16, quint32>> topTargetPorts; ///< up to 10, most packets first
    bool active = false;                           ///< still receiving packets (not timed out)
    bool evicted = false;                          ///< closed early by the memory bound
    AttackEvidence evidence;                       ///< first and most recent packets (EvidenceWriter)

    qint64 durationNs() const { return latestNs - startNs; }
    /** Observed packets per second over the vector's duration (packets when shorter than 1 s). */
    double observedPps() const;
    /** Most packets in one window, normalised to one minute. */
    double maxPpm(qint64 windowNs) const;
};

} // namespace d4::analyzers::backscatter
