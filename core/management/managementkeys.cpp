// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementkeys.h"

#include <QStringBuilder>

namespace d4::management::keys {

QByteArray monitoredSensors()
{
    return QByteArrayLiteral("to_monitor:sensors");
}
QByteArray monitoredSensor(const QByteArray &uuid)
{
    return QByteArrayLiteral("to_monitor:sensor:") + uuid;
}
QByteArray monitoringLastUpdated()
{
    return QByteArrayLiteral("sensors_monitoring:last_updated");
}
QByteArray monitoringErrors()
{
    return QByteArrayLiteral("sensors_monitoring:sensors_error");
}
QByteArray sensorNames()
{
    return QByteArrayLiteral("d4console:sensor_name");
}
QByteArray sensorTags(const QByteArray &uuid)
{
    return QByteArrayLiteral("d4console:sensor_tags:") + uuid;
}
QByteArray statUuidTypePattern(const QByteArray &uuid)
{
    return QByteArrayLiteral("stat_uuid_type:*:") + uuid;
}
QByteArray statUuidIpPattern(const QByteArray &uuid)
{
    return QByteArrayLiteral("stat_uuid_ip:*:") + uuid;
}

} // namespace d4::management::keys
