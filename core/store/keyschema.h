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
QByteArray hmacDefaultKey();        ///< STRING server:hmac_default_key
QByteArray acceptedTypes();         ///< SET server:accepted_type
QByteArray acceptedExtendedTypes(); ///< SET server:accepted_extended_type
QByteArray firstDate();             ///< STRING first_date (YYYYMMDD)

// ---- METADATA: access control ---------------------------------------------------------------
QByteArray blacklistIp();          ///< SET blacklist_ip
QByteArray blacklistUuid();        ///< SET blacklist_uuid
QByteArray blacklistIpByUuid();    ///< SET blacklist_ip_by_uuid
QByteArray registeredUuids();      ///< SET registered_uuid
QByteArray pendingRegistrations(); ///< SET sensor_pending_registration

// ---- METADATA: per sensor --------------------------------------------------------------------
QByteArray sensorMetadata(const QByteArray &uuid);               ///< HASH metadata_uuid:<uuid>
QByteArray sensorTypeMetadata(const QByteArray &uuid, int type); ///< HASH metadata_type_by_uuid:<uuid>:<type>
QByteArray allTypesByUuid(const QByteArray &uuid);               ///< SET all_types_by_uuid:<uuid>
QByteArray recentIps(const QByteArray &uuid);                    ///< LIST list_uuid_ip:<uuid>
QByteArray streamMaxSizeByUuid();                                ///< HASH stream_max_size_by_uuid

// Fields of metadata_uuid:<uuid>
inline constexpr const char *kFieldFirstSeen = "first_seen";
inline constexpr const char *kFieldLastSeen = "last_seen";
inline constexpr const char *kFieldError = "Error";
inline constexpr const char *kFieldHmacKey = "hmac_key";
inline constexpr const char *kFieldDescription = "description";

// ---- METADATA: daily statistics (ZSETs, date = server local YYYYMMDD) -------------------------
QByteArray dailyUuid(const QByteArray &date);                            ///< daily_uuid:<d>
QByteArray dailyType(const QByteArray &date);                            ///< daily_type:<d>
QByteArray dailyIp(const QByteArray &date);                              ///< daily_ip:<d>
QByteArray statUuidIp(const QByteArray &date, const QByteArray &uuid);   ///< stat_uuid_ip:<d>:<uuid>
QByteArray statIpUuid(const QByteArray &date, const QByteArray &ip);     ///< stat_ip_uuid:<d>:<ip>
QByteArray statTypeUuid(const QByteArray &date, int type);               ///< stat_type_uuid:<d>:<type>
QByteArray statUuidType(const QByteArray &date, const QByteArray &uuid); ///< stat_uuid_type:<d>:<uuid>

// ---- METADATA: our own additions (not in d4-core) ---------------------------------------------
QByteArray rejectionCounters(); ///< HASH d4console:ingest:rejections, reason id → connections refused

// ---- STREAM: sessions and live connections ---------------------------------------------------
QByteArray stream(int type, const QByteArray &session); ///< STREAM stream:<type>:<session>
QByteArray sessionsOfType(int type);                    ///< SET session_uuid:<type>
QByteArray workingSessionsOfType(int type);             ///< SET working_session_uuid:<type>
QByteArray endedSessions();                             ///< SET ended_session
QByteArray activeConnections();                         ///< SET active_connection
QByteArray activeConnectionsOfType(int type);           ///< SET active_connection:<type>
QByteArray activeTypesByUuid(const QByteArray &uuid);   ///< SET active_connection_by_uuid:<uuid>
QByteArray activeSessionsOfTypeByUuid(int type,
                                      const QByteArray &uuid); ///< SET active_uuid_type<2|254>:<uuid>
QByteArray
activeSessionsByUuid(const QByteArray &uuid); ///< SET map:active_connection-uuid-session_uuid:<uuid>
QByteArray activeExtendedTypesByUuid(const QByteArray &uuid); ///< SET active_connection_extended_type:<uuid>
QByteArray sessionExtendedTypeMap();                          ///< HASH map:session-uuid_active_extended_type
QByteArray sensorsToKick();                                   ///< SET server:sensor_to_kick
QByteArray temporaryBlacklist(const QByteArray &uuid);        ///< STRING temp_blacklist_uuid:<uuid>
QByteArray incorrectTypeSessions();                           ///< SET Error:IncorrectType

// ---- Error texts the reference stores in metadata_uuid:<uuid> Error ---------------------------
QByteArray errorTemporarilyBlacklisted();
QByteArray errorType2Required(int type);
QByteArray errorSameUuidForType(int type);
QByteArray errorUnexpectedTypeChange(int oldType, int newType);
QByteArray errorUuidChange(const QByteArray &newUuid);
QByteArray errorHmacMismatch();
QByteArray errorStreamLimit();

// ---- STREAM: worker state (ours) ------------------------------------------------------------
/// STRING d4console:worker_pending:<type>:<session>: bytes a worker has consumed from XDELed
/// entries but not yet emitted (a partial line, or the pcap global header plus a partial record),
/// so a restarted worker continues exactly where the stopped one left off.
QByteArray workerPendingState(int type, const QByteArray &session);

// ---- METADATA: worker counters (ours) -----------------------------------------------------------
/// HASH d4console:worker_rejected_lines:<uuid>, extended type name → lines (or embedded items)
/// of that sensor's type-254 data an extended-type handler refused (invalid JSON, bad base64…).
QByteArray workerRejectedLines(const QByteArray &uuid);

// ---- METADATA: extended types ------------------------------------------------------------------
QByteArray extendedTypeMetadata(const QByteArray &uuid,
                                const QByteArray &ext); ///< HASH metadata_extended_type_by_uuid:<uuid>:<ext>
QByteArray allExtendedTypesByUuid(const QByteArray &uuid); ///< SET all_extended_types_by_uuid:<uuid>

// ---- METADATA: analyzer queue definitions (spec §3.3) ----------------------------------------
/// The queue type key: the decimal type, or the extended type name for type 254.
QByteArray analyzerQueue(const QByteArray &queueUuid);               ///< HASH analyzer:<queue_uuid>
QByteArray analyzerQueuesOfType(int type);                           ///< SET analyzer:<type> (non-group)
QByteArray analyzerQueuesOfExtendedType(const QByteArray &ext);      ///< SET analyzer:254:<ext> (non-group)
QByteArray analyzerGroupQueuesOfType(int type);                      ///< SET analyzer_uuid_group:<type>
QByteArray analyzerGroupQueuesOfExtendedType(const QByteArray &ext); ///< SET analyzer_uuid_group:254:<ext>
QByteArray analyzerSensorGroup(const QByteArray &queueUuid); ///< SET analyzer_sensor_group:<queue_uuid>
QByteArray sensorGroupQueues(const QByteArray &typeKey,
                             const QByteArray &sensor); ///< SET sensor:queues:<type-or-ext>:<sensor>
QByteArray allAnalyzerQueues();                         ///< SET all_analyzer_queues
QByteArray allAnalyzerFormatTypes();                    ///< SET all:analyzer:format_type
QByteArray allAnalyzerExtendedTypes();                  ///< SET all:analyzer:extended_type
QByteArray allAnalyzerQueuesByFormatType(int type);     ///< SET all:analyzer:by:format_type:<type>
QByteArray
allAnalyzerQueuesByExtendedType(const QByteArray &ext); ///< SET all:analyzer:by:extended_type:<ext>

// Fields of analyzer:<queue_uuid>
inline constexpr const char *kQueueFieldType = "type";
inline constexpr const char *kQueueFieldMetatype = "metatype";
inline constexpr const char *kQueueFieldDescription = "description";
inline constexpr const char *kQueueFieldMaxSize = "max_size";
inline constexpr const char *kQueueFieldLastUpdated = "last_updated";

// ---- ANALYZER: the queues external analyzers consume (spec §3.4) -----------------------------
QByteArray analyzerList(const QByteArray &typeKey,
                        const QByteArray &queueUuid); ///< LIST analyzer:<type-or-ext>:<queue_uuid>

// ---- ANALYZER: this project's queue counters (d4-core neither writes nor reads them) -----------
/// HASH d4console:analyzer_queue:pushed, queue uuid → entries the workers' fan-out LPUSHed in total.
QByteArray analyzerQueuePushed();
/// HASH d4console:analyzer_queue:dropped, queue uuid → entries removed unconsumed in total (LTRIM
/// beyond max_size, console flush).
QByteArray analyzerQueueDropped();

// ---- Error texts stored by the workers ----------------------------------------------------------
QByteArray errorPcapFormat();     ///< "Error: Type=1, Incorrect file format"
QByteArray errorMetaHeaderJson(); ///< "Error: Type=2, Incorrect JSON object"
QByteArray
errorUnsupportedExtendedType(const QByteArray &ext); ///< "Error: Type=2, Unsupported extended_type: <ext>"

} // namespace d4::store::keys
