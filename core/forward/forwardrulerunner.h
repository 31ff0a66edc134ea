// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <vector>

#include "forward/forwardcounters.h"
#include "forward/forwardrule.h"
#include "store/redisendpoint.h"

namespace d4::workers {
class WorkerTap;
}

namespace d4::forward {

class ForwardIntake;
class ForwardQueueSource;
class ForwardSender;
class ForwardSpool;
class ForwardTapSource;

/**
 * One rule's pipeline: sources (queue readers and/or a worker tap) → intake (filters) → spool →
 * sender. prepare() opens the spool and compiles the filter; start() starts the threads; the
 * tap (if any) must be registered with the WorkerManager before the workers start.
 */
class ForwardRuleRunner final
{
public:
    ForwardRuleRunner(ForwardRule rule, QString spoolDirectory, store::RedisEndpoint analyzer);
    ~ForwardRuleRunner();

    bool prepare(QString &error);
    bool start(QString &error);
    /** Makes sources waiting for spool room give up (before the workers stop). */
    void stopIntake();
    /** Stops the sources, then the sender (which ends its window cleanly). */
    void stop();

    void setPaused(bool paused);
    bool isPaused() const;

    const ForwardRule &rule() const noexcept { return m_rule; }
    ForwardCounters &counters() noexcept { return m_counters; }
    /** Null when the rule has no Sensors source. */
    workers::WorkerTap *tap() const;
    /** Pending bytes/records of the spool (0 before prepare()). */
    quint64 spoolBytes() const;
    quint64 spoolRecords() const;

private:
    ForwardRule m_rule;
    QString m_spoolDirectory;
    store::RedisEndpoint m_analyzer;
    ForwardCounters m_counters;
    std::unique_ptr<ForwardSpool> m_spool;
    std::unique_ptr<ForwardIntake> m_intake;
    std::unique_ptr<ForwardTapSource> m_tap;
    std::vector<std::unique_ptr<ForwardQueueSource>> m_queues;
    std::unique_ptr<ForwardSender> m_sender;
};

} // namespace d4::forward
