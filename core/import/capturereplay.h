// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>
#include <vector>

#include <QDateTime>
#include <QFile>
#include <QString>
#include <QStringList>

#include "capture/capturepacket.h"
#include "import/importoptions.h"

namespace d4::import {

/**
 * Replays imported packets into the type-1 analyzer queues of a sensor, as the type-1 worker
 * (workers::PcapWorker) would have: a libpcap file (µs) at
 * `<dir>/<uuid>/1/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.cap`, gzipped when finished, and its path
 * LPUSHed to analyzer:1:<queue> by workers::AnalyzerQueues.
 *
 * A libpcap file has one link type, and a type-1 consumer reads it with that one: packets of a
 * multi-interface pcapng or of merged files with several link types go to one file per link
 * type, in capture-time order within each; the files after the first are named
 * `...-HHMMSS-linktype-<N>.cap`. All are queued together at finish(). Not thread-safe.
 */
class CaptureReplay final
{
public:
    explicit CaptureReplay(const ImportOptions &options);

    /**
     * Appends @p packet to the file of its link type (opened on its first packet). False with
     * errorString() on I/O error; nothing more is written then.
     */
    bool write(const capture::CapturePacket &packet);
    /**
     * Closes, gzips and queues the files. Returns the .gz paths in the order the link types first
     * appeared, or none (errorString(), or no packet); nothing is queued on an error.
     */
    QStringList finish();
    quint64 written() const noexcept { return m_written; }
    /** The link types seen, in order of their first packet, with the packets of each. */
    QList<QPair<quint32, quint64>> linkTypes() const;
    QString errorString() const { return m_error; }

private:
    struct Stream
    {
        quint32 linkType = 0;
        std::unique_ptr<QFile> file;
        quint64 packets = 0;
    };
    Stream *open(quint32 linkType);

    ImportOptions m_options;
    std::vector<Stream> m_streams;
    QDateTime m_started;
    quint64 m_written = 0;
    bool m_failed = false;
    QString m_error;
};

} // namespace d4::import
