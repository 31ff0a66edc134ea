// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardtapsource.h"

#include "forward/forwardintake.h"
#include "forward/forwardrule.h"

namespace d4::forward {

ForwardTapSource::ForwardTapSource(const ForwardRule &rule, ForwardIntake &intake)
    : m_intake(intake)
    , m_typeKey(rule.type == 254 ? rule.extendedType : QByteArray::number(rule.type))
{
    for (const ForwardSource &source : rule.sources) {
        if (source.kind != ForwardSource::Kind::Sensors) {
            continue;
        }
        if (source.sensors.isEmpty()) {
            m_allSensors = true;
        }
        for (const QByteArray &sensor : source.sensors) {
            // Streams carry the sensor UUID as 32 hex digits (d4-core's form); rules write it dashed.
            m_sensors.insert(QByteArray(sensor).replace('-', ""));
        }
    }
}

bool ForwardTapSource::isNeeded(const ForwardRule &rule)
{
    return std::any_of(rule.sources.cbegin(), rule.sources.cend(), [](const ForwardSource &source) {
        return source.kind == ForwardSource::Kind::Sensors;
    });
}

bool ForwardTapSource::wants(const QByteArray &sensorUuid) const
{
    return m_allSensors ||
           m_sensors.contains(sensorUuid.contains('-') ? QByteArray(sensorUuid).replace('-', "")
                                                       : sensorUuid);
}

void ForwardTapSource::onLines(const QByteArray &sensorUuid, const QByteArray &typeKey,
                               const QByteArrayList &lines)
{
    if (typeKey == m_typeKey && wants(sensorUuid)) {
        m_intake.acceptLines(lines);
    }
}

void ForwardTapSource::onPcapRecords(const QByteArray &sensorUuid, const QByteArray &globalHeader,
                                     const QByteArray &records, int count)
{
    if (m_typeKey == "1" && wants(sensorUuid)) {
        m_intake.acceptPcapRecords(globalHeader, records, count);
    }
}

} // namespace d4::forward
