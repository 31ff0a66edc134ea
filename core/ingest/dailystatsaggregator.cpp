// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/dailystatsaggregator.h"

#include <QDate>

#include "store/keyschema.h"
#include "store/redisclient.h"

namespace d4::ingest {

namespace keys = store::keys;

void DailyStatsAggregator::count(const QByteArray &uuid, const QByteArray &ip, int type, qint64 now)
{
    ++m_counts[{uuid, ip, type}];
    m_lastSeen[uuid] = now;
    m_typeLastSeen[{uuid, type}] = now;
}

void DailyStatsAggregator::flush(store::RedisClient &metadata)
{
    if (m_counts.empty()) {
        return;
    }
    // The server's local date at flush time, as the reference uses at packet time; a flush runs
    // at least once a second, so only packets of the last second before midnight can shift days.
    const QByteArray date = QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1();
    for (const auto &[key, packets] : m_counts) {
        const auto &[uuid, ip, type] = key;
        const QByteArray increment = QByteArray::number(packets);
        const QByteArray typeText = QByteArray::number(type);
        metadata.send({"ZINCRBY", keys::statUuidIp(date, uuid), increment, ip});
        metadata.send({"ZINCRBY", keys::statIpUuid(date, ip), increment, uuid});
        metadata.send({"ZINCRBY", keys::dailyUuid(date), increment, uuid});
        metadata.send({"ZINCRBY", keys::dailyIp(date), increment, ip});
        metadata.send({"ZINCRBY", keys::dailyType(date), increment, typeText});
        metadata.send({"ZINCRBY", keys::statTypeUuid(date, type), increment, uuid});
        metadata.send({"ZINCRBY", keys::statUuidType(date, uuid), increment, typeText});
    }
    for (const auto &[uuid, when] : m_lastSeen) {
        metadata.send({"HSET", keys::sensorMetadata(uuid), keys::kFieldLastSeen, QByteArray::number(when)});
    }
    for (const auto &[key, when] : m_typeLastSeen) {
        metadata.send({"HSET", keys::sensorTypeMetadata(key.first, key.second), keys::kFieldLastSeen,
                       QByteArray::number(when)});
    }
    m_counts.clear();
    m_lastSeen.clear();
    m_typeLastSeen.clear();
}

} // namespace d4::ingest
