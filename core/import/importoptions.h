// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "analyzers/backscatter/backscattersettings.h"
#include "capture/packetsink.h"
#include "store/redisendpoint.h"

namespace d4::import {

/** What an ImportJob does besides reading: analyses, optional PDNS store, optional replay. */
struct ImportOptions
{
    /** The import's name: sensor_id of its PDNS records (default: the first file's name). */
    QString name;
    bool backscatter = true;
    analyzers::backscatter::BackscatterSettings backscatterSettings;
    bool dns = true;
    /** Further analyses given every merged packet after the built-in ones; not owned, job thread. */
    QList<capture::PacketSink *> extraSinks;
    /** When set, the DNS tuples are written to this PDNS store at the end (also when cancelled). */
    std::optional<store::RedisEndpoint> pdnsStore;

    /**
     * Replay into the type-1 queues of a sensor: the packets are written as a libpcap file under
     * replayDirectory/<uuid>/1/YYYY/MM/DD/, gzipped, and its path pushed to analyzer:1:<queue> like
     * the type-1 worker does. Empty replaySensorUuid: no replay.
     */
    QByteArray replaySensorUuid;
    QString replayDirectory;
    std::optional<store::RedisEndpoint> metadataStore;
    std::optional<store::RedisEndpoint> analyzerStore;
    qint64 analyzerQueueMaxSize = 10000;
};

} // namespace d4::import
