// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "theme/consoleicons.h"

namespace d4::ui {

QString ConsoleIcons::resourcePath(Id id)
{
    switch (id) {
    case Id::Application:
        return QStringLiteral(":/icons/org.d4_project.D4Console.svg");
    case Id::Dashboard:
        return QStringLiteral(":/icons/console/dashboard.svg");
    case Id::Sensors:
        return QStringLiteral(":/icons/console/sensors.svg");
    case Id::Sensor:
        return QStringLiteral(":/icons/console/sensor.svg");
    case Id::Server:
        return QStringLiteral(":/icons/console/server.svg");
    case Id::Log:
        return QStringLiteral(":/icons/console/log.svg");
    case Id::PassiveDns:
        return QStringLiteral(":/icons/console/passive-dns.svg");
    case Id::Backscatter:
        return QStringLiteral(":/icons/console/backscatter.svg");
    case Id::Sharing:
        return QStringLiteral(":/icons/console/sharing.svg");
    case Id::Import:
        return QStringLiteral(":/icons/console/import.svg");
    }
    return {};
}

QIcon ConsoleIcons::icon(Id id)
{
    return QIcon(resourcePath(id));
}

QList<ConsoleIcons::Id> ConsoleIcons::all()
{
    return {Id::Application, Id::Dashboard,  Id::Sensors,     Id::Sensor,  Id::Server,
            Id::Log,         Id::PassiveDns, Id::Backscatter, Id::Sharing, Id::Import};
}

} // namespace d4::ui
