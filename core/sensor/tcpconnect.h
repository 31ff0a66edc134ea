// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>

#include "sensor/endpoint.h"
#include "sensor/result.h"
#include "sensor/sensorerror.h"

namespace d4::sensor {

/**
 * Resolves @p server and connects to its addresses in the resolver's order until one accepts,
 * within @p timeout in total. Returns a connected, non-blocking, close-on-exec TCP socket
 * (the caller owns it) or a Connect error listing what each address answered.
 */
Result<int, SensorError> connectTcp(const Endpoint &server, std::chrono::milliseconds timeout);

/** Low-latency, keep-alive settings for the sensor's socket (a dead peer is noticed within @p userTimeout).
 */
void tuneSensorSocket(int fd, std::chrono::milliseconds userTimeout) noexcept;

} // namespace d4::sensor
