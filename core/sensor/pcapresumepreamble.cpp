// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/pcapresumepreamble.h"

#include <algorithm>
#include <ctime>
#include <string_view>

#include "protocol/packetencoder.h"
#include "sensor/pcapstreamtracker.h"
#include "sensor/sensorconfig.h"
#include "sensor/sensorlog.h"

namespace d4::sensor {

namespace {

using protocol::kHeaderSize;
using protocol::kSizeOffset;

/** Feeds @p tracker the payloads of the whole packets in the first @p end bytes of @p packets. */
void feedPayloads(PcapStreamTracker &tracker, std::span<const std::uint8_t> packets, std::size_t end)
{
    end = std::min(end, packets.size());
    std::size_t start = 0;
    while (end - start >= kHeaderSize) {
        const std::uint8_t *size = packets.data() + start + kSizeOffset;
        const std::size_t length = std::size_t{size[0]} | std::size_t{size[1]} << 8 |
                                   std::size_t{size[2]} << 16 | std::size_t{size[3]} << 24;
        if (end - start - kHeaderSize < length) {
            break; // not a whole packet: the sink only hands over whole ones
        }
        tracker.feed(packets.subspan(start + kHeaderSize, length));
        start += kHeaderSize + length;
    }
}

bool following(const PcapStreamTracker &tracker)
{
    return tracker.state() == PcapStreamTracker::State::Detecting ||
           tracker.state() == PcapStreamTracker::State::Tracking;
}

} // namespace

struct PcapResumePreamble::Shared
{
    explicit Shared(const SensorConfig &config)
        : encoder(config.uuid, config.type, std::string_view(config.key.constData(), config.key.size()),
                  config.version)
        , snaplen(std::max<std::uint32_t>(config.snaplen, 1))
    {
    }

    PcapStreamTracker tracker;
    protocol::PacketEncoder encoder;
    std::uint32_t snaplen;
};

PcapResumePreamble::PcapResumePreamble(const SensorConfig &config)
    : m_shared(std::make_shared<Shared>(config))
{
}

const PcapStreamTracker &PcapResumePreamble::tracker() const noexcept
{
    return m_shared->tracker;
}

std::vector<std::uint8_t> PcapResumePreamble::operator()(const ResumePoint &at) const
{
    std::vector<std::uint8_t> prefix;
    if (at.offset == 0) {
        prefix = m_shared->tracker.resumePrefix();
    } else {
        // The packets of the write() in progress before the resume point were sent on the lost
        // connection: follow them on a copy (at most one record), delivered() sees them later.
        PcapStreamTracker snapshot = m_shared->tracker;
        feedPayloads(snapshot, at.packets, at.offset);
        prefix = snapshot.resumePrefix();
    }
    std::vector<std::uint8_t> out;
    if (prefix.empty()) {
        return out;
    }
    const std::size_t recordBytes =
        prefix.size() - std::min(prefix.size(), PcapStreamTracker::kGlobalHeaderSize);
    qCInfo(lcSensor,
           "the new session starts a capture of its own: the libpcap global header and %zu bytes "
           "of the record in progress",
           recordBytes);
    const auto timestamp = static_cast<std::uint64_t>(std::time(nullptr));
    const std::uint32_t snaplen = m_shared->snaplen;
    out.reserve(prefix.size() + (prefix.size() / snaplen + 1) * kHeaderSize);
    for (std::size_t offset = 0; offset < prefix.size(); offset += snaplen) {
        m_shared->encoder.appendPacket(
            out, {prefix.data() + offset, std::min<std::size_t>(snaplen, prefix.size() - offset)}, timestamp);
    }
    return out;
}

void PcapResumePreamble::delivered(std::span<const std::uint8_t> packets)
{
    PcapStreamTracker &tracker = m_shared->tracker;
    const PcapStreamTracker::State before = tracker.state();
    if (!following(tracker)) {
        return;
    }
    feedPayloads(tracker, packets, packets.size());
    if (tracker.state() == before) {
        return;
    }
    switch (tracker.state()) {
    case PcapStreamTracker::State::Detecting:
        break;
    case PcapStreamTracker::State::Tracking:
        qCInfo(lcSensor, "the source is a libpcap stream: a new session will start with its global header");
        break;
    case PcapStreamTracker::State::NotPcap:
        qCInfo(lcSensor, "the source is not a libpcap stream (no libpcap magic): a new session continues it "
                         "as it is");
        break;
    case PcapStreamTracker::State::RecordTooLarge:
        qCWarning(lcSensor,
                  "the source is no libpcap stream any more: the record at byte %llu claims %u bytes, more "
                  "than a capture allows (%u); from now on a new session continues the stream as it is",
                  static_cast<unsigned long long>(tracker.rejectedRecordOffset()), tracker.rejectedLength(),
                  tracker.maxRecordLength());
        break;
    }
}

} // namespace d4::sensor
