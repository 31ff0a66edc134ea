// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>

namespace d4::passivedns {

/** One passive DNS observation, normalised (spec passive-dns.md §7): what the store aggregates. */
struct PdnsRecord
{
    QByteArray rrname; ///< lower case, no trailing dot (punycode stays punycode)
    int rrtype = 0;    ///< numeric; for error records the (possibly bogus) type column
    QByteArray rdata;  ///< presentation form; name-typed rdata lower-cased and dot-stripped
    qint64 seconds = 0;
    int micros = 0;      ///< microsecond part when the input has one
    qint64 count = 1;    ///< passivedns' aggregation counter (1 for pre-1.0 lines)
    qint64 ttl = -1;     ///< -1 when the layout has no TTL
    bool error = false;  ///< an error record: rdata then holds the RCODE name (NXDOMAIN...)
    QByteArray sensorId; ///< D4 sensor UUID (hex) of the session, empty when unknown
};

} // namespace d4::passivedns
