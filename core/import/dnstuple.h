// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QMetaType>

namespace d4::import {

/** One aggregated passive DNS observation of an import: (rrname, rrtype, rdata) with its times. */
struct DnsTuple
{
    QByteArray rrname;
    int rrtype = 0;
    QByteArray rdata; ///< presentation form; the RCODE name for error records
    bool error = false;
    qint64 first = 0; ///< capture time, seconds since the epoch
    qint64 last = 0;
    qint64 count = 0;
    qint64 ttl = -1; ///< highest TTL seen
};

} // namespace d4::import

Q_DECLARE_METATYPE(d4::import::DnsTuple)
