// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscattertap.h"

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "capture/capturereader.h"
#include "capture/packetpipeline.h"

namespace d4::analyzers::backscatter {

BackscatterTap::BackscatterTap(BackscatterAnalyzer *analyzer)
    : m_analyzer(analyzer)
{
}

void BackscatterTap::onPcapRecords(const QByteArray &sensorUuid, const QByteArray &globalHeader,
                                   const QByteArray &records, int count)
{
    Q_UNUSED(sensorUuid)
    Q_UNUSED(count)
    // The records are in the global header's byte order, so header + records is a valid pcap.
    capture::PacketPipeline pipeline;
    pipeline.addSink(m_analyzer);
    capture::CaptureReader reader([&](const capture::CapturePacket &packet) {
        pipeline.onPacket(packet);
        m_records.fetch_add(1, std::memory_order_relaxed);
    });
    if (!reader.feed(globalHeader) || !reader.feed(records) || !reader.finish()) {
        m_rejected.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace d4::analyzers::backscatter
