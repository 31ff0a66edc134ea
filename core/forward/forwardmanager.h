// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <QList>
#include <QString>

#include "forward/forwardrule.h"
#include "store/redisendpoint.h"

namespace d4::workers {
class WorkerTap;
}

namespace d4::forward {

class ForwardPublisher;
class ForwardRuleRunner;

/**
 * Runs the forwarding rules of server.conf (docs/forwarding.md) next to the ingest server and the
 * workers: one ForwardRuleRunner per enabled rule, the analyzer queues the rules read registered
 * when missing, and a status thread that publishes each rule (configuration and live accounting,
 * keys in forwardkeys.h) to the METADATA database every second and applies the console's
 * pause/resume requests.
 *
 * Order of use (ServerRuntime): prepare(), taps() registered with the WorkerManager, start();
 * at the end stopIntake() before the workers stop, then stop().
 */
class ForwardManager final
{
public:
    ForwardManager(QList<ForwardRule> rules, QString dataDirectory, store::RedisRoles roles);
    ~ForwardManager();

    bool prepare(QString &error);
    std::vector<workers::WorkerTap *> taps() const;
    bool start(QString &error);
    void stopIntake();
    void stop();

    int ruleCount() const { return int(m_runners.size()); }
    /** The runner of rule @p name, or null. */
    ForwardRuleRunner *runner(const QString &name) const;

private:
    void publishLoop();
    void publishOnce(ForwardPublisher &publisher, bool applyControl);

    QList<ForwardRule> m_rules;
    QString m_dataDirectory;
    store::RedisRoles m_roles;
    std::vector<std::unique_ptr<ForwardRuleRunner>> m_runners;
    std::thread m_publisher;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace d4::forward
