// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>

#include "capture/packetdecoder.h"
#include "capture/packetsink.h"

namespace d4::capture {

/**
 * Decodes each packet once and hands it to every registered sink, in registration order: the
 * shared step of file import, `d4-server analyze` and live taps. Not thread-safe (one per reader).
 */
class PacketPipeline final
{
public:
    /** The pipeline does not own @p sink. */
    void addSink(PacketSink *sink) { m_sinks.append(sink); }
    void onPacket(const CapturePacket &packet)
    {
        m_decoder.decode(packet.linkType, packet.data, packet.capturedLength, m_decoded);
        for (PacketSink *sink : std::as_const(m_sinks)) {
            sink->onPacket(packet, m_decoded);
        }
    }
    const PacketDecoder::Stats &decodeStats() const noexcept { return m_decoder.stats(); }

private:
    PacketDecoder m_decoder;
    DecodedPacket m_decoded;
    QList<PacketSink *> m_sinks;
};

} // namespace d4::capture
