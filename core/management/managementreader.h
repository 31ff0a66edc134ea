// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QDate>
#include <QString>
#include <QStringList>

#include "management/blacklistpage.h"
#include "management/overview.h"
#include "management/sensordetail.h"
#include "store/redisendpoint.h"
#include "store/redissyncclient.h"
#include "workers/queuemanager.h"

namespace d4::management {

/**
 * The console's reads of a D4 server's Redis, with d4-core's key schema, so that a d4-core
 * deployment and this project's server can be watched alike: the whole-server Overview, one
 * sensor's SensorDetail, blacklist pages and queue samples. It never writes.
 *
 * Blocking: one Redis round trip per command. Use it on the management thread only
 * (ManagementService), never on the GUI thread.
 */
class ManagementReader final
{
public:
    /** @p defaultQueueMaxSize is analyzer_queues_max_size, the size of queues without max_size. */
    ManagementReader(const store::RedisRoles &roles, qint64 defaultQueueMaxSize);

    /** The sensors seen today or connected now, server-wide settings and counters, and the queues. */
    std::optional<Overview> readOverview(const QDate &today, QString &error);
    /** Everything the sensor page shows for @p uuid (with or without dashes), except the disk scan. */
    std::optional<SensorDetail> readSensor(const QByteArray &uuid, const QDate &today, QString &error);
    /** Page @p page (clamped to the last one) of the sorted blacklist. */
    std::optional<BlacklistPage> readBlacklistPage(BlacklistKind kind, int page, int pageSize,
                                                   QString &error);
    /** The first @p count entries of a queue, oldest first, each cut to @p maxLineLength characters. */
    std::optional<QStringList> queueSample(const QByteArray &queueUuid, int count, int maxLineLength,
                                           QString &error);

private:
    store::RedisValue metadata(const QByteArrayList &command);
    store::RedisValue stream(const QByteArrayList &command);
    QList<QueueSummary> readQueues();
    /** Sets pushedTotal, droppedTotal and the length of each queue from one ANALYZER transaction. */
    void readQueueCounters(QList<QueueSummary> &queues);

    qint64 m_defaultQueueMaxSize;
    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_stream;
    store::RedisSyncClient m_analyzer;
    workers::QueueManager m_queues;
};

} // namespace d4::management
