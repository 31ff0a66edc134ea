// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/dnsaggregator.h"

#include <QStringBuilder>

namespace d4::import {

DnsAggregator::DnsAggregator(qsizetype maxTuples)
    : m_maxTuples(maxTuples)
{
}

void DnsAggregator::add(const passivedns::PdnsRecord &record)
{
    ++m_records;
    const QByteArray key = (record.error ? QByteArrayLiteral("E") : QByteArrayLiteral("R")) %
                           QByteArray::number(record.rrtype) % '\x1f' % record.rrname % '\x1f' % record.rdata;
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd()) {
        if (m_tuples.size() >= m_maxTuples) {
            ++m_dropped;
            return;
        }
        m_index.insert(key, m_tuples.size());
        m_tuples.append(DnsTuple{record.rrname, record.rrtype, record.rdata, record.error, record.seconds,
                                 record.seconds, record.count, record.ttl});
        return;
    }
    DnsTuple &tuple = m_tuples[*it];
    tuple.first = qMin(tuple.first, record.seconds);
    tuple.last = qMax(tuple.last, record.seconds);
    tuple.count += record.count;
    tuple.ttl = qMax(tuple.ttl, record.ttl);
}

QList<passivedns::PdnsRecord> DnsAggregator::toRecords(const QByteArray &sensorId) const
{
    QList<passivedns::PdnsRecord> records;
    records.reserve(m_tuples.size());
    for (const DnsTuple &tuple : m_tuples) {
        passivedns::PdnsRecord record;
        record.rrname = tuple.rrname;
        record.rrtype = tuple.rrtype;
        record.rdata = tuple.rdata;
        record.error = tuple.error;
        record.ttl = tuple.ttl;
        record.sensorId = sensorId;
        record.seconds = tuple.first;
        record.count = tuple.count;
        records.append(record);
        if (tuple.last != tuple.first) {
            record.seconds = tuple.last;
            record.count = 0;
            records.append(record);
        }
    }
    return records;
}

void DnsAggregator::clear()
{
    m_tuples.clear();
    m_index.clear();
    m_records = 0;
    m_dropped = 0;
}

} // namespace d4::import
