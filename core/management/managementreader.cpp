// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementreader.h"

#include <algorithm>
#include <map>
#include <set>

#include <QDateTime>
#include <QStringBuilder>

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

constexpr int kHistoryDays = 7;
constexpr int kRecentIps = 16;

/** "ip-YYYYmmddHHMMSS" (list_uuid_ip) as "ip - YYYY-MM-DD HH:MM:SS" (spec §9 #10: the month fixed). */
QString formatRecentIp(const QByteArray &entry)
{
    const qsizetype dash = entry.lastIndexOf('-');
    if (dash < 0) {
        return QString::fromUtf8(entry);
    }
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(entry.mid(dash + 1)), QStringLiteral("yyyyMMddHHmmss"));
    const QString ip = QString::fromUtf8(entry.left(dash));
    if (!when.isValid()) {
        return QString::fromUtf8(entry);
    }
    return ip % QStringLiteral(" - ") % when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

ManagementReader::ManagementReader(const store::RedisRoles &roles, qint64 defaultQueueMaxSize)
    : m_defaultQueueMaxSize(defaultQueueMaxSize)
    , m_metadata(roles.metadata)
    , m_stream(roles.stream)
    , m_analyzer(roles.analyzer)
    , m_queues(roles.metadata, roles.analyzer)
{
}

RedisValue ManagementReader::metadata(const QByteArrayList &command)
{
    return m_metadata.command(command);
}

RedisValue ManagementReader::stream(const QByteArrayList &command)
{
    return m_stream.command(command);
}

std::optional<Overview> ManagementReader::readOverview(const QDate &today, QString &error)
{
    Overview overview;
    overview.taken = QDateTime::currentDateTime();
    const QByteArray date = dateKey(today);
    const RedisValue daily = metadata({"ZREVRANGE", storekeys::dailyUuid(date), "0", "-1", "WITHSCORES"});
    if (daily.isError()) {
        error = QString::fromUtf8(daily.string);
        return std::nullopt;
    }
    overview.packetsPerSensorToday = scoredMembers(daily);
    for (const auto &[uuid, packets] : overview.packetsPerSensorToday) {
        overview.packetsToday += packets;
    }
    overview.packetsPerTypeToday =
        scoredMembers(metadata({"ZREVRANGE", storekeys::dailyType(date), "0", "-1", "WITHSCORES"}));
    const RedisValue active = stream({"SMEMBERS", storekeys::activeConnections()});
    if (active.isError()) {
        error = QString::fromUtf8(active.string);
        return std::nullopt;
    }
    const QByteArrayList activeList = strings(active);
    const std::set<QByteArray> connected(activeList.begin(), activeList.end());
    overview.activeSensors = int(connected.size());

    overview.registered = sorted(strings(metadata({"SMEMBERS", storekeys::registeredUuids()})));
    overview.pending = sorted(strings(metadata({"SMEMBERS", storekeys::pendingRegistrations()})));
    overview.blacklistedIps = metadata({"SCARD", storekeys::blacklistIp()}).integer;
    overview.blacklistedUuids = metadata({"SCARD", storekeys::blacklistUuid()}).integer;
    overview.acceptedTypes = sortedInts(strings(metadata({"SMEMBERS", storekeys::acceptedTypes()})));
    overview.acceptedExtendedTypes =
        sorted(strings(metadata({"SMEMBERS", storekeys::acceptedExtendedTypes()})));
    overview.defaultHmacKey = metadata({"GET", storekeys::hmacDefaultKey()}).string;
    for (const auto &[reason, count] : hash(metadata({"HGETALL", storekeys::rejectionCounters()}))) {
        overview.rejections[reason] = count.toLongLong();
    }

    const QByteArrayList monitoredList = strings(metadata({"SMEMBERS", keys::monitoredSensors()}));
    const std::set<QByteArray> monitored(monitoredList.begin(), monitoredList.end());
    const QByteArrayList silentList = strings(metadata({"SMEMBERS", keys::monitoringErrors()}));
    const std::set<QByteArray> silent(silentList.begin(), silentList.end());
    const std::set<QByteArray> registered(overview.registered.begin(), overview.registered.end());
    const std::map<QByteArray, QByteArray> names = hash(metadata({"HGETALL", keys::sensorNames()}));

    std::map<QByteArray, qint64> packets;
    for (const auto &[uuid, count] : overview.packetsPerSensorToday) {
        packets[uuid] = count;
    }
    std::set<QByteArray> uuids = connected;
    for (const auto &[uuid, count] : packets) {
        uuids.insert(uuid);
    }
    for (const QByteArray &uuid : uuids) {
        SensorSummary sensor;
        sensor.uuid = uuid;
        const RedisValue meta =
            metadata({"HMGET", storekeys::sensorMetadata(uuid), storekeys::kFieldFirstSeen,
                      storekeys::kFieldLastSeen, storekeys::kFieldError, storekeys::kFieldDescription});
        if (meta.elements.size() == 4) {
            sensor.firstSeen = meta.elements[0].string.toLongLong();
            sensor.lastSeen = meta.elements[1].string.toLongLong();
            sensor.error = QString::fromUtf8(meta.elements[2].string);
            sensor.description = QString::fromUtf8(meta.elements[3].string);
        }
        sensor.name = QString::fromUtf8(field(names, uuid.constData()));
        for (const QByteArray &tag : sorted(strings(metadata({"SMEMBERS", keys::sensorTags(uuid)})))) {
            sensor.tags.append(QString::fromUtf8(tag));
        }
        sensor.types = sortedInts(strings(metadata({"SMEMBERS", storekeys::allTypesByUuid(uuid)})));
        sensor.extendedTypes =
            sorted(strings(metadata({"SMEMBERS", storekeys::allExtendedTypesByUuid(uuid)})));
        sensor.connected = connected.count(uuid) > 0;
        if (sensor.connected) {
            sensor.connectedTypes =
                sortedInts(strings(stream({"SMEMBERS", storekeys::activeTypesByUuid(uuid)})));
            sensor.connectedExtendedTypes =
                sorted(strings(stream({"SMEMBERS", storekeys::activeExtendedTypesByUuid(uuid)})));
        }
        sensor.blacklisted = isTrue(metadata({"SISMEMBER", storekeys::blacklistUuid(), uuid}));
        sensor.ipBlacklisted = isTrue(metadata({"SISMEMBER", storekeys::blacklistIpByUuid(), uuid}));
        sensor.registered = registered.count(uuid) > 0;
        sensor.monitored = monitored.count(uuid) > 0;
        sensor.silent = silent.count(uuid) > 0;
        const auto it = packets.find(uuid);
        sensor.packetsToday = it == packets.end() ? 0 : it->second;
        overview.sensors.append(sensor);
    }

    overview.queues = readQueues();
    return overview;
}

QList<QueueSummary> ManagementReader::readQueues()
{
    QList<QueueSummary> result;
    QString error;
    const auto queueIds = m_queues.queues(error);
    if (!queueIds) {
        return result;
    }
    for (const QByteArray &queueUuid : *queueIds) {
        if (auto info = m_queues.info(queueUuid, error)) {
            QueueSummary queue;
            queue.info = *info;
            queue.effectiveMaxSize = info->maxSize > 0 ? info->maxSize : m_defaultQueueMaxSize;
            result.append(queue);
        }
    }
    readQueueCounters(result);
    for (QueueSummary &queue : result) {
        queue.nearFull = queue.effectiveMaxSize > 0 && queue.info.length * 10 >= queue.effectiveMaxSize * 9;
    }
    return result;
}

void ManagementReader::readQueueCounters(QList<QueueSummary> &queues)
{
    if (queues.isEmpty()) {
        return;
    }
    // The counters and the lengths in one transaction: the fan-out changes a list and its pushed
    // counter in one transaction too, so the two always agree here.
    QByteArrayList pushed{"HMGET", storekeys::analyzerQueuePushed()};
    QByteArrayList dropped{"HMGET", storekeys::analyzerQueueDropped()};
    for (const QueueSummary &queue : queues) {
        pushed.append(queue.info.uuid);
        dropped.append(queue.info.uuid);
    }
    QList<QByteArrayList> commands{{"MULTI"}, pushed, dropped};
    for (const QueueSummary &queue : queues) {
        commands.append({"LLEN", storekeys::analyzerList(queue.info.typeKey(), queue.info.uuid)});
    }
    commands.append({"EXEC"});
    const QList<RedisValue> replies = m_analyzer.pipeline(commands);
    const RedisValue &exec = replies.last();
    const qsizetype count = queues.size();
    if (exec.kind != RedisValue::Kind::Array || exec.elements.size() != count + 2 ||
        exec.elements[0].elements.size() != count || exec.elements[1].elements.size() != count) {
        return; // no counters: the rates fall back to the length
    }
    for (qsizetype i = 0; i < count; ++i) {
        QueueSummary &queue = queues[i];
        const RedisValue &pushedValue = exec.elements[0].elements[i];
        if (pushedValue.kind == RedisValue::Kind::String) {
            queue.pushedTotal = pushedValue.string.toLongLong();
            queue.droppedTotal = exec.elements[1].elements[i].string.toLongLong();
        }
        if (exec.elements[2 + i].kind == RedisValue::Kind::Integer) {
            queue.info.length = exec.elements[2 + i].integer;
        }
    }
}

std::optional<SensorDetail> ManagementReader::readSensor(const QByteArray &uuidText, const QDate &today,
                                                         QString &error)
{
    const QByteArray uuid = SensorInput::normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        error = SensorInput::invalidUuidMessage(uuidText);
        return std::nullopt;
    }
    SensorDetail detail;
    SensorSummary &sensor = detail.summary;
    sensor.uuid = uuid;
    const RedisValue metaValue = metadata({"HGETALL", storekeys::sensorMetadata(uuid)});
    if (metaValue.isError()) {
        error = QString::fromUtf8(metaValue.string);
        return std::nullopt;
    }
    const auto meta = hash(metaValue);
    sensor.firstSeen = field(meta, storekeys::kFieldFirstSeen).toLongLong();
    sensor.lastSeen = field(meta, storekeys::kFieldLastSeen).toLongLong();
    sensor.error = QString::fromUtf8(field(meta, storekeys::kFieldError));
    sensor.description = QString::fromUtf8(field(meta, storekeys::kFieldDescription));
    sensor.name = QString::fromUtf8(metadata({"HGET", keys::sensorNames(), uuid}).string);
    for (const QByteArray &tag : sorted(strings(metadata({"SMEMBERS", keys::sensorTags(uuid)})))) {
        sensor.tags.append(QString::fromUtf8(tag));
    }
    sensor.types = sortedInts(strings(metadata({"SMEMBERS", storekeys::allTypesByUuid(uuid)})));
    sensor.extendedTypes = sorted(strings(metadata({"SMEMBERS", storekeys::allExtendedTypesByUuid(uuid)})));
    sensor.connected = isTrue(stream({"SISMEMBER", storekeys::activeConnections(), uuid}));
    sensor.connectedTypes = sortedInts(strings(stream({"SMEMBERS", storekeys::activeTypesByUuid(uuid)})));
    sensor.connectedExtendedTypes =
        sorted(strings(stream({"SMEMBERS", storekeys::activeExtendedTypesByUuid(uuid)})));
    sensor.blacklisted = isTrue(metadata({"SISMEMBER", storekeys::blacklistUuid(), uuid}));
    sensor.ipBlacklisted = isTrue(metadata({"SISMEMBER", storekeys::blacklistIpByUuid(), uuid}));
    sensor.registered = isTrue(metadata({"SISMEMBER", storekeys::registeredUuids(), uuid}));
    sensor.monitored = isTrue(metadata({"SISMEMBER", keys::monitoredSensors(), uuid}));
    sensor.silent = isTrue(metadata({"SISMEMBER", keys::monitoringErrors(), uuid}));
    sensor.packetsToday = static_cast<qint64>(
        metadata({"ZSCORE", storekeys::dailyUuid(dateKey(today)), uuid}).string.toDouble());

    detail.hmacKey = field(meta, storekeys::kFieldHmacKey);
    if (detail.hmacKey.isEmpty()) {
        detail.usesDefaultKey = true;
        detail.hmacKey = metadata({"GET", storekeys::hmacDefaultKey()}).string;
    }
    const RedisValue maxSize = metadata({"HGET", storekeys::streamMaxSizeByUuid(), uuid});
    detail.streamMaxSize = maxSize.isNil() ? -1 : maxSize.string.toLongLong();
    detail.temporarilyBlacklisted = isTrue(stream({"EXISTS", storekeys::temporaryBlacklist(uuid)}));
    if (sensor.monitored) {
        detail.monitorMaxSilence =
            metadata({"HGET", keys::monitoredSensor(uuid), keys::kFieldDeltaTime}).string.toInt();
    }
    for (int type : sensor.types) {
        if (type == protocol::kTypeExtended && !sensor.extendedTypes.isEmpty()) {
            continue; // shown by name below
        }
        const auto typeMeta = hash(metadata({"HGETALL", storekeys::sensorTypeMetadata(uuid, type)}));
        detail.typeUsage.append({QByteArray::number(type), false,
                                 field(typeMeta, storekeys::kFieldFirstSeen).toLongLong(),
                                 field(typeMeta, storekeys::kFieldLastSeen).toLongLong()});
    }
    for (const QByteArray &ext : sensor.extendedTypes) {
        const auto extMeta = hash(metadata({"HGETALL", storekeys::extendedTypeMetadata(uuid, ext)}));
        detail.typeUsage.append({ext, true, field(extMeta, storekeys::kFieldFirstSeen).toLongLong(),
                                 field(extMeta, storekeys::kFieldLastSeen).toLongLong()});
    }
    for (const QByteArray &entry :
         strings(metadata({"LRANGE", storekeys::recentIps(uuid), "0", QByteArray::number(kRecentIps - 1)}))) {
        detail.recentIps.append(formatRecentIp(entry));
    }
    for (int back = kHistoryDays - 1; back >= 0; --back) {
        DayTypeCounts day;
        day.day = today.addDays(-back);
        const RedisValue counts =
            metadata({"ZRANGE", storekeys::statUuidType(dateKey(day.day), uuid), "0", "-1", "WITHSCORES"});
        for (const auto &[type, packets] : scoredMembers(counts)) {
            day.packets[type.toInt()] = packets;
        }
        detail.history.append(day);
    }
    return detail;
}

std::optional<BlacklistPage> ManagementReader::readBlacklistPage(BlacklistKind kind, int page, int pageSize,
                                                                 QString &error)
{
    const QByteArray key = kind == BlacklistKind::Ip ? storekeys::blacklistIp() : storekeys::blacklistUuid();
    const RedisValue members = metadata({"SMEMBERS", key});
    if (members.isError()) {
        error = QString::fromUtf8(members.string);
        return std::nullopt;
    }
    const QByteArrayList all = sorted(strings(members));
    BlacklistPage result;
    result.kind = kind;
    result.pageSize = std::max(1, pageSize);
    result.total = all.size();
    const int pages = std::max(1, int((all.size() + result.pageSize - 1) / result.pageSize));
    result.page = std::clamp(page, 0, pages - 1);
    result.members = all.mid(qsizetype(result.page) * result.pageSize, result.pageSize);
    return result;
}

std::optional<QStringList> ManagementReader::queueSample(const QByteArray &queueUuid, int count,
                                                         int maxLineLength, QString &error)
{
    const auto sample = m_queues.sample(queueUuid, count, error);
    if (!sample) {
        return std::nullopt;
    }
    QStringList result;
    const int limit = std::clamp(maxLineLength, 1, 10000);
    for (const QByteArray &entry : *sample) {
        result.append(QString::fromUtf8(entry).left(limit));
    }
    return result;
}

} // namespace d4::management
