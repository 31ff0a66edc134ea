// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "ingest/rejectionreason.h"

namespace d4::ingest {

/** A copy of the counters at one moment. */
struct IngestStatsSnapshot
{
    std::uint64_t acceptedPackets = 0;
    std::uint64_t acceptedPayloadBytes = 0;
    std::uint64_t connectionsOpened = 0;
    std::int64_t connectionsActive = 0;
    std::array<std::uint64_t, kRejectionReasonCount> rejections{};

    std::uint64_t rejection(RejectionReason reason) const
    {
        return rejections[static_cast<std::size_t>(reason)];
    }
};

/** Process-wide ingest counters, updated lock-free from every ingest thread. */
class IngestStats final
{
public:
    void countAccepted(std::uint64_t payloadBytes) noexcept
    {
        m_packets.fetch_add(1, std::memory_order_relaxed);
        m_bytes.fetch_add(payloadBytes, std::memory_order_relaxed);
    }
    void countRejection(RejectionReason reason) noexcept
    {
        m_rejections[static_cast<std::size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
    }
    void connectionOpened() noexcept
    {
        m_opened.fetch_add(1, std::memory_order_relaxed);
        m_active.fetch_add(1, std::memory_order_relaxed);
    }
    void connectionClosed() noexcept { m_active.fetch_sub(1, std::memory_order_relaxed); }

    IngestStatsSnapshot snapshot() const noexcept;

private:
    std::atomic<std::uint64_t> m_packets{0};
    std::atomic<std::uint64_t> m_bytes{0};
    std::atomic<std::uint64_t> m_opened{0};
    std::atomic<std::int64_t> m_active{0};
    std::array<std::atomic<std::uint64_t>, kRejectionReasonCount> m_rejections{};
};

} // namespace d4::ingest
