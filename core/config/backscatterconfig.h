// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "analyzers/backscatter/backscattersettings.h"
#include "store/redisendpoint.h"

namespace d4::config {

/**
 * server.conf [Backscatter]: the live backscatter analyzer of ServerRuntime and its reports
 * (docs/captures-and-backscatter.md). The preset is the base; the threshold keys given override
 * it whatever their order in the file.
 */
struct BackscatterConfig
{
    using Preset = analyzers::backscatter::BackscatterSettings::Preset;

    bool enabled = true;
    Preset preset = Preset::Corsaro;
    std::optional<quint64> minPackets;
    std::optional<qint64> minDurationSeconds;
    std::optional<quint64> minWindowPackets;
    qint64 windowSeconds = 60; ///< the sliding window of min_window_packets and max ppm
    qint64 slideSeconds = 10;  ///< its step; at most AttackThresholds::kMaxWindowSteps per window
    qint64 timeoutSeconds = 300;
    QList<analyzers::backscatter::MonitoredPrefix> prefixes;
    bool udpResponses = false;
    qsizetype evidencePackets = 25;
    qsizetype evidenceRecent = 25;
    qint64 evidenceMaxMb = 64;
    bool attacksFile = true;   ///< <data directory>/backscatter/attacks-YYYY-MM-DD.ndjson
    bool evidenceFiles = true; ///< <data directory>/backscatter/evidence/<victim>-<protocol>-<start>.pcap
    int retentionDays = 30;    ///< attack files and evidence pcaps older than this are removed; 0 = never

    /** The keys of the section, for the server.conf reader. */
    static QStringList keys();
    /** Applies one key; returns why the value is refused, or an empty string. */
    QString apply(const QString &key, const QString &value);
    /**
     * Checks what single keys cannot: the slide divides the window into at most
     * AttackThresholds::kMaxWindowSteps steps and is not longer than it. Returns why not (reported
     * for the `slide` key), or an empty string.
     */
    QString checkWindow() const;
    /** The analyzer settings these keys describe. */
    analyzers::backscatter::BackscatterSettings settings() const;
};

/**
 * server.conf [Backscatter_Queue]: an analyzer queue of rotated `.cap.gz` paths (type 1) read into
 * the live backscatter analyzer, as analyzer-d4-pibs reads it. The Redis server is this server's
 * Redis_ANALYZER unless `host` or `unix_socket` is given (then d4-core's 127.0.0.1:6380 db 2 is the
 * base); `port`, `db` and `password` override the base's.
 */
struct BackscatterQueueConfig
{
    bool enabled = false;
    QString queueUuid; ///< kept as written (d4-core keys use it verbatim)
    std::optional<QString> host;
    std::optional<int> port;
    std::optional<int> db;
    std::optional<QString> unixSocket;
    std::optional<QString> password;

    static QStringList keys();
    QString apply(const QString &key, const QString &value);
    /** The endpoint to read, given this server's Redis_ANALYZER. */
    store::RedisEndpoint endpoint(const store::RedisEndpoint &ownAnalyzer) const;
};

} // namespace d4::config
