// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "exitcode.h"

namespace d4::app {

struct SensorCommandLine;

/**
 * Acts on a parsed command line: prints help or version, or loads the configuration and runs
 * the sensor, reporting errors on stderr. Returns the process exit code.
 */
SensorExitCode runSensorApp(const SensorCommandLine &commandLine);

} // namespace d4::app
