// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementstore.h"

#include <algorithm>
#include <map>
#include <set>

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringBuilder>

#include "management/ipblacklistinput.h"
#include "management/managementkeys.h"
#include "protocol/d4types.h"
#include "protocol/uuid.h"
#include "store/keyschema.h"

namespace d4::management {

namespace storekeys = d4::store::keys;
using store::RedisValue;

namespace {

constexpr int kMaxHmacKeyLength = 100; ///< the reference cuts keys at 100 characters
constexpr int kMinMonitoringSeconds = 30;
constexpr int kHistoryDays = 7;
constexpr int kRecentIps = 16;

QByteArray dateKey(const QDate &day)
{
    return day.toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArrayList strings(const RedisValue &value)
{
    QByteArrayList result;
    for (const RedisValue &element : value.elements) {
        result.append(element.string);
    }
    return result;
}

QList<std::pair<QByteArray, qint64>> scoredMembers(const RedisValue &value)
{
    QList<std::pair<QByteArray, qint64>> result;
    for (qsizetype i = 0; i + 1 < value.elements.size(); i += 2) {
        result.append(
            {value.elements[i].string, static_cast<qint64>(value.elements[i + 1].string.toDouble())});
    }
    return result;
}

std::map<QByteArray, QByteArray> hash(const RedisValue &value)
{
    std::map<QByteArray, QByteArray> result;
    for (qsizetype i = 0; i + 1 < value.elements.size(); i += 2) {
        result[value.elements[i].string] = value.elements[i + 1].string;
    }
    return result;
}

QByteArray field(const std::map<QByteArray, QByteArray> &map, const char *name)
{
    const auto it = map.find(QByteArray(name));
    return it == map.end() ? QByteArray() : it->second;
}

QList<int> sortedInts(const QByteArrayList &values)
{
    QList<int> result;
    for (const QByteArray &value : values) {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (ok) {
            result.append(number);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

QByteArrayList sorted(QByteArrayList values)
{
    std::sort(values.begin(), values.end());
    return values;
}

bool isTrue(const RedisValue &value)
{
    return value.kind == RedisValue::Kind::Integer && value.integer != 0;
}

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

ManagementStore::ManagementStore(store::RedisRoles roles, qint64 defaultQueueMaxSize)
    : m_roles(std::move(roles))
    , m_defaultQueueMaxSize(defaultQueueMaxSize)
    , m_metadata(m_roles.metadata)
    , m_stream(m_roles.stream)
    , m_queues(m_roles.metadata, m_roles.analyzer)
{
}

RedisValue ManagementStore::metadata(const QByteArrayList &command)
{
    return m_metadata.command(command);
}

RedisValue ManagementStore::stream(const QByteArrayList &command)
{
    return m_stream.command(command);
}

QByteArray ManagementStore::normalizeUuid(const QByteArray &text)
{
    const auto parsed = protocol::parseUuid(std::string_view(text.constData(), size_t(text.size())));
    if (!parsed || !protocol::isUuidV4(*parsed)) {
        return {};
    }
    return QByteArray::fromStdString(protocol::uuidToHex(*parsed));
}

bool ManagementStore::keyHasEscapedCharacters(const QByteArray &key)
{
    static const QRegularExpression entity(QStringLiteral("&(amp|lt|gt|quot|#x27|#39);"));
    const QString text = QString::fromUtf8(key);
    return text.contains(QLatin1Char('&')) || text.contains(QLatin1Char('<')) ||
           text.contains(QLatin1Char('>')) || text.contains(QLatin1Char('"')) ||
           text.contains(QLatin1Char('\'')) || entity.match(text).hasMatch();
}

ActionResult ManagementStore::invalidUuid(const QByteArray &uuid) const
{
    return ActionResult::failure(QStringLiteral("'%1' is not a version-4 UUID").arg(QString::fromUtf8(uuid)));
}

ActionResult ManagementStore::fromValue(const RedisValue &value, const QString &success) const
{
    if (value.isError()) {
        return ActionResult::failure(QString::fromUtf8(value.string));
    }
    return ActionResult::success(success);
}

// ---- reads -------------------------------------------------------------------------------------

std::optional<Overview> ManagementStore::readOverview(const QDate &today, QString &error)
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

    QString queueError;
    if (const auto queueIds = m_queues.queues(queueError)) {
        for (const QByteArray &queueUuid : *queueIds) {
            if (auto info = m_queues.info(queueUuid, queueError)) {
                QueueSummary queue;
                queue.info = *info;
                queue.effectiveMaxSize = info->maxSize > 0 ? info->maxSize : m_defaultQueueMaxSize;
                queue.nearFull =
                    queue.effectiveMaxSize > 0 && info->length * 10 >= queue.effectiveMaxSize * 9;
                overview.queues.append(queue);
            }
        }
    }
    return overview;
}

std::optional<SensorDetail> ManagementStore::readSensor(const QByteArray &uuidText, const QDate &today,
                                                        QString &error)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        error = invalidUuid(uuidText).message;
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

QList<SavedData> ManagementStore::scanSavedData(const QString &saveDirectory, const QByteArray &uuid,
                                                const QDate &today)
{
    QList<SavedData> result;
    if (saveDirectory.isEmpty()) {
        return result;
    }
    const QDir sensorDir(QDir(saveDirectory).filePath(QString::fromLatin1(uuid)));
    const QDate firstDay = today.addDays(-(kHistoryDays - 1));
    for (const QString &type : sensorDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        SavedData saved;
        saved.type = type;
        const QString typeRoot = sensorDir.filePath(type);
        QDirIterator it(typeRoot, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            ++saved.files;
            saved.bytes += info.size();
            // <type>/YYYY/MM/DD/<file>
            const QStringList parts =
                QDir(typeRoot).relativeFilePath(info.filePath()).split(QLatin1Char('/'));
            if (parts.size() >= 4) {
                const QDate day(parts[0].toInt(), parts[1].toInt(), parts[2].toInt());
                if (day.isValid() && day >= firstDay && day <= today) {
                    ++saved.filesPerDay[day];
                    saved.bytesPerDay[day] += info.size();
                }
            }
        }
        result.append(saved);
    }
    return result;
}

std::optional<BlacklistPage> ManagementStore::readBlacklistPage(BlacklistKind kind, int page, int pageSize,
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

std::optional<QStringList> ManagementStore::queueSample(const QByteArray &queueUuid, int count,
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

// ---- sensor actions ----------------------------------------------------------------------------

ActionResult ManagementStore::setDescription(const QByteArray &uuidText, const QString &description)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"HSET", storekeys::sensorMetadata(uuid), storekeys::kFieldDescription,
                               description.toUtf8()}),
                     QStringLiteral("Description saved"));
}

ActionResult ManagementStore::setName(const QByteArray &uuidText, const QString &name)
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

ActionResult ManagementStore::setTags(const QByteArray &uuidText, const QStringList &tags)
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

ActionResult ManagementStore::kick(const QByteArray &uuidText)
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

ActionResult ManagementStore::setMonitoring(const QByteArray &uuidText, int maxSilenceSeconds)
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

ActionResult ManagementStore::removeMonitoring(const QByteArray &uuidText)
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

ActionResult ManagementStore::setStreamMaxSize(const QByteArray &uuidText, qint64 maxSize)
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

ActionResult ManagementStore::setUuidBlacklisted(const QByteArray &uuidText, bool blacklisted)
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

ActionResult ManagementStore::setIpsOfUuidBlacklisted(const QByteArray &uuidText, bool blacklisted)
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

ActionResult ManagementStore::setHmacKey(const QByteArray &uuidText, const QByteArray &key)
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

ActionResult ManagementStore::clearStatistics(const QByteArray &uuidText)
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

ActionResult ManagementStore::registerSensor(const QByteArray &uuidText, const QByteArray &key,
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

ActionResult ManagementStore::approveSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    metadata({"SREM", storekeys::pendingRegistrations(), uuid});
    return fromValue(metadata({"SADD", storekeys::registeredUuids(), uuid}),
                     QStringLiteral("Sensor approved"));
}

ActionResult ManagementStore::deletePendingSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"SREM", storekeys::pendingRegistrations(), uuid}),
                     QStringLiteral("Pending sensor deleted"));
}

ActionResult ManagementStore::deleteRegisteredSensor(const QByteArray &uuidText)
{
    const QByteArray uuid = normalizeUuid(uuidText);
    if (uuid.isEmpty()) {
        return invalidUuid(uuidText);
    }
    return fromValue(metadata({"SREM", storekeys::registeredUuids(), uuid}),
                     QStringLiteral("Sensor unregistered"));
}

ActionResult ManagementStore::blacklistIp(const QString &text, qint64 maxAddresses)
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

ActionResult ManagementStore::unblacklistIp(const QString &text, qint64 maxAddresses)
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

ActionResult ManagementStore::addAcceptedType(int type, const QByteArray &extendedName)
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

ActionResult ManagementStore::removeAcceptedType(int type)
{
    return fromValue(metadata({"SREM", storekeys::acceptedTypes(), QByteArray::number(type)}),
                     QStringLiteral("Type %1 no longer accepted").arg(type));
}

ActionResult ManagementStore::removeAcceptedExtendedType(const QByteArray &name)
{
    return fromValue(metadata({"SREM", storekeys::acceptedExtendedTypes(), name}),
                     QStringLiteral("Extended type %1 no longer accepted").arg(QString::fromUtf8(name)));
}

// ---- analyzer queues ---------------------------------------------------------------------------

ActionResult ManagementStore::createQueue(int type, const QByteArray &extendedType,
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

ActionResult ManagementStore::editQueue(const QByteArray &queueUuid, const QString &description,
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

ActionResult ManagementStore::setQueueMaxSize(const QByteArray &queueUuid, qint64 maxSize)
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

ActionResult ManagementStore::flushQueue(const QByteArray &queueUuid)
{
    QString error;
    if (!m_queues.flush(queueUuid, error)) {
        return ActionResult::failure(error);
    }
    return ActionResult::success(QStringLiteral("Queue flushed"));
}

ActionResult ManagementStore::removeQueue(const QByteArray &queueUuid)
{
    QString error;
    if (!m_queues.remove(queueUuid, error)) {
        return ActionResult::failure(error);
    }
    return ActionResult::success(QStringLiteral("Queue deleted"));
}

// ---- monitoring ----------------------------------------------------------------------------------

std::optional<QByteArrayList> ManagementStore::evaluateMonitoring(qint64 now, QString &error)
{
    const RedisValue monitored = metadata({"SMEMBERS", keys::monitoredSensors()});
    if (monitored.isError()) {
        error = QString::fromUtf8(monitored.string);
        return std::nullopt;
    }
    QByteArrayList inError;
    for (const QByteArray &uuid : sorted(strings(monitored))) {
        const qint64 delta =
            metadata({"HGET", keys::monitoredSensor(uuid), keys::kFieldDeltaTime}).string.toLongLong();
        const qint64 lastSeen = metadata({"HGET", storekeys::sensorMetadata(uuid), storekeys::kFieldLastSeen})
                                    .string.toLongLong();
        const bool connected = isTrue(stream({"SISMEMBER", storekeys::activeConnections(), uuid}));
        if (now - lastSeen > delta || !connected) {
            metadata({"SADD", keys::monitoringErrors(), uuid});
            inError.append(uuid);
        } else {
            metadata({"SREM", keys::monitoringErrors(), uuid});
        }
    }
    return inError;
}

} // namespace d4::management
