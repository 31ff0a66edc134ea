// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <functional>

#include <QString>

#include "capture/capturepacket.h"
#include "capture/capturesummary.h"

namespace d4::capture {

/**
 * Reads a capture file in fixed-size chunks through a CaptureReader (memory does not grow with
 * the file) and returns its capinfos-style summary. Any thread.
 */
class CaptureFileReader final
{
public:
    using PacketCallback = std::function<void(const CapturePacket &)>;
    /** Called after every chunk with the bytes read so far (compressed offset for .gz) and the size. */
    using ProgressCallback = std::function<void(quint64 bytesRead, quint64 fileSize, quint64 packets)>;

    static constexpr qsizetype kChunkSize = 1024 * 1024;

    /**
     * Reads @p path to its end, or until @p cancel becomes true (summary.cancelled). A file that
     * cannot be opened yields error NotACapture with summary.format "unknown" and fileSize 0;
     * check QFileInfo first for a better message.
     */
    static CaptureSummary read(const QString &path, const PacketCallback &onPacket,
                               const ProgressCallback &onProgress = {},
                               const std::atomic_bool *cancel = nullptr);
};

} // namespace d4::capture
