// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/silenceevaluator.h"

#include "management/managementkeys.h"
#include "management/redisreplies.h"
#include "store/keyschema.h"

namespace d4::management {

namespace storekeys = d4::store::keys;
using store::RedisValue;

SilenceEvaluator::SilenceEvaluator(const store::RedisRoles &roles)
    : m_metadata(roles.metadata)
    , m_stream(roles.stream)
{
}

std::optional<QByteArrayList> SilenceEvaluator::evaluate(qint64 now, QString &error)
{
    const RedisValue monitored = m_metadata.command({"SMEMBERS", keys::monitoredSensors()});
    if (monitored.isError()) {
        error = QString::fromUtf8(monitored.string);
        return std::nullopt;
    }
    QByteArrayList inError;
    for (const QByteArray &uuid : replies::sorted(replies::strings(monitored))) {
        const qint64 delta = m_metadata.command({"HGET", keys::monitoredSensor(uuid), keys::kFieldDeltaTime})
                                 .string.toLongLong();
        const RedisValue lastSeenValue =
            m_metadata.command({"HGET", storekeys::sensorMetadata(uuid), storekeys::kFieldLastSeen});
        const bool connected =
            replies::isTrue(m_stream.command({"SISMEMBER", storekeys::activeConnections(), uuid}));
        // A sensor that has just connected has no last_seen until the server's statistics are
        // flushed (every second): it is connected, not silent.
        const bool seen = lastSeenValue.kind == RedisValue::Kind::String && !lastSeenValue.string.isEmpty();
        const bool tooQuiet = seen && now - lastSeenValue.string.toLongLong() > delta;
        if (!connected || tooQuiet) {
            m_metadata.command({"SADD", keys::monitoringErrors(), uuid});
            inError.append(uuid);
        } else {
            m_metadata.command({"SREM", keys::monitoringErrors(), uuid});
        }
    }
    return inError;
}

} // namespace d4::management
