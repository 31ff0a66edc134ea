// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "sensor/sensorerror.h"

namespace d4::sensor {

/**
 * Where a new session takes up the stream: the packets of the write() in progress and the offset
 * of the first of them the session sends after its preamble (the start of a packet). Both empty
 * when the session opens before any data (PacketSink::open()).
 */
struct ResumePoint
{
    std::span<const std::uint8_t> packets;
    std::size_t offset = 0;
};

/**
 * Produces the packets that must open every session with the destination, freshly timestamped:
 * the type-2 meta header for types 2/254 (MetaHeaderPreamble), the libpcap global header and the
 * record in progress for a type-1 capture (PcapResumePreamble). An empty function, or an empty
 * result, means no preamble.
 */
using PreambleFactory = std::function<std::vector<std::uint8_t>(const ResumePoint &at)>;

/**
 * Told, in order, about every run of complete packets the sink has accepted (after write()
 * returned without error), so a preamble can follow the stream that was sent.
 */
using DeliveryObserver = std::function<void(std::span<const std::uint8_t> packets)>;

/**
 * Where signed D4 packets go. Calls block until done, which is the back-pressure: the sender
 * does not read more input while a sink is busy or reconnecting. Used from one thread.
 */
class PacketSink
{
public:
    virtual ~PacketSink() = default;

    /** Makes the destination ready (connects) and sends the preamble. */
    virtual std::optional<SensorError> open() = 0;

    /**
     * Delivers @p packets, a whole number of complete D4 packets. Returns once every byte has
     * been handed to the operating system, or with the error that ended the run.
     */
    virtual std::optional<SensorError> write(std::span<const std::uint8_t> packets) = 0;

    /** Ends the session cleanly after the last packet. */
    virtual std::optional<SensorError> close() = 0;

protected:
    PacketSink() = default;
    PacketSink(const PacketSink &) = default;
    PacketSink &operator=(const PacketSink &) = default;
};

} // namespace d4::sensor
