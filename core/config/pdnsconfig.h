// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QMap>
#include <QString>

#include "analyzers/passivedns/lineparser.h"
#include "config/inifile.h"
#include "store/redisendpoint.h"

namespace d4::config {

/** server.conf [Passive_DNS_Queue]: a remote D4 server's type-8 analyzer queue (docs/passive-dns.md). */
struct PdnsQueueConfig
{
    bool enabled = false;
    store::RedisEndpoint redis = defaultEndpoint(); ///< d4-core's Redis_ANALYZER: 127.0.0.1:6380 db 2
    QString queueUuid;                              ///< kept as written (d4-core keys use it verbatim)
    QString sensorId;                               ///< recorded as sensor_id; empty = none
    int batchSize = 1000;

    static store::RedisEndpoint defaultEndpoint();
};

/**
 * Reads the per-sensor passivedns layouts of server.conf: one `[Passive_DNS_Sensor:<sensor uuid>]`
 * section per sensor, with the keys `fields` (passivedns `-f` letters), `separator` (`-d`; in double
 * quotes to keep spaces, with \t, \" and \\ escapes), `format` (`text` or `json`) and `time_zone`
 * (of `H` timestamps; default [Passive_DNS] time_zone). Errors name the file, line and key.
 */
class PdnsLayoutLoader final
{
public:
    static constexpr QStringView kSectionPrefix = u"Passive_DNS_Sensor:";

    static bool isLayoutSection(const QString &section);

    /** Sensor UUID (32 lowercase hex characters, as the workers name sensors) -> layout. */
    static std::optional<QMap<QByteArray, passivedns::LineLayout>>
    load(const IniFile &ini, const QString &fileName, const QString &defaultTimeZone, ConfigError &error);

    /** The separator as written in server.conf (see the class comment); empty with @p error when invalid. */
    static QByteArray parseSeparator(const QString &value, QString &error);
};

} // namespace d4::config
