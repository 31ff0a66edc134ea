// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <optional>

#include "sensor/runoptions.h"
#include "sensor/sensorconfig.h"
#include "sensor/sensorerror.h"

namespace d4::sensor {

/**
 * One complete sensor run built from a validated configuration: opens the source (stdin or
 * the file), picks the sink (stdout or TLS to the server, with the meta-header preamble for
 * types 2/254) and sends until the source ends. Blocking; runs on the calling thread.
 * SIGPIPE should be ignored by the process (a closed stdout or socket is then a normal error).
 */
class SensorRunner final
{
public:
    SensorRunner(SensorConfig config, RunOptions options);

    /** nullopt when the source ended and every packet was handed to the destination. */
    std::optional<SensorError> run();

    std::uint64_t payloadBytes() const noexcept { return m_payloadBytes; }
    std::uint64_t packetCount() const noexcept { return m_packets; }

private:
    std::optional<SensorError> runWithSource(int fd);

    SensorConfig m_config;
    RunOptions m_options;
    std::uint64_t m_payloadBytes = 0;
    std::uint64_t m_packets = 0;
};

} // namespace d4::sensor
