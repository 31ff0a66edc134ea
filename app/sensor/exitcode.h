// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::app {

/** d4-sensor's process exit codes, documented in --help and docs/d4-sensor.md. */
enum class SensorExitCode : int
{
    Success = 0,      ///< the source ended and all data was handed to the destination
    RuntimeError = 1, ///< reading the source or writing stdout failed, or an internal error
    UsageError = 2,   ///< bad command line or configuration
    NetworkError =
        3, ///< the server is unreachable (retries exhausted or disabled) or its certificate was refused
};

} // namespace d4::app
