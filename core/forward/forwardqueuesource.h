// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <thread>

#include <QByteArray>

#include "store/redisendpoint.h"

namespace d4::forward {

class ForwardCounters;
class ForwardIntake;
struct ForwardRule;

/**
 * An analyzer queue of this server as a line rule's source (types 3, 8, 254: lines), consumed the way a D4
 * analyzer does (oldest item first, from the right of `analyzer:<type>:<queue>` in the ANALYZER database) but
 * without losing what it took if the process dies: items are moved (RPOPLPUSH, atomically, in a
 * Lua batch of up to 1,000) to the rule's in-flight list
 * `d4console:forward:inflight:<rule>:<queue>`, handed to the intake, and the in-flight list is
 * deleted once they are spooled. At start the in-flight list left by a crash is spooled first
 * (at least once). Blocks on BRPOPLPUSH (1 s) when the queue is empty: no polling. Own thread.
 */
class ForwardQueueSource final
{
public:
    ForwardQueueSource(const ForwardRule &rule, QByteArray queueUuid, store::RedisEndpoint analyzer,
                       ForwardIntake &intake, ForwardCounters &counters);
    ~ForwardQueueSource();

    void start();
    /** Returns once the thread has ended (within about a second). */
    void stop();

    /** The list this source reads, `analyzer:<type or extended type>:<queue>`. */
    QByteArray queueKey() const;
    QByteArray inflightKey() const;

private:
    void run();

    const ForwardRule &m_rule;
    QByteArray m_queueUuid;
    store::RedisEndpoint m_analyzer;
    ForwardIntake &m_intake;
    ForwardCounters &m_counters;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

} // namespace d4::forward
