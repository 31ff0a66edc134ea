// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "analyzers/backscatter/attackevidence.h"

namespace d4::analyzers::backscatter {

struct AttackRecord;

/**
 * Writes the evidence of an attack as a capture file that Wireshark, tcpdump and libpcap read: a
 * classic little-endian pcap with the packets' link type (microsecond magic when every time is a
 * whole microsecond, else the nanosecond magic). When the packets do not share one link type
 * (several sensors feeding one live analyzer) or a time does not fit pcap's 32-bit seconds, the
 * file is a pcapng with one interface per link type and nanosecond times instead; libpcap refuses
 * such a multi-link-type pcapng, Wireshark and the console read it. Any thread.
 */
class EvidenceWriter final
{
public:
    /** True when @p packets need pcapng (several link types, or times outside pcap's range). */
    static bool needsPcapNg(const QList<EvidencePacket> &packets);
    /** The capture file bytes of @p packets, in the given order. */
    static QByteArray toCapture(const QList<EvidencePacket> &packets);
    /**
     * A file name naming the attack: victim, protocol and start time, e.g.
     * "198.51.100.10-tcp-20231114T221320.000000000Z.pcap" (".pcapng" when needsPcapNg()).
     */
    static QString fileName(const AttackRecord &attack);
    /**
     * Why @p attack has no evidence to write (empty when it has some): evidence capture off, the
     * vector closed below the thresholds of the time, or the memory budget was spent.
     */
    static QString unavailableReason(const AttackRecord &attack);
    /** Writes @p attack's evidence to @p path (atomically); false with @p error when it has none. */
    static bool write(const AttackRecord &attack, const QString &path, QString &error);
};

} // namespace d4::analyzers::backscatter
