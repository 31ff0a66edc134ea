// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnskeys.h"

#include <QByteArrayList>
#include <QStringBuilder>

namespace d4::passivedns::keys {

namespace {

QByteArray tupleSuffix(QByteArrayView rrname, QByteArrayView rdata, int type)
{
    return keyName(rrname) % ':' % rdata % ':' % QByteArray::number(type);
}

} // namespace

QByteArray keyName(QByteArrayView rrname)
{
    if (!rrname.contains(':') && !rrname.contains('%')) {
        return rrname.toByteArray();
    }
    QByteArray out;
    out.reserve(rrname.size() + 8);
    for (const char c : rrname) {
        if (c == '%') {
            out += "%25";
        } else if (c == ':') {
            out += "%3A";
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray forward(QByteArrayView rrname, int type)
{
    return "r:" % keyName(rrname) % ':' % QByteArray::number(type);
}

QByteArray inverse(QByteArrayView rdata, int type)
{
    return "v:" % rdata % ':' % QByteArray::number(type);
}

QByteArray firstSeen(QByteArrayView rrname, QByteArrayView rdata, int type)
{
    return "s:" % tupleSuffix(rrname, rdata, type);
}

QByteArray lastSeen(QByteArrayView rrname, QByteArrayView rdata, int type)
{
    return "l:" % tupleSuffix(rrname, rdata, type);
}

QByteArray occurrences(QByteArrayView rrname, QByteArrayView rdata, int type)
{
    return "o:" % tupleSuffix(rrname, rdata, type);
}

QByteArray processed()
{
    return QByteArrayLiteral("stats:processed");
}

QByteArray sensorCounts()
{
    return QByteArrayLiteral("stats:sensors");
}

QByteArray sensorsSeen()
{
    return QByteArrayLiteral("sensors:seen");
}

QByteArray typeDistribution()
{
    return QByteArrayLiteral("dist:type");
}

QByteArray tupleSensors(QByteArrayView rrname, QByteArrayView rdata, int type)
{
    return "pdns:sensor:" % tupleSuffix(rrname, rdata, type);
}

QByteArray errors(QByteArrayView rrname)
{
    return "pdns:err:" % keyName(rrname);
}

QByteArray rejected()
{
    return QByteArrayLiteral("pdns:stats:rejected");
}

QByteArray errorCount()
{
    return QByteArrayLiteral("pdns:stats:errors");
}

QByteArray excluded()
{
    return QByteArrayLiteral("pdns:stats:excluded");
}

QByteArray tuples()
{
    return QByteArrayLiteral("pdns:stats:tuples");
}

QByteArray types()
{
    return QByteArrayLiteral("pdns:types");
}

QByteArray names()
{
    return QByteArrayLiteral("pdns:names");
}

QByteArray reversedName(QByteArrayView rrname)
{
    QByteArray out;
    out.reserve(rrname.size() + 1);
    qsizetype end = rrname.size();
    while (end > 0) {
        const qsizetype dot = rrname.first(end).lastIndexOf('.');
        out += rrname.sliced(dot + 1, end - dot - 1);
        out += '.';
        end = dot < 0 ? 0 : dot;
    }
    return out;
}

QByteArray remoteInFlight(QByteArrayView queueUuid)
{
    return "pdns:inflight:" % queueUuid.toByteArray();
}

QByteArray remoteInFlightBatch(QByteArrayView queueUuid)
{
    return "pdns:inflight:" % queueUuid.toByteArray() % ":batch";
}

QByteArray remoteStoredBatch(QByteArrayView queueUuid)
{
    return "pdns:remote:stored:" % queueUuid.toByteArray();
}

QByteArray status()
{
    return QByteArrayLiteral("pdns:status");
}

} // namespace d4::passivedns::keys
