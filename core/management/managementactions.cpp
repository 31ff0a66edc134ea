// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementactions.h"

#include <QDateTime>
#include <QRegularExpression>

#include "management/ipblacklistinput.h"
#include "management/managementkeys.h"
#include "management/redisreplies.h"
#include "management/sensorinput.h"
#include "protocol/d4types.h"
#include "store/keyschema.h"

namespace d4::management {

namespace storekeys = d4::store::keys;
using namespace replies;
using store::RedisValue;

namespace {

constexpr int kMaxHmacKeyLength = 100; ///< the reference cuts keys at 100 characters
constexpr int kMinMonitoringSeconds = 30;

/** Every action's UUID argument, normalised; empty when it is not a v4 UUID. */
QByteArray normalizeUuid(const QByteArray &text)
{
    return SensorInput::normalizeUuid(text);
}

} // namespace

ManagementActions::ManagementActions(const store::RedisRoles &roles)
    : m_metadata(roles.metadata)
    , m_stream(roles.stream)
    , m_analyzer(roles.analyzer)
    , m_queues(roles.metadata, roles.analyzer)
{
}

RedisValue ManagementActions::metadata(const QByteArrayList &command)
{
    return m_metadata.command(command);
}

RedisValue ManagementActions::stream(const QByteArrayList &command)
{
    return m_stream.command(command);
}

ActionResult ManagementActions::invalidUuid(const QByteArray &uuid) const
{
    return ActionResult::failure(SensorInput::invalidUuidMessage(uuid));
}

ActionResult ManagementActions::fromValue(const RedisValue &value, const QString &success) const
{
    if (value.isError()) {
        return ActionResult::failure(QString::fromUtf8(value.string));
    }
    return ActionResult::success(success);
}

// ---- sensor actions ----------------------------------------------------------------------------

ActionResult ManagementActions::setDescription(const QByteArray &uuidText, const QString &description)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"HSET", storekeys::sensorMetadata(uuid), storekeys::kFieldDescription,
                               description.toUtf8()}),
                     QStringLiteral("Description saved"));
}

ActionResult ManagementActions::setName(const QByteArray &uuidText, const QString &name)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (name.trimmed().isEmpty()) {
        return fromValue(metadata({"HDEL", keys::sensorNames(), uuid}), QStringLiteral("Name removed"));
    }
    return fromValue(metadata({"HSET", keys::sensorNames(), uuid, name.trimmed().toUtf8()}),
                     QStringLiteral("Name saved"));
}

ActionResult ManagementActions::setTags(const QByteArray &uuidText, const QStringList &tags)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    const RedisValue deleted = metadata({"DEL", keys::sensorTags(uuid)});
    if (deleted.isError()) {
        return fromValue(deleted, {});
    }
    QByteArrayList command{"SADD", keys::sensorTags(uuid)};
    for (const QString &tag : tags) {
        if (!tag.trimmed().isEmpty()) {
            command.append(tag.trimmed().toUtf8());
        }
    }
    if (command.size() == 2) {
        return ActionResult::success(QStringLiteral("Tags removed"));
    }
    return fromValue(metadata(command), QStringLiteral("Tags saved"));
}

ActionResult ManagementActions::kick(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (isTrue(stream({"EXISTS", storekeys::temporaryBlacklist(uuid)}))) {
        return ActionResult::failure(QStringLiteral("The sensor was kicked less than 30 s ago"));
    }
    return fromValue(stream({"SADD", storekeys::sensorsToKick(), uuid}), QStringLiteral("Sensor kicked"));
}

ActionResult ManagementActions::setMonitoring(const QByteArray &uuidText, int maxSilenceSeconds)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (maxSilenceSeconds < kMinMonitoringSeconds) {
        return ActionResult::failure(
            QStringLiteral("The maximum silence must be at least %1 seconds").arg(kMinMonitoringSeconds));
    }
    metadata({"SADD", keys::monitoredSensors(), uuid});
    metadata(
        {"HSET", keys::monitoredSensor(uuid), keys::kFieldDeltaTime, QByteArray::number(maxSilenceSeconds)});
    return fromValue(metadata({"SET", keys::monitoringLastUpdated(),
                               QByteArray::number(QDateTime::currentSecsSinceEpoch())}),
                     QStringLiteral("Sensor monitored"));
}

ActionResult ManagementActions::removeMonitoring(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    metadata({"SREM", keys::monitoredSensors(), uuid});
    metadata({"DEL", keys::monitoredSensor(uuid)});
    metadata({"SREM", keys::monitoringErrors(), uuid});
    return fromValue(metadata({"SET", keys::monitoringLastUpdated(),
                               QByteArray::number(QDateTime::currentSecsSinceEpoch())}),
                     QStringLiteral("Sensor no longer monitored"));
}

ActionResult ManagementActions::setStreamMaxSize(const QByteArray &uuidText, qint64 maxSize)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (maxSize < 0) {
        return ActionResult::failure(QStringLiteral("The stream max size must be an integer ≥ 0"));
    }
    return fromValue(metadata({"HSET", storekeys::streamMaxSizeByUuid(), uuid, QByteArray::number(maxSize)}),
                     QStringLiteral("Stream max size set to %1").arg(maxSize));
}

ActionResult ManagementActions::setUuidBlacklisted(const QByteArray &uuidText, bool blacklisted)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (!blacklisted) {
        return fromValue(metadata({"SREM", storekeys::blacklistUuid(), uuid}),
                         QStringLiteral("UUID removed from the blacklist"));
    }
    const RedisValue added = metadata({"SADD", storekeys::blacklistUuid(), uuid});
    if (!added.isError() && added.integer == 0) {
        return ActionResult::success(QStringLiteral("UUID already blacklisted"));
    }
    return fromValue(added, QStringLiteral("UUID blacklisted"));
}

ActionResult ManagementActions::setIpsOfUuidBlacklisted(const QByteArray &uuidText, bool blacklisted)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({blacklisted ? QByteArray("SADD") : QByteArray("SREM"),
                               storekeys::blacklistIpByUuid(), uuid}),
                     blacklisted ? QStringLiteral("Every IP using this UUID will be blacklisted")
                                 : QStringLiteral("IPs of this UUID no longer blacklisted"));
}

ActionResult ManagementActions::setHmacKey(const QByteArray &uuidText, const QByteArray &key)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    if (key.isEmpty()) {
        return ActionResult::failure(QStringLiteral("The key must not be empty"));
    }
    if (QString::fromUtf8(key).size() > kMaxHmacKeyLength) {
        return ActionResult::failure(
            QStringLiteral("The key must be at most %1 characters long").arg(kMaxHmacKeyLength));
    }
    return fromValue(metadata({"HSET", storekeys::sensorMetadata(uuid), storekeys::kFieldHmacKey, key}),
                     QStringLiteral("HMAC key saved"));
}

ActionResult ManagementActions::clearStatistics(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    qint64 removed = 0;
    const auto scan = [this](const QByteArray &pattern) {
        QByteArrayList found;
        QByteArray cursor = "0";
        do {
            const RedisValue page = metadata({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
            if (page.isError() || page.elements.size() != 2) {
                break;
            }
            cursor = page.elements[0].string;
            found += strings(page.elements[1]);
        } while (cursor != "0");
        return found;
    };
    // stat_uuid_type:<d>:<uuid> and its mirrors daily_uuid:<d>, stat_type_uuid:<d>:<type>
    for (const QByteArray &key : scan(keys::statUuidTypePattern(uuid))) {
        const QByteArray date = key.split(':').value(1);
        for (const auto &[type, packets] :
             scoredMembers(metadata({"ZRANGE", key, "0", "-1", "WITHSCORES"}))) {
            metadata({"ZREM", storekeys::statTypeUuid(date, type.toInt()), uuid});
        }
        metadata({"ZREM", storekeys::dailyUuid(date), uuid});
        metadata({"DEL", key});
        ++removed;
    }
    for (const QByteArray &key : scan(keys::statUuidIpPattern(uuid))) {
        const QByteArray date = key.split(':').value(1);
        for (const auto &[ip, packets] : scoredMembers(metadata({"ZRANGE", key, "0", "-1", "WITHSCORES"}))) {
            metadata({"ZREM", storekeys::statIpUuid(date, ip), uuid});
        }
        metadata({"DEL", key});
        ++removed;
    }
    return ActionResult::success(QStringLiteral("Statistics cleared (%1 keys)").arg(removed));
}

ActionResult ManagementActions::registerSensor(const QByteArray &uuidText, const QByteArray &key,
                                               const QString &description)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    const ActionResult keyResult = setHmacKey(uuid, key);
    if (!keyResult.ok) {
        return keyResult;
    }
    if (!description.isEmpty()) {
        setDescription(uuid, description);
    }
    metadata({"SREM", storekeys::pendingRegistrations(), uuid});
    return fromValue(metadata({"SADD", storekeys::registeredUuids(), uuid}),
                     QStringLiteral("Sensor registered"));
}

// ---- server actions ----------------------------------------------------------------------------

ActionResult ManagementActions::approveSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    metadata({"SREM", storekeys::pendingRegistrations(), uuid});
    return fromValue(metadata({"SADD", storekeys::registeredUuids(), uuid}),
                     QStringLiteral("Sensor approved"));
}

ActionResult ManagementActions::deletePendingSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"SREM", storekeys::pendingRegistrations(), uuid}),
                     QStringLiteral("Pending sensor deleted"));
}

ActionResult ManagementActions::deleteRegisteredSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"SREM", storekeys::registeredUuids(), uuid}),
                     QStringLiteral("Sensor unregistered"));
}

ActionResult ManagementActions::blacklistIp(const QString &text, qint64 maxAddresses)
{
    const IpBlacklistInput input = IpBlacklistInput::parse(text, maxAddresses);
    if (!input.isValid()) {
        return ActionResult::failure(input.error());
    }
    qint64 added = 0;
    constexpr qsizetype kChunk = 1000;
    for (qsizetype i = 0; i < input.addresses().size(); i += kChunk) {
        QByteArrayList command{"SADD", storekeys::blacklistIp()};
        command += input.addresses().mid(i, kChunk);
        const RedisValue value = metadata(command);
        if (value.isError()) {
            return fromValue(value, {});
        }
        added += value.integer;
    }
    if (added == 0) {
        return ActionResult::success(QStringLiteral("%1 is already blacklisted").arg(text.trimmed()));
    }
    return ActionResult::success(QStringLiteral("%1 address(es) blacklisted").arg(added));
}

ActionResult ManagementActions::unblacklistIp(const QString &text, qint64 maxAddresses)
{
    const IpBlacklistInput input = IpBlacklistInput::parse(text, maxAddresses);
    if (!input.isValid()) {
        return ActionResult::failure(input.error());
    }
    qint64 removed = 0;
    constexpr qsizetype kChunk = 1000;
    for (qsizetype i = 0; i < input.addresses().size(); i += kChunk) {
        QByteArrayList command{"SREM", storekeys::blacklistIp()};
        command += input.addresses().mid(i, kChunk);
        const RedisValue value = metadata(command);
        if (value.isError()) {
            return fromValue(value, {});
        }
        removed += value.integer;
    }
    if (removed == 0) {
        return ActionResult::failure(QStringLiteral("%1 is not blacklisted").arg(text.trimmed()));
    }
    return ActionResult::success(QStringLiteral("%1 address(es) removed from the blacklist").arg(removed));
}

ActionResult ManagementActions::addAcceptedType(int type, const QByteArray &extendedName)
{
    if (!protocol::findType(type)) {
        return ActionResult::failure(QStringLiteral("Type %1 is not a D4 type").arg(type));
    }
    if (type == protocol::kTypeExtended) {
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,100}$"));
        if (!valid.match(QString::fromUtf8(extendedName)).hasMatch()) {
            return ActionResult::failure(QStringLiteral("An extended type needs a name of letters, digits, "
                                                        "'.', '_' or '-'"));
        }
        metadata({"SADD", storekeys::acceptedTypes(), QByteArray::number(type)});
        return fromValue(metadata({"SADD", storekeys::acceptedExtendedTypes(), extendedName}),
                         QStringLiteral("Extended type %1 accepted").arg(QString::fromUtf8(extendedName)));
    }
    return fromValue(metadata({"SADD", storekeys::acceptedTypes(), QByteArray::number(type)}),
                     QStringLiteral("Type %1 accepted").arg(type));
}

ActionResult ManagementActions::removeAcceptedType(int type)
{
    return fromValue(metadata({"SREM", storekeys::acceptedTypes(), QByteArray::number(type)}),
                     QStringLiteral("Type %1 no longer accepted").arg(type));
}

ActionResult ManagementActions::removeAcceptedExtendedType(const QByteArray &name)
{
    return fromValue(metadata({"SREM", storekeys::acceptedExtendedTypes(), name}),
                     QStringLiteral("Extended type %1 no longer accepted").arg(QString::fromUtf8(name)));
}

// ---- analyzer queues ---------------------------------------------------------------------------

ActionResult ManagementActions::createQueue(int type, const QByteArray &extendedType,
                                            const QString &description, const QByteArrayList &sensorGroup,
                                            const QByteArray &queueUuid)
{
    const bool extended = type == protocol::kTypeMetaHeader || type == protocol::kTypeExtended;
    if (extended) {
        if (!isTrue(metadata({"SISMEMBER", storekeys::acceptedExtendedTypes(), extendedType}))) {
            return ActionResult::failure(QStringLiteral("Invalid extended type"));
        }
    } else if (!isTrue(metadata({"SISMEMBER", storekeys::acceptedTypes(), QByteArray::number(type)}))) {
        return ActionResult::failure(QStringLiteral("Invalid type"));
    }
    QByteArrayList sensors;
    QStringList invalid;
    for (const QByteArray &sensor : sensorGroup) {
        if (sensor.trimmed().isEmpty()) {
            continue;
        }
        const QByteArray normalized = normalizeUuid(sensor);
        if (normalized.isEmpty()) {
            invalid.append(QString::fromUtf8(sensor));
        }
        sensors.append(normalized);
    }
    if (!invalid.isEmpty()) {
        return ActionResult::failure(
            QStringLiteral("Invalid sensor UUID: %1").arg(invalid.join(QStringLiteral(", "))));
    }
    QString error;
    const auto created = m_queues.create(type, extendedType, description, sensors, queueUuid, error);
    if (!created) {
        return ActionResult::failure(error);
    }
    return ActionResult::success(QStringLiteral("Queue %1 created").arg(QString::fromUtf8(*created)));
}

ActionResult ManagementActions::editQueue(const QByteArray &queueUuid, const QString &description,
                                          const QByteArrayList &sensorGroup)
{
    QByteArrayList sensors;
    for (const QByteArray &sensor : sensorGroup) {
        if (sensor.trimmed().isEmpty()) {
            continue;
        }
        const QByteArray normalized = normalizeUuid(sensor);
        if (normalized.isEmpty()) {
            return invalidUuid(sensor);
        }
        sensors.append(normalized);
    }
    QString error;
    if (!m_queues.setDescription(queueUuid, description, error) ||
        !m_queues.setSensorGroup(queueUuid, sensors, error)) {
        return ActionResult::failure(error);
    }
    return ActionResult::success(QStringLiteral("Queue saved"));
}

ActionResult ManagementActions::setQueueMaxSize(const QByteArray &queueUuid, qint64 maxSize)
{
    if (maxSize <= 0) {
        return ActionResult::failure(QStringLiteral("The maximum size must be greater than 0"));
    }
    QString error;
    if (!m_queues.setMaxSize(queueUuid, maxSize, error)) {
        return ActionResult::failure(error);
    }
    return ActionResult::success(QStringLiteral("Queue maximum size set to %1").arg(maxSize));
}

ActionResult ManagementActions::flushQueue(const QByteArray &queueUuid)
{
    QString error;
    const auto queue = m_queues.info(queueUuid, error);
    if (!queue) {
        return ActionResult::failure(error);
    }
    // What a flush removes was not consumed: when the workers count this queue's pushes, the
    // entries go to its dropped counter, measured in the same transaction as the DEL.
    const QByteArray list = storekeys::analyzerList(queue->typeKey(), queueUuid);
    const QList<RedisValue> replies =
        m_analyzer.pipeline({{"MULTI"},
                             {"LLEN", list},
                             {"DEL", list},
                             {"HEXISTS", storekeys::analyzerQueuePushed(), queueUuid},
                             {"EXEC"}});
    const RedisValue &exec = replies.last();
    if (exec.isError()) {
        return fromValue(exec, {});
    }
    if (exec.kind != RedisValue::Kind::Array || exec.elements.size() != 3) {
        return ActionResult::failure(QStringLiteral("Unexpected reply to the flush"));
    }
    const qint64 removed = exec.elements[0].integer;
    if (isTrue(exec.elements[2]) && removed > 0) {
        const RedisValue counted = m_analyzer.command(
            {"HINCRBY", storekeys::analyzerQueueDropped(), queueUuid, QByteArray::number(removed)});
        if (counted.isError()) {
            return fromValue(counted, {});
        }
    }
    return ActionResult::success(QStringLiteral("Queue flushed"));
}

ActionResult ManagementActions::removeQueue(const QByteArray &queueUuid)
{
    QString error;
    if (!m_queues.remove(queueUuid, error)) {
        return ActionResult::failure(error);
    }
    // A queue made again with this UUID starts counting from zero.
    for (const RedisValue &reply :
         m_analyzer.pipeline({{"HDEL", storekeys::analyzerQueuePushed(), queueUuid},
                              {"HDEL", storekeys::analyzerQueueDropped(), queueUuid}})) {
        if (reply.isError()) {
            return fromValue(reply, {});
        }
    }
    return ActionResult::success(QStringLiteral("Queue deleted"));
}

} // namespace d4::management
