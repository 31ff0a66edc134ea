// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QLoggingCategory>

namespace d4::sensor {

/**
 * Logging category "d4.sensor" of the sensor client. Only warnings and above are enabled by
 * default; d4-sensor -v enables info and debug.
 */
Q_DECLARE_LOGGING_CATEGORY(lcSensor)

} // namespace d4::sensor
