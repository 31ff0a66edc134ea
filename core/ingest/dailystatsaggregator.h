// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <tuple>

#include <QByteArray>

namespace d4::store {
class RedisClient;
}

namespace d4::ingest {

/**
 * Per-packet statistics of d4-core (daily ZSETs and last_seen fields, spec §2.6) summed in memory
 * and written as one ZINCRBY per key and member on flush(), instead of ~10 commands per packet.
 * One per ingest thread.
 */
class DailyStatsAggregator final
{
public:
    void count(const QByteArray &uuid, const QByteArray &ip, int type, qint64 now);

    /** Sends the accumulated increments to @p metadata and clears them. */
    void flush(store::RedisClient &metadata);

    bool isEmpty() const noexcept { return m_counts.empty(); }

private:
    // (uuid, ip, type) → packets since the last flush
    std::map<std::tuple<QByteArray, QByteArray, int>, qint64> m_counts;
    std::map<QByteArray, qint64> m_lastSeen;                     // uuid → epoch
    std::map<std::pair<QByteArray, int>, qint64> m_typeLastSeen; // (uuid, type) → epoch
};

} // namespace d4::ingest
