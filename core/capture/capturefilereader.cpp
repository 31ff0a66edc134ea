// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/capturefilereader.h"

#include <QFile>

#include "capture/capturereader.h"

namespace d4::capture {

CaptureSummary CaptureFileReader::read(const QString &path, const PacketCallback &onPacket,
                                       const ProgressCallback &onProgress, const std::atomic_bool *cancel)
{
    CaptureSummary summary;
    summary.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.error = CaptureError::NotACapture;
        summary.format = CaptureReader::formatName(CaptureReader::Format::Unknown);
        return summary;
    }
    summary.fileSize = static_cast<quint64>(file.size());
    CaptureReader reader([&](const CapturePacket &packet) {
        if (packet.hasTimestamp) {
            if (!summary.hasTimes) {
                summary.firstNs = packet.timestampNs;
                summary.lastNs = packet.timestampNs;
                summary.hasTimes = true;
            }
            // capinfos reports the earliest and latest, whatever the order in the file.
            summary.firstNs = qMin(summary.firstNs, packet.timestampNs);
            summary.lastNs = qMax(summary.lastNs, packet.timestampNs);
        }
        if (onPacket) {
            onPacket(packet);
        }
    });
    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    quint64 total = 0;
    bool ok = true;
    while (ok) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            summary.cancelled = true;
            break;
        }
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got <= 0) {
            break;
        }
        total += static_cast<quint64>(got);
        ok = reader.feed(QByteArrayView(chunk.constData(), got));
        if (onProgress) {
            onProgress(total, summary.fileSize, reader.stats().packets);
        }
    }
    if (ok && !summary.cancelled) {
        reader.finish();
    }
    summary.error = reader.error();
    summary.format = CaptureReader::formatName(reader.format());
    summary.compressed = reader.isCompressed();
    summary.bigEndian = reader.isBigEndian();
    summary.interfaces = reader.interfaces();
    summary.packets = reader.stats().packets;
    summary.snapTruncatedPackets = reader.stats().truncatedPackets;
    summary.truncatedBytes = reader.truncatedBytes();
    summary.compressionTruncated = reader.isCompressionTruncated();
    return summary;
}

} // namespace d4::capture
