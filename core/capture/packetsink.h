// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "capture/capturepacket.h"
#include "capture/decodedpacket.h"

namespace d4::capture {

/**
 * A consumer of decoded packets in an analysis pipeline (d4-server analyze, file import, live
 * taps). Each analysis (backscatter, later passive DNS) is one sink; the pipeline reads and
 * decodes every packet once and hands it to all sinks.
 */
class PacketSink
{
public:
    virtual ~PacketSink() = default;
    virtual void onPacket(const CapturePacket &packet, const DecodedPacket &decoded) = 0;
};

} // namespace d4::capture
