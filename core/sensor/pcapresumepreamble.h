// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "sensor/packetsink.h"

namespace d4::sensor {

class PcapStreamTracker;
struct SensorConfig;

/**
 * The preamble of type 1 when the source is a libpcap stream, so that the server's type-1 worker
 * (which needs each session to be a libpcap stream of its own) accepts a reconnected session.
 *
 * A session that takes up the stream at byte P of the source (the first payload byte of the
 * packet it sends first, after the "unfinished packet goes again, whole" rule) starts with the
 * global header, then the bytes of the record that contains P from that record's beginning up to
 * P (those were sent on the lost connection, the old session ends with that record truncated).
 * The session's payload is then global header + the stream from a record boundary on: every
 * record from there on arrives once, whole, in that session. At a record boundary only the global
 * header is sent; on the first connection (P = 0) nothing.
 *
 * The bytes go as type-1 packets of at most snaplen bytes, signed and stamped like the data.
 * Nothing is sent when the source is not libpcap (pcapng, anything else) or stopped being one
 * (a record too large): see PcapStreamTracker.
 *
 * delivered() must see every run of packets the sink accepted, in order (a DeliveryObserver);
 * the tracker then holds the stream's state at the start of the write() in progress, and the
 * packets of that write() before the resume point are followed on a copy. Copyable (a
 * PreambleFactory); copies share one tracker. Used from one thread.
 */
class PcapResumePreamble final
{
public:
    explicit PcapResumePreamble(const SensorConfig &config);

    std::vector<std::uint8_t> operator()(const ResumePoint &at) const;

    /** Follows @p packets, whole D4 packets the sink has accepted. Logs what the source turns out to be. */
    void delivered(std::span<const std::uint8_t> packets);

    /** The stream as delivered so far. */
    const PcapStreamTracker &tracker() const noexcept;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace d4::sensor
