// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include "store/redisendpoint.h"
#include "store/redissyncclient.h"

namespace d4::workers {

/** One analyzer queue definition (spec §3.3) and the length of its list. */
struct QueueInfo
{
    QByteArray uuid;
    int type = 0;            ///< 254 for extended types
    QByteArray extendedType; ///< metatype, for type 254
    QString description;
    qint64 maxSize = 0;         ///< 0 = the configured default
    double lastUpdated = 0;     ///< epoch seconds of the last push, 0 = never
    QByteArrayList sensorGroup; ///< empty for a queue that receives every sensor's data
    qint64 length = 0;

    /** The decimal type, or the extended type name: the middle part of the list key. */
    QByteArray typeKey() const;
};

/**
 * Creates, edits and removes analyzer queues with d4-core's keys (`D4-project/d4-core:server/lib/
 * Analyzer_Queue.py`), so queues made here or by d4-core's UI are interchangeable. Queue
 * definitions live in METADATA, lists in ANALYZER. Blocking: call from a worker thread or the
 * console's background executor, never the GUI thread. Failures return nullopt/false with @p error.
 */
class QueueManager final
{
public:
    QueueManager(store::RedisEndpoint metadata, store::RedisEndpoint analyzer);

    /**
     * Creates a queue for @p type (2 is stored as 254; 254 needs @p extendedType). An empty
     * @p sensorGroup makes a queue for every sensor; otherwise only those sensors (UUIDs with or
     * without dashes) feed it. @p queueUuid empty = a new random UUID. Returns the queue UUID.
     */
    std::optional<QByteArray> create(int type, const QByteArray &extendedType, const QString &description,
                                     const QByteArrayList &sensorGroup, const QByteArray &queueUuid,
                                     QString &error);
    bool setDescription(const QByteArray &queueUuid, const QString &description, QString &error);
    /** Replaces the sensor group (empty = every sensor), moving the queue between the group and non-group
     * sets. */
    bool setSensorGroup(const QByteArray &queueUuid, const QByteArrayList &sensorGroup, QString &error);
    /** Sets `max_size`; 0 removes it so the configured default applies. */
    bool setMaxSize(const QByteArray &queueUuid, qint64 maxSize, QString &error);
    /** Deletes the definition, every set membership and the list. */
    bool remove(const QByteArray &queueUuid, QString &error);
    /** Empties the list `analyzer:<type or ext>:<q>` (the reference's bug d4-core#44 fixed). */
    bool flush(const QByteArray &queueUuid, QString &error);
    std::optional<qint64> length(const QByteArray &queueUuid, QString &error);
    /** The first @p count elements in the order consumers RPOP them (oldest first). */
    std::optional<QByteArrayList> sample(const QByteArray &queueUuid, int count, QString &error);
    std::optional<QueueInfo> info(const QByteArray &queueUuid, QString &error);
    /** Every queue UUID (`all_analyzer_queues`), sorted. */
    std::optional<QByteArrayList> queues(QString &error);

    /** 32 lowercase hex characters from a sensor UUID typed with or without dashes. */
    static QByteArray normalizeSensorUuid(const QByteArray &uuid);

private:
    bool run(store::RedisSyncClient &client, const QByteArrayList &command, QString &error,
             store::RedisValue *result = nullptr);
    bool attach(const QueueInfo &queue, const QByteArrayList &sensors, QString &error);
    bool detach(const QueueInfo &queue, QString &error);

    store::RedisSyncClient m_metadata;
    store::RedisSyncClient m_analyzer;
};

} // namespace d4::workers
