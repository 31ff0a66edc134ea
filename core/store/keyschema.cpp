// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "store/keyschema.h"

#include <QStringBuilder>

namespace d4::store::keys {

namespace {

QByteArray number(int value)
{
    return QByteArray::number(value);
}

} // namespace

QByteArray hmacDefaultKey()
{
    return QByteArrayLiteral("server:hmac_default_key");
}
QByteArray acceptedTypes()
{
    return QByteArrayLiteral("server:accepted_type");
}
QByteArray acceptedExtendedTypes()
{
    return QByteArrayLiteral("server:accepted_extended_type");
}
QByteArray firstDate()
{
    return QByteArrayLiteral("first_date");
}

QByteArray blacklistIp()
{
    return QByteArrayLiteral("blacklist_ip");
}
QByteArray blacklistUuid()
{
    return QByteArrayLiteral("blacklist_uuid");
}
QByteArray blacklistIpByUuid()
{
    return QByteArrayLiteral("blacklist_ip_by_uuid");
}
QByteArray registeredUuids()
{
    return QByteArrayLiteral("registered_uuid");
}
QByteArray pendingRegistrations()
{
    return QByteArrayLiteral("sensor_pending_registration");
}

QByteArray sensorMetadata(const QByteArray &uuid)
{
    return QByteArrayLiteral("metadata_uuid:") + uuid;
}
QByteArray sensorTypeMetadata(const QByteArray &uuid, int type)
{
    return QByteArrayLiteral("metadata_type_by_uuid:") + uuid + ':' + number(type);
}
QByteArray allTypesByUuid(const QByteArray &uuid)
{
    return QByteArrayLiteral("all_types_by_uuid:") + uuid;
}
QByteArray recentIps(const QByteArray &uuid)
{
    return QByteArrayLiteral("list_uuid_ip:") + uuid;
}
QByteArray streamMaxSizeByUuid()
{
    return QByteArrayLiteral("stream_max_size_by_uuid");
}

QByteArray dailyUuid(const QByteArray &date)
{
    return QByteArrayLiteral("daily_uuid:") + date;
}
QByteArray dailyType(const QByteArray &date)
{
    return QByteArrayLiteral("daily_type:") + date;
}
QByteArray dailyIp(const QByteArray &date)
{
    return QByteArrayLiteral("daily_ip:") + date;
}
QByteArray statUuidIp(const QByteArray &date, const QByteArray &uuid)
{
    return QByteArrayLiteral("stat_uuid_ip:") + date + ':' + uuid;
}
QByteArray statIpUuid(const QByteArray &date, const QByteArray &ip)
{
    return QByteArrayLiteral("stat_ip_uuid:") + date + ':' + ip;
}
QByteArray statTypeUuid(const QByteArray &date, int type)
{
    return QByteArrayLiteral("stat_type_uuid:") + date + ':' + number(type);
}
QByteArray statUuidType(const QByteArray &date, const QByteArray &uuid)
{
    return QByteArrayLiteral("stat_uuid_type:") + date + ':' + uuid;
}

QByteArray rejectionCounters()
{
    return QByteArrayLiteral("d4console:ingest:rejections");
}

QByteArray stream(int type, const QByteArray &session)
{
    return QByteArrayLiteral("stream:") + number(type) + ':' + session;
}
QByteArray sessionsOfType(int type)
{
    return QByteArrayLiteral("session_uuid:") + number(type);
}
QByteArray workingSessionsOfType(int type)
{
    return QByteArrayLiteral("working_session_uuid:") + number(type);
}
QByteArray endedSessions()
{
    return QByteArrayLiteral("ended_session");
}
QByteArray activeConnections()
{
    return QByteArrayLiteral("active_connection");
}
QByteArray activeConnectionsOfType(int type)
{
    return QByteArrayLiteral("active_connection:") + number(type);
}
QByteArray activeTypesByUuid(const QByteArray &uuid)
{
    return QByteArrayLiteral("active_connection_by_uuid:") + uuid;
}
QByteArray activeSessionsOfTypeByUuid(int type, const QByteArray &uuid)
{
    return QByteArrayLiteral("active_uuid_type") + number(type) + ':' + uuid;
}
QByteArray activeSessionsByUuid(const QByteArray &uuid)
{
    return QByteArrayLiteral("map:active_connection-uuid-session_uuid:") + uuid;
}
QByteArray activeExtendedTypesByUuid(const QByteArray &uuid)
{
    return QByteArrayLiteral("active_connection_extended_type:") + uuid;
}
QByteArray sessionExtendedTypeMap()
{
    return QByteArrayLiteral("map:session-uuid_active_extended_type");
}
QByteArray sensorsToKick()
{
    return QByteArrayLiteral("server:sensor_to_kick");
}
QByteArray temporaryBlacklist(const QByteArray &uuid)
{
    return QByteArrayLiteral("temp_blacklist_uuid:") + uuid;
}
QByteArray incorrectTypeSessions()
{
    return QByteArrayLiteral("Error:IncorrectType");
}

QByteArray errorTemporarilyBlacklisted()
{
    return QByteArrayLiteral("Error: This UUID is temporarily blacklisted");
}
QByteArray errorType2Required(int type)
{
    return QByteArrayLiteral("Error: a type 2 packet must be sent, type=") + number(type);
}
QByteArray errorSameUuidForType(int type)
{
    return QByteArrayLiteral("Error: This UUID is using the same UUID for one type=") + number(type);
}
QByteArray errorUnexpectedTypeChange(int oldType, int newType)
{
    return QByteArrayLiteral("Error: Unexpected type change type=") + number(oldType) +
           ", new type=" + number(newType);
}
QByteArray errorUuidChange(const QByteArray &newUuid)
{
    return QByteArrayLiteral("Error: The uuid change, new_uuid=") + newUuid;
}
QByteArray errorHmacMismatch()
{
    return QByteArrayLiteral("Error: HMAC don't match");
}
QByteArray errorStreamLimit()
{
    return QByteArrayLiteral("Error: stream exceed max entries limit");
}

QByteArray workerPendingState(int type, const QByteArray &session)
{
    return QByteArrayLiteral("d4console:worker_pending:") + number(type) + ':' + session;
}

QByteArray workerRejectedLines(const QByteArray &uuid)
{
    return QByteArrayLiteral("d4console:worker_rejected_lines:") + uuid;
}

QByteArray extendedTypeMetadata(const QByteArray &uuid, const QByteArray &ext)
{
    return QByteArrayLiteral("metadata_extended_type_by_uuid:") + uuid + ':' + ext;
}
QByteArray allExtendedTypesByUuid(const QByteArray &uuid)
{
    return QByteArrayLiteral("all_extended_types_by_uuid:") + uuid;
}

QByteArray analyzerQueue(const QByteArray &queueUuid)
{
    return QByteArrayLiteral("analyzer:") + queueUuid;
}
QByteArray analyzerQueuesOfType(int type)
{
    return QByteArrayLiteral("analyzer:") + number(type);
}
QByteArray analyzerQueuesOfExtendedType(const QByteArray &ext)
{
    return QByteArrayLiteral("analyzer:254:") + ext;
}
QByteArray analyzerGroupQueuesOfType(int type)
{
    return QByteArrayLiteral("analyzer_uuid_group:") + number(type);
}
QByteArray analyzerGroupQueuesOfExtendedType(const QByteArray &ext)
{
    return QByteArrayLiteral("analyzer_uuid_group:254:") + ext;
}
QByteArray analyzerSensorGroup(const QByteArray &queueUuid)
{
    return QByteArrayLiteral("analyzer_sensor_group:") + queueUuid;
}
QByteArray sensorGroupQueues(const QByteArray &typeKey, const QByteArray &sensor)
{
    return QByteArrayLiteral("sensor:queues:") + typeKey + ':' + sensor;
}
QByteArray allAnalyzerQueues()
{
    return QByteArrayLiteral("all_analyzer_queues");
}
QByteArray allAnalyzerFormatTypes()
{
    return QByteArrayLiteral("all:analyzer:format_type");
}
QByteArray allAnalyzerExtendedTypes()
{
    return QByteArrayLiteral("all:analyzer:extended_type");
}
QByteArray allAnalyzerQueuesByFormatType(int type)
{
    return QByteArrayLiteral("all:analyzer:by:format_type:") + number(type);
}
QByteArray allAnalyzerQueuesByExtendedType(const QByteArray &ext)
{
    return QByteArrayLiteral("all:analyzer:by:extended_type:") + ext;
}

QByteArray analyzerList(const QByteArray &typeKey, const QByteArray &queueUuid)
{
    return QByteArrayLiteral("analyzer:") + typeKey + ':' + queueUuid;
}

QByteArray analyzerQueuePushed()
{
    return QByteArrayLiteral("d4console:analyzer_queue:pushed");
}

QByteArray analyzerQueueDropped()
{
    return QByteArrayLiteral("d4console:analyzer_queue:dropped");
}

QByteArray errorPcapFormat()
{
    return QByteArrayLiteral("Error: Type=1, Incorrect file format");
}
QByteArray errorMetaHeaderJson()
{
    return QByteArrayLiteral("Error: Type=2, Incorrect JSON object");
}
QByteArray errorUnsupportedExtendedType(const QByteArray &ext)
{
    return QByteArrayLiteral("Error: Type=2, Unsupported extended_type: ") + ext;
}

} // namespace d4::store::keys
