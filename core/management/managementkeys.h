// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>

/**
 * Redis keys the console's management layer uses that core/store/keyschema.h does not list: the
 * sensor monitoring keys of d4-core (spec §3.3 "Sensor monitoring", written by its web UI and
 * sensors_manager.py) and the console's own additions (names and tags, d4-core#38/#4/#15).
 * All of them live in the METADATA database.
 */
namespace d4::management::keys {

// ---- d4-core sensor monitoring --------------------------------------------------------------
QByteArray monitoredSensors();                      ///< SET to_monitor:sensors
QByteArray monitoredSensor(const QByteArray &uuid); ///< HASH to_monitor:sensor:<uuid> (field delta_time)
QByteArray monitoringLastUpdated();                 ///< STRING sensors_monitoring:last_updated
QByteArray monitoringErrors();                      ///< SET sensors_monitoring:sensors_error
inline constexpr const char *kFieldDeltaTime = "delta_time";

// ---- ours --------------------------------------------------------------------------------------
QByteArray sensorNames();                               ///< HASH d4console:sensor_name, uuid → display name
QByteArray sensorTags(const QByteArray &uuid);          ///< SET d4console:sensor_tags:<uuid>
QByteArray statUuidTypePattern(const QByteArray &uuid); ///< SCAN pattern stat_uuid_type:*:<uuid>
QByteArray statUuidIpPattern(const QByteArray &uuid);   ///< SCAN pattern stat_uuid_ip:*:<uuid>

} // namespace d4::management::keys
