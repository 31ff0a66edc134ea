// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "sensor/packetsink.h"

namespace d4::sensor {

/**
 * Writes packets to a file descriptor (stdout), byte-compatible with the C client's output.
 * The descriptor is borrowed, not closed. A closed pipe (EPIPE, with SIGPIPE ignored) is an
 * Output error.
 */
class FdSink final : public PacketSink
{
public:
    FdSink(int fd, PreambleFactory preamble);

    std::optional<SensorError> open() override;
    std::optional<SensorError> write(std::span<const std::uint8_t> packets) override;
    std::optional<SensorError> close() override;

private:
    int m_fd;
    PreambleFactory m_preamble;
};

} // namespace d4::sensor
