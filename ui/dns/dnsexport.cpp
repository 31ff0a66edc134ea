// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dns/dnsexport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include "analyzers/passivedns/rrtypes.h"
#include "api/cofformat.h"

namespace d4::ui {

using passivedns::PdnsTuple;

namespace {

QByteArray csvField(const QByteArray &value)
{
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n') && !value.contains('\r')) {
        return value;
    }
    QByteArray escaped = value;
    escaped.replace("\"", "\"\"");
    return '"' + escaped + '"';
}

QByteArray isoTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toLatin1();
}

QJsonObject attribute(const char *relation, const char *type, const QJsonValue &value)
{
    return QJsonObject{{QLatin1String("object_relation"), QLatin1String(relation)},
                       {QLatin1String("type"), QLatin1String(type)},
                       {QLatin1String("value"), value}};
}

} // namespace

QByteArray DnsExport::ndjson(const QList<PdnsTuple> &tuples, const QByteArray &origin)
{
    api::CofFormat::WriteOptions options;
    options.origin = origin;
    QByteArray out;
    for (const PdnsTuple &tuple : tuples) {
        out += api::CofFormat::line(tuple, options);
    }
    return out;
}

QByteArray DnsExport::csv(const QList<PdnsTuple> &tuples)
{
    QByteArray out = "rrname,rrtype,rdata,time_first,time_last,count,sensor_id\r\n";
    for (const PdnsTuple &tuple : tuples) {
        QByteArrayList sensors;
        for (const passivedns::SensorSighting &sighting : tuple.sensors) {
            sensors.append(sighting.sensorId);
        }
        out += csvField(tuple.rrname) + ',' + csvField(passivedns::RrTypes::displayName(tuple.rrtype)) + ',' +
               csvField(tuple.rdata) + ',' + isoTime(tuple.first) + ',' + isoTime(tuple.last) + ',' +
               QByteArray::number(tuple.count) + ',' + csvField(sensors.join(' ')) + "\r\n";
    }
    return out;
}

QByteArray DnsExport::mispObjects(const QList<PdnsTuple> &tuples, const QByteArray &origin)
{
    QJsonArray objects;
    for (const PdnsTuple &tuple : tuples) {
        QJsonArray attributes{
            attribute("rrname", "text", QString::fromUtf8(tuple.rrname)),
            attribute("rrtype", "text", QString::fromLatin1(passivedns::RrTypes::displayName(tuple.rrtype))),
            attribute("rdata", "text", QString::fromUtf8(tuple.rdata)),
            attribute("time_first", "datetime", QString::fromLatin1(isoTime(tuple.first))),
            attribute("time_last", "datetime", QString::fromLatin1(isoTime(tuple.last))),
            attribute("count", "counter", QString::number(tuple.count)),
        };
        if (!origin.isEmpty()) {
            attributes.append(attribute("origin", "text", QString::fromUtf8(origin)));
        }
        for (const passivedns::SensorSighting &sighting : tuple.sensors) {
            attributes.append(attribute("sensor_id", "text", QString::fromLatin1(sighting.sensorId)));
        }
        objects.append(QJsonObject{
            {QLatin1String("name"), QLatin1String("passive-dns")},
            {QLatin1String("meta-category"), QLatin1String("network")},
            {QLatin1String("description"), QLatin1String("Passive DNS records as expressed in "
                                                         "draft-dulaunoy-dnsop-passive-dns-cof-07.")},
            {QLatin1String("template_uuid"), QLatin1String("b77b7b1c-66ab-4a41-8da4-83810f6d2d6c")},
            {QLatin1String("Attribute"), attributes}});
    }
    return QJsonDocument(QJsonObject{{QLatin1String("Object"), objects}}).toJson(QJsonDocument::Indented);
}

} // namespace d4::ui
