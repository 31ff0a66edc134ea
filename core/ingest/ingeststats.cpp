// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/ingeststats.h"

namespace d4::ingest {

IngestStatsSnapshot IngestStats::snapshot() const noexcept
{
    IngestStatsSnapshot out;
    out.acceptedPackets = m_packets.load(std::memory_order_relaxed);
    out.acceptedPayloadBytes = m_bytes.load(std::memory_order_relaxed);
    out.connectionsOpened = m_opened.load(std::memory_order_relaxed);
    out.connectionsActive = m_active.load(std::memory_order_relaxed);
    for (std::size_t i = 0; i < kRejectionReasonCount; ++i) {
        out.rejections[i] = m_rejections[i].load(std::memory_order_relaxed);
    }
    return out;
}

} // namespace d4::ingest
