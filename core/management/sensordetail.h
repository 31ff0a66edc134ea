// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>

#include <QDate>
#include <QList>

#include "management/sensorsummary.h"

namespace d4::management {

/** First and last use of one type (decimal) or extended type (name) by a sensor. */
struct TypeUsage
{
    QByteArray type;
    bool extended = false;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
};

/** Packets per type of one day (stat_uuid_type:<day>:<uuid>). */
struct DayTypeCounts
{
    QDate day;
    std::map<int, qint64> packets;
};

/** Files saved on disk for one top-level type directory of data/<uuid>/. */
struct SavedData
{
    QString type;
    qint64 files = 0;
    qint64 bytes = 0;
    std::map<QDate, qint64> filesPerDay; ///< the last 7 days only
    std::map<QDate, qint64> bytesPerDay;
};

/** Everything the sensor page shows, read in one go on the management thread. */
struct SensorDetail
{
    SensorSummary summary;
    QByteArray hmacKey;                  ///< hmac_key of metadata_uuid, or the default key when none
    bool usesDefaultKey = false;         ///< no per-sensor key is stored
    qint64 streamMaxSize = -1;           ///< stream_max_size_by_uuid, -1 = not set
    bool temporarilyBlacklisted = false; ///< temp_blacklist_uuid exists: Kick is disabled
    int monitorMaxSilence = 0;           ///< delta_time of to_monitor:sensor, 0 = not monitored
    QList<TypeUsage> typeUsage;
    QStringList recentIps;        ///< list_uuid_ip, newest first: "ip - YYYY-MM-DD HH:MM:SS"
    QList<DayTypeCounts> history; ///< 7 days, oldest first
    QList<SavedData> saved;       ///< empty when the save directory is unknown
};

} // namespace d4::management
