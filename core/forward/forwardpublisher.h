// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QList>

#include "forward/forwardrule.h"
#include "store/redissyncclient.h"

namespace d4::forward {

class ForwardRuleRunner;

/**
 * Writes the rules and their accounting to the METADATA database (keys in forwardkeys.h) and
 * reads the console's control hash. Blocking; used from the manager's status thread.
 */
class ForwardPublisher final
{
public:
    explicit ForwardPublisher(store::RedisEndpoint metadata);

    /** Replaces the set of rules and each rule's `config` JSON. */
    bool publishRules(const QList<ForwardRule> &rules);
    /** Writes the accounting hash of @p runner. */
    bool publishStats(ForwardRuleRunner &runner);
    /** The console's pause request for @p rule: nullopt when Redis could not be read. */
    std::optional<bool> pausedRequest(const QString &rule);
    QString errorString() const { return m_redis.errorString(); }

private:
    store::RedisSyncClient m_redis;
};

} // namespace d4::forward
