// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <algorithm>
#include <tuple>

#include <QJsonArray>
#include <QJsonObject>

#include "analyzers/passivedns/rrtypes.h"
#include "analyzesection.h"
#include "import/dnssink.h"

namespace d4::app {

/**
 * The "passive_dns" member of `d4-server analyze`: the records extracted from the DNS responses of
 * the captures (UDP and TCP, IPv4 and IPv6; import::DnsSink, the same extraction as the console's
 * import), one object per (rrname, rrtype, rdata) with first/last capture time (seconds) and count,
 * sorted by name, type and rdata. Error responses (NXDOMAIN...) have "error": true and the RCODE
 * name as rdata. Header-only so that the section needs no build-file change.
 */
class AnalyzePassiveDns final : public AnalyzeSection
{
public:
    QString key() const override { return QStringLiteral("passive_dns"); }

    void onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded) override
    {
        m_sink.onPacket(packet, decoded);
    }

    QJsonValue toJson() const override
    {
        QJsonArray array;
        for (const import::DnsTuple &tuple : sorted()) {
            QJsonObject object{{QStringLiteral("rrname"), QString::fromUtf8(tuple.rrname)},
                               {QStringLiteral("rrtype"),
                                QString::fromLatin1(passivedns::RrTypes::displayName(tuple.rrtype))},
                               {QStringLiteral("rdata"), QString::fromUtf8(tuple.rdata)},
                               {QStringLiteral("first"), tuple.first},
                               {QStringLiteral("last"), tuple.last},
                               {QStringLiteral("count"), tuple.count}};
            if (tuple.error) {
                object.insert(QStringLiteral("error"), true);
            }
            array.append(object);
        }
        return array;
    }

    void writeText(QTextStream &out) const override
    {
        const QList<import::DnsTuple> tuples = sorted();
        out << "Passive DNS:         " << tuples.size() << " records ("
            << m_sink.stats().udpMessages + m_sink.stats().tcpMessages << " DNS messages)\n";
        for (const import::DnsTuple &tuple : tuples) {
            out << "  " << tuple.rrname << ' ' << passivedns::RrTypes::displayName(tuple.rrtype) << ' '
                << tuple.rdata << "  count " << tuple.count << '\n';
        }
        out << '\n';
    }

    /** After the last file: counts what is left unfinished (TCP streams, IP fragments). */
    void finish() { m_sink.finish(); }

    const import::DnsSink &sink() const noexcept { return m_sink; }

private:
    QList<import::DnsTuple> sorted() const
    {
        QList<import::DnsTuple> tuples = m_sink.aggregator().tuples();
        std::sort(tuples.begin(), tuples.end(), [](const import::DnsTuple &a, const import::DnsTuple &b) {
            return std::tie(a.rrname, a.rrtype, a.rdata, a.error) <
                   std::tie(b.rrname, b.rrtype, b.rdata, b.error);
        });
        return tuples;
    }

    import::DnsSink m_sink;
};

} // namespace d4::app
