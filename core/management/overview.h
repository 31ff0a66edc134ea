// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <optional>
#include <utility>

#include <QDateTime>
#include <QList>

#include "management/sensorsummary.h"
#include "workers/queuemanager.h"

namespace d4::management {

/** An analyzer queue with what the console derives from successive snapshots. */
struct QueueSummary
{
    workers::QueueInfo info;
    qint64 effectiveMaxSize = 0; ///< max_size, or the configured default
    /** d4console:analyzer_queue:pushed of the queue; absent when the workers do not count (d4-core). */
    std::optional<qint64> pushedTotal;
    qint64 droppedTotal = 0;          ///< d4console:analyzer_queue:dropped: trimmed beyond max_size, flushed
    double drainRate = 0;             ///< entries/s the length went down since the last snapshot (net)
    double fillRate = 0;              ///< entries/s the length went up since the last snapshot (net)
    double consumedPerSecond = 0;     ///< entries/s consumers took over the last few seconds
    bool consumptionEstimated = true; ///< no push counter: consumedPerSecond is the net length decrease
    bool nearFull = false;            ///< length ≥ 90 % of the effective maximum
    /** Has held entries for a minute with nothing consumed (without counters: never shrank). */
    bool notConsumed = false;
};

/** The state of the whole server, published a few times a second. Immutable once emitted. */
struct Overview
{
    QDateTime taken;
    QString serverMode;           ///< "registration", "shared-secret", or empty when unknown (attach mode)
    QList<SensorSummary> sensors; ///< seen today or connected now, by UUID
    QByteArrayList registered;    ///< sorted
    QByteArrayList pending;       ///< sorted
    qint64 blacklistedIps = 0;
    qint64 blacklistedUuids = 0;
    QList<int> acceptedTypes;
    QByteArrayList acceptedExtendedTypes;
    QList<QueueSummary> queues;
    QList<std::pair<QByteArray, qint64>> packetsPerSensorToday; ///< descending
    QList<std::pair<QByteArray, qint64>> packetsPerTypeToday;   ///< descending; key = decimal type
    qint64 packetsToday = 0;
    int activeSensors = 0;
    std::map<QByteArray, qint64> rejections; ///< d4console:ingest:rejections
    QByteArray defaultHmacKey;
    /** Live rates: packets/s from the daily counters, bytes/s only when the ingest runs in-process. */
    double packetsPerSecond = 0;
    double bytesPerSecond = -1; ///< -1 = unknown (attached to a remote server)
};

} // namespace d4::management
