// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include "analyzers/backscatter/backscattersnapshot.h"

namespace d4::analyzers::backscatter {

/**
 * Serialisations of analyzer results (spec §6.8, checklist item 25): JSON mirroring the Corsaro3
 * `dos` record fields plus our counters, CSV with one row per attack, and MISP `ddos` objects
 * (misp-objects ddos definition: ip-dst, dst-port, protocol, first-seen, last-seen, total-pps).
 */
class BackscatterExport final
{
public:
    static QString ipv4Text(quint32 address);
    static QString protocolName(quint8 protocol);
    /** ISO 8601 UTC with nanoseconds, e.g. 2021-06-05T03:58:45.551136000Z. */
    static QString isoTime(qint64 ns);

    static QJsonObject attackToJson(const AttackRecord &attack, const BackscatterSnapshot &snapshot);
    /** Settings, counters and attacks. */
    static QJsonObject snapshotToJson(const BackscatterSnapshot &snapshot);
    /** Header line plus one line per attack, RFC 4180 quoting, '\n' line ends. */
    static QByteArray attacksToCsv(const BackscatterSnapshot &snapshot);
    /** A MISP event fragment {"Object": [ddos objects]} for the attacks. */
    static QJsonObject attacksToMisp(const BackscatterSnapshot &snapshot);
};

} // namespace d4::analyzers::backscatter
