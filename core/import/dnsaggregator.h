// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QHash>
#include <QList>

#include "analyzers/passivedns/pdnsrecord.h"
#include "import/dnstuple.h"

namespace d4::import {

/**
 * Aggregates passive DNS records per (rrname, rrtype, rdata, error) with first/last/count, like the
 * PDNS store does. Memory is bounded by maxTuples: a record of a new tuple beyond it is dropped and
 * counted (droppedRecords()). Not thread-safe.
 */
class DnsAggregator final
{
public:
    explicit DnsAggregator(qsizetype maxTuples = 4'000'000);

    void add(const passivedns::PdnsRecord &record);
    qsizetype size() const noexcept { return m_tuples.size(); }
    quint64 records() const noexcept { return m_records; }
    quint64 droppedRecords() const noexcept { return m_dropped; }
    /** Every tuple, in order of first appearance. */
    const QList<DnsTuple> &tuples() const noexcept { return m_tuples; }
    /**
     * The tuples as store records with @p sensorId: one record at the first time carrying the count,
     * plus one with count 0 at the last time when it differs, so that PdnsWriter's min/max/sum
     * reproduces first, last and count exactly.
     */
    QList<passivedns::PdnsRecord> toRecords(const QByteArray &sensorId) const;
    void clear();

private:
    qsizetype m_maxTuples;
    QList<DnsTuple> m_tuples;
    QHash<QByteArray, qsizetype> m_index;
    quint64 m_records = 0;
    quint64 m_dropped = 0;
};

} // namespace d4::import
