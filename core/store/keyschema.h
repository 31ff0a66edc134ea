// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>

/**
 * Every Redis key pattern D4 Console reads or writes, in one place (spec d4-server.md §3).
 * The names are d4-core's, byte for byte, so sensors, analyzers and d4-core's own tools share
 * one database with us. Sensor UUIDs are 32 lowercase hex characters; session UUIDs are dashed.
 * The comment on each function names the Redis role whose database holds the key.
 */
namespace d4::store::keys {

// ---- METADATA: server settings -------------------------------------------------------------
QByteArray hmacDefaultKey();       ///< STRING server:hmac_default_key
QByteArray acceptedTypes();        ///< SET server:accepted_type
QByteArray acceptedExtendedTypes(); ///< SET server:accepted_extended_type
QByteArray firstDate();            ///< STRING first_date (YYYYMMDD)

// ---- METADATA: access control ---------------------------------------------------------------
QByteArray blacklistIp();          ///< SET blacklist_ip
QByteArray blacklistUuid();        ///< SET blacklist_uuid
QByteArray blacklistIpByUuid();    ///< SET blacklist_ip_by_uuid
QByteArray registeredUuids();      ///< SET registered_uuid
QByteArray pendingRegistrations(); ///< SET sensor_pending_registration

// ---- METADATA: per sensor --------------------------------------------------------------------
QByteArray sensorMetadata(const QByteArray &uuid);                         ///< HASH metadata_uuid:<uuid>
QByteArray sensorTypeMetadata(const QByteArray &uuid, int type);           ///< HASH metadata_type_by_uuid:<uuid>:<type>
QByteArray allTypesByUuid(const QByteArray &uuid);                         ///< SET all_types_by_uuid:<uuid>
QByteArray recentIps(const QByteArray &uuid);                              ///< LIST list_uuid_ip:<uuid>
QByteArray streamMaxSizeByUuid();                                          ///< HASH stream_max_size_by_uuid

// Fields of metadata_uuid:<uuid>
inline constexpr const char *kFieldFirstSeen = "first_seen";
inline constexpr const char *kFieldLastSeen = "last_seen";
inline constexpr const char *kFieldError = "Error";
inline constexpr const char *kFieldHmacKey = "hmac_key";
inline constexpr const char *kFieldDescription = "description";

// ---- METADATA: daily statistics (ZSETs, date = server local YYYYMMDD) -------------------------
QByteArray dailyUuid(const QByteArray &date);                              ///< daily_uuid:<d>
QByteArray dailyType(const QByteArray &date);                              ///< daily_type:<d>
QByteArray dailyIp(const QByteArray &date);                                ///< daily_ip:<d>
QByteArray statUuidIp(const QByteArray &date, const QByteArray &uuid);     ///< stat_uuid_ip:<d>:<uuid>
QByteArray statIpUuid(const QByteArray &date, const QByteArray &ip);       ///< stat_ip_uuid:<d>:<ip>
QByteArray statTypeUuid(const QByteArray &date, int type);                 ///< stat_type_uuid:<d>:<type>
QByteArray statUuidType(const QByteArray &date, const QByteArray &uuid);   ///< stat_uuid_type:<d>:<uuid>

// ---- STREAM: sessions and live connections ---------------------------------------------------
QByteArray stream(int type, const QByteArray &session);                    ///< STREAM stream:<type>:<session>
QByteArray sessionsOfType(int type);                                       ///< SET session_uuid:<type>
QByteArray workingSessionsOfType(int type);                                ///< SET working_session_uuid:<type>
QByteArray endedSessions();                                                ///< SET ended_session
QByteArray activeConnections();                                            ///< SET active_connection
QByteArray activeConnectionsOfType(int type);                              ///< SET active_connection:<type>
QByteArray activeTypesByUuid(const QByteArray &uuid);                      ///< SET active_connection_by_uuid:<uuid>
QByteArray activeSessionsOfTypeByUuid(int type, const QByteArray &uuid);   ///< SET active_uuid_type<2|254>:<uuid>
QByteArray activeSessionsByUuid(const QByteArray &uuid);                   ///< SET map:active_connection-uuid-session_uuid:<uuid>
QByteArray activeExtendedTypesByUuid(const QByteArray &uuid);              ///< SET active_connection_extended_type:<uuid>
QByteArray sessionExtendedTypeMap();                                       ///< HASH map:session-uuid_active_extended_type
QByteArray sensorsToKick();                                                ///< SET server:sensor_to_kick
QByteArray temporaryBlacklist(const QByteArray &uuid);                     ///< STRING temp_blacklist_uuid:<uuid>
QByteArray incorrectTypeSessions();                                        ///< SET Error:IncorrectType

// ---- Error texts the reference stores in metadata_uuid:<uuid> Error ---------------------------
QByteArray errorTemporarilyBlacklisted();
QByteArray errorType2Required(int type);
QByteArray errorSameUuidForType(int type);
QByteArray errorUnexpectedTypeChange(int oldType, int newType);
QByteArray errorUuidChange(const QByteArray &newUuid);
QByteArray errorHmacMismatch();
QByteArray errorStreamLimit();

} // namespace d4::store::keys
