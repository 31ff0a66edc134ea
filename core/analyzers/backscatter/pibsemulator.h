// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <unordered_set>

#include <QByteArray>

#include "capture/capturepacket.h"

namespace d4::analyzers::backscatter {

/**
 * Reproduces analyzer-d4-pibs's per-packet decision (spec §1.2) for cross-checking CIRCL output,
 * defects included: Ethernet assumed whatever the link type, EtherType 0x0800 at bytes 12-13,
 * IPv4 protocol 6, TCP at the fixed offset 34 (IHL and fragments ignored), the whole flags byte
 * compared with 0x02 (so ECN SYNs count as backscatter), and a SYN-seen table that never expires.
 * Unlike PIBS it does not read past the captured bytes (such packets are counted as skipped) and
 * its table is unbounded but never aborts. Not thread-safe.
 */
class PibsEmulator final
{
public:
    /** PIBS's `-b` header line. */
    static QByteArray csvHeader()
    {
        return QByteArrayLiteral("#timestamp, source IP, TCP flags, source port");
    }

    /**
     * Returns the CSV line PIBS prints for @p packet (Unix seconds, dotted source, decimal flags
     * byte, decimal source port), or an empty array when PIBS prints nothing.
     */
    QByteArray process(const capture::CapturePacket &packet);

    quint64 lines() const noexcept { return m_lines; }
    quint64 skippedShort() const noexcept { return m_skippedShort; }
    /** Lines per TCP flags byte value. */
    const quint64 *linesByFlags() const noexcept { return m_byFlags; }
    qsizetype synSources() const { return static_cast<qsizetype>(m_synSeen.size()); }

private:
    std::unordered_set<quint32> m_synSeen;
    quint64 m_lines = 0;
    quint64 m_skippedShort = 0;
    quint64 m_byFlags[256] = {};
};

} // namespace d4::analyzers::backscatter
