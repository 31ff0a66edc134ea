// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QFile>
#include <QString>

#include "capture/capturepacket.h"
#include "import/importoptions.h"

namespace d4::import {

/**
 * Replays imported packets into the type-1 analyzer queues of a sensor, as the type-1 worker
 * (workers::PcapWorker) would have: a libpcap file (µs, the link type of the first packet) at
 * `<dir>/<uuid>/1/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.cap`, gzipped when finished, and its path
 * LPUSHed to analyzer:1:<queue> by workers::AnalyzerQueues. Packets of another link type cannot
 * share the file and are counted in skipped(). Not thread-safe.
 */
class CaptureReplay final
{
public:
    explicit CaptureReplay(const ImportOptions &options);

    /** Appends @p packet (opens the file on the first one). False with errorString() on I/O error. */
    bool write(const capture::CapturePacket &packet);
    /**
     * Closes, gzips and queues the file. Returns the .gz path, or empty (errorString(), or no packet).
     */
    QString finish();
    quint64 written() const noexcept { return m_written; }
    quint64 skipped() const noexcept { return m_skipped; }
    QString errorString() const { return m_error; }

private:
    ImportOptions m_options;
    QFile m_file;
    quint32 m_linkType = 0;
    quint64 m_written = 0;
    quint64 m_skipped = 0;
    bool m_failed = false;
    QString m_error;
};

} // namespace d4::import
