// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include "forward/forwardrule.h"

namespace d4::forward {

/**
 * What the console knows of one forwarding rule: its configuration (published by the server as
 * JSON, without secrets), its accounting hash and whether the console paused it
 * (forwardkeys.h). Plain data, copied between threads.
 */
struct ForwardRuleStatus
{
    QString name;
    std::optional<ForwardRule> rule; ///< nullopt when the published JSON is missing or invalid
    bool paused = false;             ///< control hash `paused` = 1
    bool hasStats = false;           ///< the stats hash exists (the server runs the rule)

    qint64 read = 0;
    qint64 spooled = 0;
    qint64 sent = 0;
    qint64 acknowledged = 0;
    qint64 bytesSent = 0;
    QMap<QByteArray, qint64> filtered; ///< per reason name (filterReasonName), only those present
    qint64 spoolBytes = 0;
    qint64 spoolRecords = 0;
    bool connected = false;
    qint64 connections = 0;
    QString lastError;
    qint64 lastAck = 0; ///< epoch seconds, 0 = never

    qint64 filteredTotal() const
    {
        qint64 total = 0;
        for (const qint64 count : filtered) {
            total += count;
        }
        return total;
    }
};

} // namespace d4::forward

Q_DECLARE_METATYPE(d4::forward::ForwardRuleStatus)
