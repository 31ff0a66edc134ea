// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>

#include "analyzers/passivedns/pdnstuple.h"

namespace d4::ui {

/** Exports of passive DNS results from the DNS page. */
class DnsExport final
{
public:
    /** COF NDJSON, exactly what the lookup server sends. */
    static QByteArray ndjson(const QList<passivedns::PdnsTuple> &tuples, const QByteArray &origin = {});
    /** RFC 4180 CSV with a header line; times as ISO 8601 UTC. */
    static QByteArray csv(const QList<passivedns::PdnsTuple> &tuples);
    /**
     * A MISP event fragment {"Object": [...]} with one `passive-dns` object per tuple (MISP object
     * template passive-dns: rrname, rrtype, rdata, time_first, time_last, count, origin, sensor_id).
     */
    static QByteArray mispObjects(const QList<passivedns::PdnsTuple> &tuples, const QByteArray &origin = {});
};

} // namespace d4::ui
