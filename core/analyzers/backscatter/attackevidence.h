// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>

namespace d4::capture {
struct CapturePacket;
}

namespace d4::analyzers::backscatter {

/** One packet kept as evidence: capture time, link type and the captured bytes. */
struct EvidencePacket
{
    qint64 timestampNs = 0;
    quint32 linkType = 0;
    quint32 originalLength = 0;
    QByteArray data;

    bool operator==(const EvidencePacket &other) const = default;
};

/** How many packets of one vector are kept (BackscatterSettings::evidence*). */
struct EvidenceLimits
{
    qsizetype firstPackets = 25;  ///< the first packets of the vector, always kept
    qsizetype recentPackets = 25; ///< then a ring of the most recent ones
    bool enabled() const { return firstPackets > 0 || recentPackets > 0; }
};

/**
 * The evidence of one (victim, protocol) vector (spec §6.8 "evidence pcap per victim"): its first
 * EvidenceLimits::firstPackets packets, then a ring of the recentPackets most recent ones. Every
 * packet not kept is counted: omitted() when it fell between the two (pushed out of the ring, or
 * no ring), refused() when the analyzer's memory budget for evidence was spent. Copies share the
 * packet bytes (implicit sharing), so a snapshot costs no packet copy. Not thread-safe by itself;
 * the analyzer's mutex guards the copy it updates.
 */
class AttackEvidence
{
public:
    /** Why the kept packets were dropped after the fact. */
    enum class Release
    {
        None,
        BelowThresholds, ///< the vector ended below the thresholds in force then
        ForNewerAttacks  ///< the budget was spent: an old, ended attack gave way to newer ones
    };

    /** Memory charged per kept packet besides its bytes (list entry, array header). */
    static constexpr qint64 kPacketOverhead = 64;

    /**
     * Offers the next packet of the vector (@p timestampNs: the capture time the analyzer used).
     * It is kept when it is one of the first, or in the ring (the oldest ring entry then goes),
     * unless its memory would exceed @p budgetBytes, the bytes the analyzer still allows. Returns
     * the change of memoryBytes(), negative when a larger ring entry was replaced.
     */
    qint64 add(const capture::CapturePacket &packet, qint64 timestampNs, const EvidenceLimits &limits,
               qint64 budgetBytes);
    /** The change of memoryBytes() that add() would make for @p capturedLength bytes, if it fits. */
    qint64 bytesNeeded(quint32 capturedLength, const EvidenceLimits &limits) const;
    /** Drops every kept packet, for @p why; returns the bytes freed. Later packets are not kept. */
    qint64 release(Release why);

    /** The kept packets in arrival order: the first ones, then the ring from oldest to newest. */
    QList<EvidencePacket> packets() const;
    qsizetype keptPackets() const { return m_first.size() + m_recent.size(); }
    bool isEmpty() const { return keptPackets() == 0; }
    quint64 omitted() const { return m_omitted; }
    quint64 refused() const { return m_refused; }
    /** Packets offered and not kept (omitted + refused, plus every packet once released). */
    quint64 notKept() const { return m_omitted + m_refused + m_released; }
    bool isReleased() const { return m_release != Release::None; }
    Release releaseReason() const { return m_release; }
    qint64 memoryBytes() const { return m_bytes; }

private:
    static qint64 cost(const EvidencePacket &packet);

    QList<EvidencePacket> m_first;
    QList<EvidencePacket> m_recent;
    qsizetype m_oldestRecent = 0; ///< index in m_recent of the oldest entry once the ring is full
    quint64 m_omitted = 0;
    quint64 m_refused = 0;
    quint64 m_released = 0;
    qint64 m_bytes = 0;
    Release m_release = Release::None;
};

} // namespace d4::analyzers::backscatter
