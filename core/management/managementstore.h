// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "management/sensorinput.h"

namespace d4::management {

/**
 * The former name of the sensor input checks (normalizeUuid, keyHasEscapedCharacters), for code
 * that still spells them ManagementStore::. The reads are in ManagementReader, the actions in
 * ManagementActions; new code names SensorInput.
 */
using ManagementStore = SensorInput;

} // namespace d4::management
