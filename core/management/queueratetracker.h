// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <deque>
#include <map>
#include <optional>

#include <QByteArray>
#include <QList>

#include "management/overview.h"

namespace d4::management {

/**
 * Derives each queue's rates and "not consumed" flag from successive snapshots.
 *
 * Consumption: when the workers count pushes (QueueSummary::pushedTotal set), entries consumed
 * between two snapshots = pushed delta − length delta − dropped delta, where dropped counts the
 * entries LTRIM removed beyond max_size and the console's flushes. Otherwise (a d4-core server) it
 * falls back to the net decrease of the length, which is all that can be seen, and marks the
 * figure as an estimate: it under-reads a queue that is filled while it is consumed.
 * The rate is taken between the current snapshot and the newest one at least rateWindowMs older
 * (the oldest one kept until then), so that the workers' batches do not make it jump.
 *
 * Not consumed: a queue that has held entries for notConsumedAfterMs and had nothing consumed in
 * that time (with counters), or whose length has not gone down in that time (without).
 *
 * A counter that goes backwards (the queue was deleted and made again, or the hashes were cleared)
 * or appears or disappears restarts that queue's history. Not thread-safe; the management thread owns it.
 */
class QueueRateTracker final
{
public:
    QueueRateTracker(qint64 rateWindowMs, qint64 notConsumedAfterMs);

    /**
     * Fills drainRate, fillRate (net length change since the previous snapshot), consumedPerSecond,
     * consumptionEstimated and notConsumed of every queue. @p nowMs is a monotonic clock in
     * milliseconds that only goes up between calls.
     */
    void update(QList<QueueSummary> &queues, qint64 nowMs);

private:
    struct Sample
    {
        qint64 ms = 0;
        qint64 length = 0;
        std::optional<qint64> pushed;
        qint64 dropped = 0;
    };
    struct History
    {
        std::deque<Sample> samples; ///< oldest first
        qint64 lastShrinkMs = 0;    ///< the length last went down, or was 0, or the history began
        qint64 lastEmptyMs = 0;     ///< the length was last 0, or the history began
    };

    static bool continues(const Sample &previous, const Sample &current);
    /** The newest sample at least @p ageMs older than @p nowMs, else the oldest one. */
    static const Sample &baseline(const History &history, qint64 nowMs, qint64 ageMs);
    static qint64 consumedBetween(const Sample &from, const Sample &to);
    void trim(History &history, qint64 nowMs) const;

    qint64 m_rateWindowMs;
    qint64 m_notConsumedAfterMs;
    std::map<QByteArray, History> m_history;
};

} // namespace d4::management
