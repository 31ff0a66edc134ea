// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/queueratetracker.h"

#include <algorithm>

namespace d4::management {

QueueRateTracker::QueueRateTracker(qint64 rateWindowMs, qint64 notConsumedAfterMs)
    : m_rateWindowMs(std::max<qint64>(1, rateWindowMs))
    , m_notConsumedAfterMs(std::max<qint64>(0, notConsumedAfterMs))
{
}

bool QueueRateTracker::continues(const Sample &previous, const Sample &current)
{
    if (previous.pushed.has_value() != current.pushed.has_value()) {
        return false;
    }
    if (current.pushed && (*current.pushed < *previous.pushed || current.dropped < previous.dropped)) {
        return false;
    }
    return true;
}

const QueueRateTracker::Sample &QueueRateTracker::baseline(const History &history, qint64 nowMs, qint64 ageMs)
{
    const Sample *found = &history.samples.front();
    for (const Sample &sample : history.samples) {
        if (nowMs - sample.ms < ageMs) {
            break;
        }
        found = &sample;
    }
    return *found;
}

qint64 QueueRateTracker::consumedBetween(const Sample &from, const Sample &to)
{
    if (to.pushed && from.pushed) {
        return (*to.pushed - *from.pushed) - (to.length - from.length) - (to.dropped - from.dropped);
    }
    return from.length - to.length;
}

void QueueRateTracker::trim(History &history, qint64 nowMs) const
{
    // Keep one sample older than the longest look-back, so that a baseline always exists.
    const qint64 keep = std::max(m_rateWindowMs, m_notConsumedAfterMs);
    while (history.samples.size() >= 2 && nowMs - history.samples[1].ms >= keep) {
        history.samples.pop_front();
    }
}

void QueueRateTracker::update(QList<QueueSummary> &queues, qint64 nowMs)
{
    std::map<QByteArray, History> next;
    for (QueueSummary &queue : queues) {
        const Sample current{nowMs, queue.info.length, queue.pushedTotal, queue.droppedTotal};
        queue.consumptionEstimated = !current.pushed.has_value();
        queue.drainRate = 0;
        queue.fillRate = 0;
        queue.consumedPerSecond = 0;

        auto found = m_history.find(queue.info.uuid);
        History history;
        if (found != m_history.end() && !found->second.samples.empty() &&
            continues(found->second.samples.back(), current)) {
            history = std::move(found->second);
            if (history.samples.back().ms >= nowMs) {
                history.samples.pop_back(); // a second snapshot in the same millisecond replaces the first
            }
        } else {
            history.lastShrinkMs = nowMs;
            history.lastEmptyMs = nowMs;
        }

        if (!history.samples.empty()) {
            const Sample &previous = history.samples.back();
            const double seconds = double(nowMs - previous.ms) / 1000.0;
            const qint64 delta = current.length - previous.length;
            queue.drainRate = delta < 0 ? double(-delta) / seconds : 0.0;
            queue.fillRate = delta > 0 ? double(delta) / seconds : 0.0;
            if (current.length < previous.length) {
                history.lastShrinkMs = nowMs;
            }
            const Sample &from = baseline(history, nowMs, m_rateWindowMs);
            const qint64 consumed = consumedBetween(from, current);
            queue.consumedPerSecond =
                consumed > 0 ? double(consumed) * 1000.0 / double(nowMs - from.ms) : 0.0;
        }
        if (current.length == 0) {
            history.lastShrinkMs = nowMs;
            history.lastEmptyMs = nowMs;
        }

        if (current.pushed) {
            // Held entries for the whole look-back, and nothing consumed since its start. The
            // smaller of the counts up to this snapshot and up to the previous one is used: the
            // fan-out records an overflow's dropped entries just after its transaction, so one
            // snapshot in between can show a consumption that the next one takes back.
            const bool heldLongEnough = nowMs - history.lastEmptyMs >= m_notConsumedAfterMs;
            bool consumed = false;
            if (!history.samples.empty()) {
                const Sample &from = baseline(history, nowMs, m_notConsumedAfterMs);
                const Sample &previous = history.samples.back();
                qint64 count = consumedBetween(from, current);
                if (&previous != &from) {
                    count = std::min(count, consumedBetween(from, previous));
                }
                consumed = count > 0;
            }
            queue.notConsumed = current.length > 0 && heldLongEnough && !history.samples.empty() && !consumed;
        } else {
            queue.notConsumed = current.length > 0 && nowMs - history.lastShrinkMs >= m_notConsumedAfterMs;
        }

        history.samples.push_back(current);
        trim(history, nowMs);
        next[queue.info.uuid] = std::move(history);
    }
    m_history = std::move(next);
}

} // namespace d4::management
