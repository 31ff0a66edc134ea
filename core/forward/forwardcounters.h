// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <atomic>
#include <mutex>

#include <QString>

#include "forward/filterdecision.h"

namespace d4::forward {

/**
 * The live accounting of one rule, updated by its source threads (read, filtered, spooled) and
 * its sender (sent, acknowledged, connection state), published to Redis by ForwardManager.
 * Counts are items: lines or pcap records. Thread-safe.
 */
class ForwardCounters final
{
public:
    std::atomic<quint64> read{0};
    std::atomic<quint64> spooled{0};
    std::atomic<quint64> sent{0};
    std::atomic<quint64> acknowledged{0};
    std::atomic<quint64> bytesSent{0};
    std::atomic<quint64> connections{0};
    std::atomic<bool> connected{false};
    std::atomic<qint64> lastAckEpoch{0};
    std::array<std::atomic<quint64>, static_cast<std::size_t>(FilterReason::Count_)> filtered{};

    void countFiltered(FilterReason reason) noexcept
    {
        filtered[static_cast<std::size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
    }
    quint64 filteredTotal() const noexcept;

    /** The last problem (connection refused, certificate, spool error); empty once resolved. */
    void setLastError(const QString &error);
    QString lastError() const;

private:
    mutable std::mutex m_mutex;
    QString m_lastError;
};

} // namespace d4::forward
