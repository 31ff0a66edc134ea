// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "ingest/rejectionreason.h"

namespace d4::ingest {

/**
 * Caps rejection log lines per reason (a flood of bad HMACs or blacklisted peers must not turn
 * into a flood of log lines): at most @p perSecond lines per reason and second; the counters keep
 * counting everything. Thread-safe and lock-free.
 */
class LogRate final
{
public:
    explicit LogRate(std::uint32_t perSecond = 10)
        : m_perSecond(perSecond)
    {
    }

    /**
     * True when a line for @p reason may be written now. @p suppressed receives how many lines
     * of this reason were dropped since the last one allowed, so the caller can say so.
     */
    bool allow(RejectionReason reason, std::uint64_t &suppressed) noexcept;

private:
    struct Window
    {
        std::atomic<std::int64_t> second{-1};
        std::atomic<std::uint32_t> used{0};
        std::atomic<std::uint64_t> dropped{0};
    };
    std::uint32_t m_perSecond;
    std::array<Window, kRejectionReasonCount> m_windows{};
};

} // namespace d4::ingest
