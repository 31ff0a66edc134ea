// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "api/cofformat.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "analyzers/passivedns/rrtypes.h"

namespace d4::api {

using passivedns::PdnsTuple;
using passivedns::RrTypes;

namespace {

std::optional<qint64> lenientInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || number < 0 || number > 9.0e15) {
            return std::nullopt;
        }
        return qint64(number);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number >= 0) {
            return number;
        }
    }
    return std::nullopt;
}

} // namespace

QByteArray CofFormat::line(const PdnsTuple &tuple, const WriteOptions &options)
{
    QJsonObject object;
    object.insert(QLatin1String("rrname"), QString::fromUtf8(tuple.rrname));
    const QByteArray mnemonic = RrTypes::mnemonic(tuple.rrtype);
    if (mnemonic.isEmpty()) {
        object.insert(QLatin1String("rrtype"), tuple.rrtype);
    } else {
        object.insert(QLatin1String("rrtype"), QString::fromLatin1(mnemonic));
    }
    if (options.rdataArray) {
        object.insert(QLatin1String("rdata"), QJsonArray{QString::fromUtf8(tuple.rdata)});
    } else {
        object.insert(QLatin1String("rdata"), QString::fromUtf8(tuple.rdata));
    }
    object.insert(QLatin1String("time_first"), tuple.first);
    object.insert(QLatin1String("time_last"), tuple.last);
    object.insert(QLatin1String("count"), tuple.count);
    if (!options.origin.isEmpty()) {
        object.insert(QLatin1String("origin"), QString::fromUtf8(options.origin));
    }
    if (tuple.sensors.size() == 1) {
        object.insert(QLatin1String("sensor_id"), QString::fromLatin1(tuple.sensors.first().sensorId));
    }
    if (!tuple.sensors.isEmpty()) {
        QJsonArray sensors;
        for (const passivedns::SensorSighting &sighting : tuple.sensors) {
            sensors.append(QJsonObject{{QLatin1String("sensor_id"), QString::fromLatin1(sighting.sensorId)},
                                       {QLatin1String("count"), sighting.count},
                                       {QLatin1String("time_first"), sighting.first},
                                       {QLatin1String("time_last"), sighting.last}});
        }
        object.insert(QLatin1String("sensors"), sensors);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QList<PdnsTuple>> CofFormat::parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QJsonValue rrname = object.value(QLatin1String("rrname"));
    const QJsonValue rrtype = object.value(QLatin1String("rrtype"));
    const QJsonValue rdata = object.value(QLatin1String("rdata"));
    if (!rrname.isString()) {
        return std::nullopt;
    }
    PdnsTuple base;
    base.rrname = rrname.toString().toUtf8();
    if (rrtype.isString()) {
        base.rrtype = RrTypes::fromText(rrtype.toString().toLatin1());
    } else if (rrtype.isDouble()) {
        const double number = rrtype.toDouble();
        base.rrtype = (number >= 0 && number <= 65535 && number == std::floor(number)) ? int(number) : -1;
    } else {
        base.rrtype = -1;
    }
    if (base.rrtype < 0) {
        return std::nullopt;
    }
    const auto first = lenientInteger(object.value(QLatin1String("time_first")));
    const auto last = lenientInteger(object.value(QLatin1String("time_last")));
    if (!first || !last) {
        return std::nullopt;
    }
    base.first = *first;
    base.last = *last;
    const QJsonValue countValue = object.value(QLatin1String("count"));
    if (!countValue.isUndefined()) {
        const auto count = lenientInteger(countValue);
        if (!count) {
            return std::nullopt;
        }
        base.count = *count;
    }
    const QJsonValue sensor = object.value(QLatin1String("sensor_id"));
    if (sensor.isString()) {
        base.sensors.append({sensor.toString().toLatin1(), base.count, base.first, base.last});
    }
    QList<PdnsTuple> tuples;
    if (rdata.isString()) {
        base.rdata = rdata.toString().toUtf8();
        tuples.append(base);
    } else if (rdata.isArray()) {
        for (const QJsonValue &element : rdata.toArray()) {
            if (!element.isString()) {
                return std::nullopt;
            }
            PdnsTuple tuple = base;
            tuple.rdata = element.toString().toUtf8();
            tuples.append(std::move(tuple));
        }
        if (tuples.isEmpty()) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return tuples;
}

} // namespace d4::api
