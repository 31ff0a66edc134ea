// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QDate>
#include <QString>

#include "management/actionresult.h"
#include "management/overview.h"
#include "management/sensordetail.h"
#include "store/redisendpoint.h"
#include "store/redissyncclient.h"
#include "workers/queuemanager.h"

namespace d4::management {

/** Which blacklist a paged listing reads. */
enum class BlacklistKind
{
    Ip,
    Uuid
};

/** One page of a blacklist, sorted. */
struct BlacklistPage
{
    BlacklistKind kind = BlacklistKind::Ip;
    int page = 0;
    int pageSize = 0;
    qint64 total = 0;
    QByteArrayList members;
};

/**
 * The console's reads and writes of a D4 server's Redis, with d4-core's key schema, so that a
 * d4-core deployment and this project's server can be managed alike. Every action writes exactly
 * the keys the reference web UI writes (spec §5.3), with the fixes of spec §9 (UUIDs normalised to
 * 32 hex, CIDR ranges capped, extended-type queues flushed correctly).
 *
 * Blocking: one Redis round trip per command. Use it on the management thread only
 * (ManagementService), never on the GUI thread.
 */
class ManagementStore final
{
public:
    ManagementStore(store::RedisRoles roles, qint64 defaultQueueMaxSize);

    // ---- reads ----------------------------------------------------------------------------------
    std::optional<Overview> readOverview(const QDate &today, QString &error);
    std::optional<SensorDetail> readSensor(const QByteArray &uuid, const QDate &today, QString &error);
    std::optional<BlacklistPage> readBlacklistPage(BlacklistKind kind, int page, int pageSize,
                                                   QString &error);
    /** The first @p count entries of a queue, oldest first, each cut to @p maxLineLength characters. */
    std::optional<QStringList> queueSample(const QByteArray &queueUuid, int count, int maxLineLength,
                                           QString &error);
    /** Walks <saveDirectory>/<uuid>/<type>/YYYY/MM/DD for the sensor page's "Data Saved". */
    static QList<SavedData> scanSavedData(const QString &saveDirectory, const QByteArray &uuid,
                                          const QDate &today);

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
    ActionResult flushQueue(const QByteArray &queueUuid);
    ActionResult removeQueue(const QByteArray &queueUuid);

    // ---- monitoring (what d4-core's sensors_manager.py does every 10 s) -------------------------
    /**
     * Re-evaluates every monitored sensor: in error when silent longer than its delta_time or not
     * connected; updates sensors_monitoring:sensors_error. Returns the sensors now in error.
     */
    std::optional<QByteArrayList> evaluateMonitoring(qint64 now, QString &error);

    /** 32 lowercase hex characters for a v4 UUID typed with or without dashes; empty when invalid. */
    static QByteArray normalizeUuid(const QByteArray &text);
    /** True when @p key holds characters the reference HTML-escapes (& < > " ') or an escaped entity. */
    static bool keyHasEscapedCharacters(const QByteArray &key);

private:
    store::RedisValue metadata(const QByteArrayList &command);
    store::RedisValue stream(const QByteArrayList &command);
    ActionResult invalidUuid(const QByteArray &uuid) const;
    ActionResult fromValue(const store::RedisValue &value, const QString &success) const;

    store::RedisRoles m_roles;
    qint64 m_defaultQueueMaxSize;
    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_stream;
    workers::QueueManager m_queues;
};

} // namespace d4::management
