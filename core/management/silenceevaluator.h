// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArrayList>
#include <QString>

#include "store/redisendpoint.h"
#include "store/redissyncclient.h"

namespace d4::management {

/**
 * What d4-core's sensors_manager.py does every 10 s: a monitored sensor (to_monitor:sensors) is in
 * error when it has been silent longer than its delta_time or is not connected, and
 * sensors_monitoring:sensors_error holds the sensors in error.
 *
 * Blocking: one Redis round trip per command; use it on the management thread only.
 */
class SilenceEvaluator final
{
public:
    explicit SilenceEvaluator(const store::RedisRoles &roles);

    /** Re-evaluates every monitored sensor at @p now (epoch seconds); returns those in error, sorted. */
    std::optional<QByteArrayList> evaluate(qint64 now, QString &error);

private:
    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_stream;
};

} // namespace d4::management
