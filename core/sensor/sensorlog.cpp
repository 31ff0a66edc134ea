// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensorlog.h"

namespace d4::sensor {

// A sensor usually runs unattended in a pipeline: keep stderr quiet unless something is wrong.
Q_LOGGING_CATEGORY(lcSensor, "d4.sensor", QtWarningMsg)

} // namespace d4::sensor
