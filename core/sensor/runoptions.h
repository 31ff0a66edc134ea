// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>
#include <optional>

#include "sensor/fingerprint.h"

namespace d4::sensor {

/** What the command line adds to a SensorConfig (see TlsOptions for the meaning of each). */
struct RunOptions
{
    bool insecure = false;
    /** Overrides the configuration's fingerprint file. */
    std::optional<Sha256Fingerprint> pin;
    std::chrono::seconds retryMax{30};
    int retryLimit = 0;
};

} // namespace d4::sensor
