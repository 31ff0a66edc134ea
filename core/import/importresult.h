// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include "capture/capturesummary.h"

namespace d4::import {

/** The final summary of an ImportJob. */
struct ImportResult
{
    QString name;
    QList<capture::CaptureSummary> files;   ///< accepted files, in the order given
    QList<QPair<QString, QString>> refused; ///< (path, why) of files that are no capture
    QStringList warnings;                   ///< truncated files, store errors...
    quint64 packets = 0;
    quint64 bytesRead = 0;
    qint64 elapsedMs = 0;
    bool cancelled = false;
    qint64 firstNs = 0; ///< capture time span of the merged stream
    qint64 lastNs = 0;
    bool hasTimes = false;
    quint64 outOfOrder = 0; ///< packets earlier than the previous one in the merged stream
    quint64 dnsTuples = 0;
    quint64 dnsRecords = 0;
    quint64 dnsReassembled = 0;   ///< DNS messages rebuilt from IP fragments
    quint64 fragmentsDropped = 0; ///< fragments or fragmented datagrams not reassembled (see warnings)
    quint64 attacks = 0;
    quint64 backscatterPackets = 0;
    qint64 pdnsRecordsWritten = -1; ///< -1 when no store was configured
    QStringList replayPaths;        ///< the .cap.gz files queued when replaying, one per link type

    /** A short readable summary ("3 files, 12,345 packets in 1.2 s..."). */
    QString text() const;
};

} // namespace d4::import

Q_DECLARE_METATYPE(d4::import::ImportResult)
Q_DECLARE_METATYPE(d4::capture::CaptureSummary)
