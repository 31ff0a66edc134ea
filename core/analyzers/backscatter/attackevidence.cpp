// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/attackevidence.h"

#include <cstring>

#include "capture/capturepacket.h"

namespace d4::analyzers::backscatter {

qint64 AttackEvidence::cost(const EvidencePacket &packet)
{
    return packet.data.size() + kPacketOverhead;
}

qint64 AttackEvidence::bytesNeeded(quint32 capturedLength, const EvidenceLimits &limits) const
{
    const bool toFirst = m_first.size() < limits.firstPackets;
    if (isReleased() || (!toFirst && limits.recentPackets <= 0)) {
        return 0;
    }
    const bool ringFull = !toFirst && m_recent.size() >= limits.recentPackets;
    return capturedLength + kPacketOverhead - (ringFull ? cost(m_recent.at(m_oldestRecent)) : 0);
}

qint64 AttackEvidence::add(const capture::CapturePacket &packet, qint64 timestampNs,
                           const EvidenceLimits &limits, qint64 budgetBytes)
{
    if (isReleased()) {
        ++m_released;
        return 0;
    }
    const bool toFirst = m_first.size() < limits.firstPackets;
    if (!toFirst && limits.recentPackets <= 0) {
        ++m_omitted;
        return 0;
    }
    const bool ringFull = !toFirst && m_recent.size() >= limits.recentPackets;
    const qint64 needed = packet.capturedLength + kPacketOverhead;
    const qint64 freed = ringFull ? cost(m_recent.at(m_oldestRecent)) : 0;
    if (needed - freed > budgetBytes) {
        ++m_refused;
        return 0;
    }
    EvidencePacket *slot = nullptr;
    if (toFirst) {
        slot = &m_first.emplace_back();
    } else if (!ringFull) {
        slot = &m_recent.emplace_back();
    } else {
        slot = &m_recent[m_oldestRecent];
        m_oldestRecent = (m_oldestRecent + 1) % m_recent.size();
        ++m_omitted; // the packet pushed out of the ring
    }
    slot->timestampNs = timestampNs;
    slot->linkType = packet.linkType;
    slot->originalLength = packet.originalLength;
    // A ring slot not shared with a snapshot reuses its buffer (no allocation per packet), unless
    // that buffer is much larger than the packet: the memory budget counts sizes, not capacities.
    if (slot->data.capacity() > 2 * static_cast<qsizetype>(packet.capturedLength) + kPacketOverhead) {
        slot->data = QByteArray();
    }
    slot->data.resize(static_cast<qsizetype>(packet.capturedLength));
    if (packet.capturedLength > 0) {
        std::memcpy(slot->data.data(), packet.data, packet.capturedLength);
    }
    m_bytes += needed - freed;
    return needed - freed;
}

qint64 AttackEvidence::release(Release why)
{
    const qint64 freed = m_bytes;
    m_released += static_cast<quint64>(keptPackets());
    m_first.clear();
    m_recent.clear();
    m_oldestRecent = 0;
    m_bytes = 0;
    m_release = why;
    return freed;
}

QList<EvidencePacket> AttackEvidence::packets() const
{
    QList<EvidencePacket> packets;
    packets.reserve(keptPackets());
    packets.append(m_first);
    for (qsizetype i = 0; i < m_recent.size(); ++i) {
        packets.append(m_recent.at((m_oldestRecent + i) % m_recent.size()));
    }
    return packets;
}

} // namespace d4::analyzers::backscatter
