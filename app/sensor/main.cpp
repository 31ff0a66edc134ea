// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QCoreApplication>

#include "common/commandline.h"
#include "sensorapp.h"
#include "sensorcommandline.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-sensor"));
    qSetMessagePattern(QStringLiteral("%{appname}: %{message}"));
    const auto commandLine = d4::app::SensorCommandLine::parse(QCoreApplication::arguments());
    return static_cast<int>(d4::app::runSensorApp(commandLine));
}
