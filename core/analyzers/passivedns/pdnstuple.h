// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>

namespace d4::passivedns {

/** What one sensor contributed to a tuple. */
struct SensorSighting
{
    QByteArray sensorId;
    qint64 count = 0;
    qint64 first = 0;
    qint64 last = 0;
};

/** One aggregated (rrname, rrtype, rdata) tuple as stored and served (COF fields). */
struct PdnsTuple
{
    QByteArray rrname;
    int rrtype = 0;
    QByteArray rdata;
    qint64 first = 0;
    qint64 last = 0;
    qint64 count = 0;
    QList<SensorSighting> sensors;

    /** Total order used for paging: type, name, rdata. */
    friend bool operator<(const PdnsTuple &a, const PdnsTuple &b)
    {
        if (a.rrtype != b.rrtype) {
            return a.rrtype < b.rrtype;
        }
        if (a.rrname != b.rrname) {
            return a.rrname < b.rrname;
        }
        return a.rdata < b.rdata;
    }
};

} // namespace d4::passivedns
