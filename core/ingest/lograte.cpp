// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/lograte.h"

#include <chrono>

namespace d4::ingest {

bool LogRate::allow(RejectionReason reason, std::uint64_t &suppressed) noexcept
{
    Window &window = m_windows[static_cast<std::size_t>(reason)];
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    std::int64_t seen = window.second.load(std::memory_order_relaxed);
    if (seen != now && window.second.compare_exchange_strong(seen, now, std::memory_order_relaxed)) {
        window.used.store(0, std::memory_order_relaxed);
    }
    if (window.used.fetch_add(1, std::memory_order_relaxed) < m_perSecond) {
        suppressed = window.dropped.exchange(0, std::memory_order_relaxed);
        return true;
    }
    window.dropped.fetch_add(1, std::memory_order_relaxed);
    suppressed = 0;
    return false;
}

} // namespace d4::ingest
