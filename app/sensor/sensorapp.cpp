// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensorapp.h"

#include <csignal>
#include <cstdio>

#include <QCoreApplication>
#include <QLoggingCategory>

#include "protocol/uuid.h"
#include "sensor/sensorconfig.h"
#include "sensor/sensorlog.h"
#include "sensor/sensorrunner.h"
#include "sensorcommandline.h"

namespace d4::app {

namespace {

void printLine(std::FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

void printError(const QString &message)
{
    printLine(stderr, QCoreApplication::applicationName() + QStringLiteral(": error: ") + message);
}

SensorExitCode exitCodeFor(sensor::SensorError::Kind kind)
{
    switch (kind) {
    case sensor::SensorError::Kind::Usage:
        return SensorExitCode::UsageError;
    case sensor::SensorError::Kind::Connect:
    case sensor::SensorError::Kind::Verification:
        return SensorExitCode::NetworkError;
    case sensor::SensorError::Kind::Source:
    case sensor::SensorError::Kind::Output:
    case sensor::SensorError::Kind::Internal:
        break;
    }
    return SensorExitCode::RuntimeError;
}

} // namespace

SensorExitCode runSensorApp(const SensorCommandLine &commandLine)
{
    switch (commandLine.action) {
    case SensorCommandLine::Action::Help:
        printLine(stdout, commandLine.helpText);
        return SensorExitCode::Success;
    case SensorCommandLine::Action::Version:
        printLine(stdout,
                  QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion());
        return SensorExitCode::Success;
    case SensorCommandLine::Action::Error:
        printError(commandLine.error + QStringLiteral(" (see --help)"));
        return SensorExitCode::UsageError;
    case SensorCommandLine::Action::Run:
        break;
    }
    if (commandLine.verbose) {
        QLoggingCategory::setFilterRules(QStringLiteral("d4.sensor.info=true\nd4.sensor.debug=true"));
    }
    auto config = sensor::SensorConfig::load(commandLine.configDirectory);
    if (!config) {
        printError(config.error().message);
        return SensorExitCode::UsageError;
    }
    if (config->uuidGenerated) {
        qCInfo(sensor::lcSensor, "generated sensor uuid %s", protocol::uuidToDashed(config->uuid).c_str());
    }
    // A closed stdout or socket must become an error we report, not a silent death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    sensor::SensorRunner runner(std::move(config.value()), commandLine.options);
    const auto error = runner.run();
    qCInfo(sensor::lcSensor, "sent %llu packets, %llu payload bytes",
           static_cast<unsigned long long>(runner.packetCount()),
           static_cast<unsigned long long>(runner.payloadBytes()));
    if (error) {
        printError(error->message);
        return exitCodeFor(error->kind);
    }
    return SensorExitCode::Success;
}

} // namespace d4::app
