// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <optional>

#include "sensor/packetsink.h"
#include "sensor/sensorerror.h"

namespace d4::sensor {

struct SensorConfig;

/**
 * The sensor's main loop, the C client's transfer loop made fast: every read of n bytes from
 * the source becomes packets of at most snaplen bytes (timestamp = now, in seconds), and the
 * end of input one empty packet. Types 2/254 send their data as type 254 (the sink sends the
 * type-2 meta header). Reads, signs and writes in batches of up to 1 MiB with no copy in
 * between (see PacketBatch); blocks while the sink is busy.
 */
class SensorSender final
{
public:
    /**
     * @p sourceFd is borrowed; @p sink must outlive the sender. @p delivered, when set, is told
     * every batch the sink accepted (the type-1 preamble follows the capture with it).
     */
    SensorSender(const SensorConfig &config, int sourceFd, PacketSink &sink, DeliveryObserver delivered = {});

    /** Opens the sink, sends until the end of input, closes the sink. */
    std::optional<SensorError> run();

    std::uint64_t payloadBytes() const noexcept { return m_payloadBytes; }
    std::uint64_t packetCount() const noexcept { return m_packets; }

private:
    const SensorConfig &m_config;
    int m_sourceFd;
    PacketSink &m_sink;
    DeliveryObserver m_delivered;
    std::uint64_t m_payloadBytes = 0;
    std::uint64_t m_packets = 0;
};

} // namespace d4::sensor
