// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/queuemanager.h"

#include <QStringBuilder>
#include <QUuid>

#include "store/keyschema.h"

namespace d4::workers {

namespace keys = store::keys;

QByteArray QueueInfo::typeKey() const
{
    return type == 254 ? extendedType : QByteArray::number(type);
}

QueueManager::QueueManager(store::RedisEndpoint metadata, store::RedisEndpoint analyzer)
    : m_metadata(std::move(metadata))
    , m_analyzer(std::move(analyzer))
{
}

QByteArray QueueManager::normalizeSensorUuid(const QByteArray &uuid)
{
    QByteArray result = uuid.trimmed().toLower();
    result.replace('-', QByteArray());
    return result;
}

bool QueueManager::run(store::RedisSyncClient &client, const QByteArrayList &command, QString &error,
                       store::RedisValue *result)
{
    store::RedisValue value = client.command(command);
    if (value.isError()) {
        error = QString::fromUtf8(value.string);
        return false;
    }
    if (result) {
        *result = std::move(value);
    }
    return true;
}

bool QueueManager::attach(const QueueInfo &queue, const QByteArrayList &sensors, QString &error)
{
    const bool extended = queue.type == 254;
    if (sensors.isEmpty()) {
        return run(m_metadata,
                   {"SADD",
                    extended ? keys::analyzerQueuesOfExtendedType(queue.extendedType)
                             : keys::analyzerQueuesOfType(queue.type),
                    queue.uuid},
                   error);
    }
    if (!run(m_metadata,
             {"SADD",
              extended ? keys::analyzerGroupQueuesOfExtendedType(queue.extendedType)
                       : keys::analyzerGroupQueuesOfType(queue.type),
              queue.uuid},
             error)) {
        return false;
    }
    for (const QByteArray &sensor : sensors) {
        if (!run(m_metadata, {"SADD", keys::analyzerSensorGroup(queue.uuid), sensor}, error) ||
            !run(m_metadata, {"SADD", keys::sensorGroupQueues(queue.typeKey(), sensor), queue.uuid}, error)) {
            return false;
        }
    }
    return true;
}

bool QueueManager::detach(const QueueInfo &queue, QString &error)
{
    const bool extended = queue.type == 254;
    for (const QByteArray &sensor : queue.sensorGroup) {
        if (!run(m_metadata, {"SREM", keys::sensorGroupQueues(queue.typeKey(), sensor), queue.uuid}, error)) {
            return false;
        }
    }
    return run(m_metadata, {"DEL", keys::analyzerSensorGroup(queue.uuid)}, error) &&
           run(m_metadata,
               {"SREM",
                extended ? keys::analyzerQueuesOfExtendedType(queue.extendedType)
                         : keys::analyzerQueuesOfType(queue.type),
                queue.uuid},
               error) &&
           run(m_metadata,
               {"SREM",
                extended ? keys::analyzerGroupQueuesOfExtendedType(queue.extendedType)
                         : keys::analyzerGroupQueuesOfType(queue.type),
                queue.uuid},
               error);
}

std::optional<QByteArray> QueueManager::create(int type, const QByteArray &extendedType,
                                               const QString &description, const QByteArrayList &sensorGroup,
                                               const QByteArray &queueUuid, QString &error)
{
    QueueInfo queue;
    queue.type = type == 2 ? 254 : type;
    if (queue.type < 1 || queue.type > 254) {
        error = QStringLiteral("type %1 is not a D4 type").arg(type);
        return std::nullopt;
    }
    if (queue.type == 254) {
        queue.extendedType = extendedType.trimmed();
        if (queue.extendedType.isEmpty() || queue.extendedType.contains(':')) {
            error = QStringLiteral("an extended type name is required (without ':')");
            return std::nullopt;
        }
    }
    queue.uuid =
        queueUuid.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : queueUuid.trimmed();
    if (QUuid::fromString(QLatin1StringView(queue.uuid)).isNull()) {
        error = QStringLiteral("'%1' is not a UUID").arg(QString::fromLatin1(queue.uuid));
        return std::nullopt;
    }
    store::RedisValue exists;
    if (!run(m_metadata, {"SISMEMBER", keys::allAnalyzerQueues(), queue.uuid}, error, &exists)) {
        return std::nullopt;
    }
    if (exists.integer == 1) {
        error = QStringLiteral("queue %1 already exists").arg(QString::fromLatin1(queue.uuid));
        return std::nullopt;
    }
    QByteArrayList sensors;
    for (const QByteArray &sensor : sensorGroup) {
        const QByteArray normalized = normalizeSensorUuid(sensor);
        if (!normalized.isEmpty() && !sensors.contains(normalized)) {
            sensors.append(normalized);
        }
    }
    const QByteArray hash = keys::analyzerQueue(queue.uuid);
    QByteArrayList fields{"HSET", hash, keys::kQueueFieldType, QByteArray::number(queue.type)};
    if (queue.type == 254) {
        fields << keys::kQueueFieldMetatype << queue.extendedType;
    }
    if (!description.isEmpty()) {
        fields << keys::kQueueFieldDescription << description.toUtf8();
    }
    if (!run(m_metadata, fields, error) || !attach(queue, sensors, error) ||
        !run(m_metadata, {"SADD", keys::allAnalyzerQueues(), queue.uuid}, error)) {
        return std::nullopt;
    }
    const bool ok =
        queue.type == 254
            ? run(m_metadata, {"SADD", keys::allAnalyzerExtendedTypes(), queue.extendedType}, error) &&
                  run(m_metadata,
                      {"SADD", keys::allAnalyzerQueuesByExtendedType(queue.extendedType), queue.uuid}, error)
            : run(m_metadata, {"SADD", keys::allAnalyzerFormatTypes(), QByteArray::number(queue.type)},
                  error) &&
                  run(m_metadata, {"SADD", keys::allAnalyzerQueuesByFormatType(queue.type), queue.uuid},
                      error);
    if (!ok) {
        return std::nullopt;
    }
    return queue.uuid;
}

std::optional<QueueInfo> QueueManager::info(const QByteArray &queueUuid, QString &error)
{
    store::RedisValue hash;
    if (!run(m_metadata, {"HGETALL", keys::analyzerQueue(queueUuid)}, error, &hash)) {
        return std::nullopt;
    }
    if (hash.elements.isEmpty()) {
        error = QStringLiteral("queue %1 does not exist").arg(QString::fromLatin1(queueUuid));
        return std::nullopt;
    }
    QueueInfo queue;
    queue.uuid = queueUuid;
    for (qsizetype i = 0; i + 1 < hash.elements.size(); i += 2) {
        const QByteArray &field = hash.elements[i].string;
        const QByteArray &value = hash.elements[i + 1].string;
        if (field == keys::kQueueFieldType) {
            queue.type = value.toInt();
        } else if (field == keys::kQueueFieldMetatype) {
            queue.extendedType = value;
        } else if (field == keys::kQueueFieldDescription) {
            queue.description = QString::fromUtf8(value);
        } else if (field == keys::kQueueFieldMaxSize) {
            queue.maxSize = value.toLongLong();
        } else if (field == keys::kQueueFieldLastUpdated) {
            queue.lastUpdated = value.toDouble();
        }
    }
    store::RedisValue group;
    store::RedisValue length;
    if (!run(m_metadata, {"SMEMBERS", keys::analyzerSensorGroup(queueUuid)}, error, &group) ||
        !run(m_analyzer, {"LLEN", keys::analyzerList(queue.typeKey(), queueUuid)}, error, &length)) {
        return std::nullopt;
    }
    queue.sensorGroup = group.sortedStrings();
    queue.length = length.integer;
    return queue;
}

bool QueueManager::setDescription(const QByteArray &queueUuid, const QString &description, QString &error)
{
    if (!info(queueUuid, error)) {
        return false;
    }
    return run(m_metadata,
               {"HSET", keys::analyzerQueue(queueUuid), keys::kQueueFieldDescription, description.toUtf8()},
               error);
}

bool QueueManager::setSensorGroup(const QByteArray &queueUuid, const QByteArrayList &sensorGroup,
                                  QString &error)
{
    const std::optional<QueueInfo> queue = info(queueUuid, error);
    if (!queue) {
        return false;
    }
    QByteArrayList sensors;
    for (const QByteArray &sensor : sensorGroup) {
        const QByteArray normalized = normalizeSensorUuid(sensor);
        if (!normalized.isEmpty() && !sensors.contains(normalized)) {
            sensors.append(normalized);
        }
    }
    return detach(*queue, error) && attach(*queue, sensors, error);
}

bool QueueManager::setMaxSize(const QByteArray &queueUuid, qint64 maxSize, QString &error)
{
    if (!info(queueUuid, error)) {
        return false;
    }
    if (maxSize <= 0) {
        return run(m_metadata, {"HDEL", keys::analyzerQueue(queueUuid), keys::kQueueFieldMaxSize}, error);
    }
    return run(
        m_metadata,
        {"HSET", keys::analyzerQueue(queueUuid), keys::kQueueFieldMaxSize, QByteArray::number(maxSize)},
        error);
}

bool QueueManager::remove(const QByteArray &queueUuid, QString &error)
{
    const std::optional<QueueInfo> queue = info(queueUuid, error);
    if (!queue || !detach(*queue, error)) {
        return false;
    }
    const bool extended = queue->type == 254;
    return run(m_metadata, {"SREM", keys::allAnalyzerQueues(), queueUuid}, error) &&
           run(m_metadata,
               {"SREM",
                extended ? keys::allAnalyzerQueuesByExtendedType(queue->extendedType)
                         : keys::allAnalyzerQueuesByFormatType(queue->type),
                queueUuid},
               error) &&
           run(m_metadata, {"DEL", keys::analyzerQueue(queueUuid)}, error) &&
           run(m_analyzer, {"DEL", keys::analyzerList(queue->typeKey(), queueUuid)}, error);
}

bool QueueManager::flush(const QByteArray &queueUuid, QString &error)
{
    const std::optional<QueueInfo> queue = info(queueUuid, error);
    return queue && run(m_analyzer, {"DEL", keys::analyzerList(queue->typeKey(), queueUuid)}, error);
}

std::optional<qint64> QueueManager::length(const QByteArray &queueUuid, QString &error)
{
    const std::optional<QueueInfo> queue = info(queueUuid, error);
    if (!queue) {
        return std::nullopt;
    }
    return queue->length;
}

std::optional<QByteArrayList> QueueManager::sample(const QByteArray &queueUuid, int count, QString &error)
{
    const std::optional<QueueInfo> queue = info(queueUuid, error);
    store::RedisValue range;
    if (!queue || count <= 0 ||
        !run(m_analyzer,
             {"LRANGE", keys::analyzerList(queue->typeKey(), queueUuid), QByteArray::number(-count), "-1"},
             error, &range)) {
        if (count <= 0 && queue) {
            return QByteArrayList();
        }
        return std::nullopt;
    }
    QByteArrayList items;
    for (qsizetype i = range.elements.size() - 1; i >= 0; --i) {
        items.append(range.elements[i].string);
    }
    return items;
}

std::optional<QByteArrayList> QueueManager::queues(QString &error)
{
    store::RedisValue members;
    if (!run(m_metadata, {"SMEMBERS", keys::allAnalyzerQueues()}, error, &members)) {
        return std::nullopt;
    }
    return members.sortedStrings();
}

} // namespace d4::workers
