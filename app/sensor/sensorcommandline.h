// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>
#include <QStringList>

#include "sensor/runoptions.h"

namespace d4::app {

/**
 * d4-sensor's command line: -c DIR [--insecure] [--pin HEX] [--retry-max S] [--retry-limit N] [-v].
 * -v means --verbose here, as in the Go client, so --version has no short form.
 */
struct SensorCommandLine
{
    enum class Action
    {
        Run,
        Help,
        Version,
        Error
    };

    Action action = Action::Error;
    QString error;    ///< for Action::Error
    QString helpText; ///< always filled
    QString configDirectory;
    sensor::RunOptions options;
    bool verbose = false;

    /** Parses @p arguments (argv, program name first). Never exits the process. */
    static SensorCommandLine parse(const QStringList &arguments);
};

} // namespace d4::app
