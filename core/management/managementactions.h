// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>
#include <QString>
#include <QStringList>

#include "management/actionresult.h"
#include "store/redisendpoint.h"
#include "store/redissyncclient.h"
#include "workers/queuemanager.h"

namespace d4::management {

/**
 * Every management action of the console on a D4 server's Redis, with d4-core's key schema. Each
 * action writes exactly the keys the reference web UI writes (spec §5.3), with the fixes of spec
 * §9 (UUIDs normalised to 32 hex, CIDR ranges capped, extended-type queues flushed correctly).
 * UUID arguments are accepted with or without dashes; anything else is refused with a message.
 *
 * One method per user action, so that the pages' perform() calls read as what the user did; the
 * count of methods follows the feature list, not the other way round.
 *
 * Blocking: one Redis round trip per command. Use it on the management thread only
 * (ManagementService), never on the GUI thread.
 */
class ManagementActions final
{
public:
    explicit ManagementActions(const store::RedisRoles &roles);

    // ---- sensor actions -------------------------------------------------------------------------
    ActionResult setDescription(const QByteArray &uuid, const QString &description);
    ActionResult setName(const QByteArray &uuid, const QString &name);
    ActionResult setTags(const QByteArray &uuid, const QStringList &tags);
    ActionResult kick(const QByteArray &uuid);
    ActionResult setMonitoring(const QByteArray &uuid, int maxSilenceSeconds);
    ActionResult removeMonitoring(const QByteArray &uuid);
    ActionResult setStreamMaxSize(const QByteArray &uuid, qint64 maxSize);
    ActionResult setUuidBlacklisted(const QByteArray &uuid, bool blacklisted);
    ActionResult setIpsOfUuidBlacklisted(const QByteArray &uuid, bool blacklisted);
    ActionResult setHmacKey(const QByteArray &uuid, const QByteArray &key);
    /** Deletes the sensor's daily statistics (d4-core#14 "clear stats per UUID"). */
    ActionResult clearStatistics(const QByteArray &uuid);
    /** Registers a new sensor with its key (the "Add sensor" wizard). */
    ActionResult registerSensor(const QByteArray &uuid, const QByteArray &key, const QString &description);

    // ---- server actions -------------------------------------------------------------------------
    ActionResult approveSensor(const QByteArray &uuid);
    ActionResult deletePendingSensor(const QByteArray &uuid);
    ActionResult deleteRegisteredSensor(const QByteArray &uuid);
    /** IP or CIDR; ranges above @p maxAddresses are refused. */
    ActionResult blacklistIp(const QString &text, qint64 maxAddresses);
    ActionResult unblacklistIp(const QString &text, qint64 maxAddresses);
    ActionResult addAcceptedType(int type, const QByteArray &extendedName);
    ActionResult removeAcceptedType(int type);
    ActionResult removeAcceptedExtendedType(const QByteArray &name);

    // ---- analyzer queues (delegated to workers::QueueManager) -----------------------------------
    ActionResult createQueue(int type, const QByteArray &extendedType, const QString &description,
                             const QByteArrayList &sensorGroup, const QByteArray &queueUuid);
    ActionResult editQueue(const QByteArray &queueUuid, const QString &description,
                           const QByteArrayList &sensorGroup);
    ActionResult setQueueMaxSize(const QByteArray &queueUuid, qint64 maxSize);
    /** Empties the list; the entries count as dropped when the workers count the queue's pushes. */
    ActionResult flushQueue(const QByteArray &queueUuid);
    /** Deletes the queue, its list and its push and drop counters. */
    ActionResult removeQueue(const QByteArray &queueUuid);

private:
    store::RedisValue metadata(const QByteArrayList &command);
    store::RedisValue stream(const QByteArrayList &command);
    ActionResult invalidUuid(const QByteArray &uuid) const;
    ActionResult fromValue(const store::RedisValue &value, const QString &success) const;

    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_stream;
    store::RedisSyncClient m_analyzer;
    workers::QueueManager m_queues;
};

} // namespace d4::management
