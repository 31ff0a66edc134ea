// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

namespace d4::management {

/** One row of the sensors table: what the reference's Sensors Status page shows, plus names and tags. */
struct SensorSummary
{
    QByteArray uuid; ///< 32 lowercase hex characters
    QString description;
    QString name;         ///< console display name (empty when none)
    QStringList tags;     ///< console tags, sorted
    qint64 firstSeen = 0; ///< epoch seconds, 0 = unknown
    qint64 lastSeen = 0;
    QString error;              ///< the `Error` field of metadata_uuid, empty = OK
    bool blacklisted = false;   ///< in blacklist_uuid
    bool ipBlacklisted = false; ///< in blacklist_ip_by_uuid
    bool connected = false;     ///< in active_connection
    bool registered = false;
    bool monitored = false;
    bool silent = false; ///< monitored and in error (too quiet or disconnected)
    qint64 packetsToday = 0;
    QList<int> types;          ///< every type used, sorted
    QList<int> connectedTypes; ///< types connected now
    QByteArrayList extendedTypes;
    QByteArrayList connectedExtendedTypes;

    /**
     * The status text with the reference's precedence: "Blacklisted UUID", then "All IP using this
     * UUID are Blacklisted", then the Error text, else "OK".
     */
    QString statusText() const;
};

} // namespace d4::management
