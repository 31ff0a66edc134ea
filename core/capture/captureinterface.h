// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::capture {

/**
 * A capture interface: the single implicit one of a pcap file, or a pcapng Interface Description
 * Block. The time resolution is 10^-exponent s, or 2^-exponent s when binary (pcapng if_tsresol).
 */
struct CaptureInterface
{
    quint32 linkType = 0;
    quint32 snapLength = 0;
    quint8 resolutionExponent = 6;
    bool binaryResolution = false;
    qint64 offsetSeconds = 0; ///< pcapng if_tsoffset
    QString name;             ///< pcapng if_name
    quint64 packets = 0;

    /** "µs", "ns", "10^-k s" or "2^-k s". */
    QString resolutionText() const;
    /** @p ticks in this interface's resolution converted to nanoseconds since the epoch. */
    qint64 toNanoseconds(quint64 ticks) const;
};

} // namespace d4::capture
