// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArrayList>
#include <QList>
#include <QString>

#include "forward/forwardstatus.h"
#include "store/redisendpoint.h"
#include "store/redissyncclient.h"
#include "workers/queuemanager.h"

namespace d4::forward {

/**
 * The console's access to the forwarding keys (forwardkeys.h): reads every rule's configuration
 * and accounting, pauses and resumes rules, and samples a rule's analyzer-queue source without
 * consuming it. Blocking (one Redis round trip per key): use it from a worker thread, never the
 * GUI thread. One thread at a time. Failures return nullopt/false with @p error.
 */
class ForwardStatusReader final
{
public:
    ForwardStatusReader(store::RedisEndpoint metadata, store::RedisEndpoint analyzer);

    /** Every rule of the rules set, sorted by name. */
    std::optional<QList<ForwardRuleStatus>> readAll(QString &error);
    /** Sets (or clears) the control hash's `paused` field; the server applies it. */
    bool setPaused(const QString &rule, bool paused, QString &error);
    /**
     * The last @p count items of an analyzer queue (the next ones its consumers RPOP), in the order
     * they would be read; LRANGE, nothing consumed.
     */
    std::optional<QByteArrayList> sampleQueue(const QByteArray &queueUuid, int count, QString &error);

    /** Fills the accounting fields of @p status from a HGETALL reply's field/value pairs. */
    static void applyStats(const QList<store::RedisValue> &pairs, ForwardRuleStatus &status);

private:
    bool run(const QByteArrayList &command, QString &error, store::RedisValue &result);

    store::RedisSyncClient m_metadata;
    workers::QueueManager m_queues;
};

} // namespace d4::forward
