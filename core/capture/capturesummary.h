// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QString>

#include "capture/captureerror.h"
#include "capture/captureinterface.h"

namespace d4::capture {

/** What capinfos shows about one capture file, filled by CaptureFileReader. */
struct CaptureSummary
{
    QString path;
    QString format; ///< "pcap", "pcapng" or "unknown"
    bool compressed = false;
    bool bigEndian = false;
    QList<CaptureInterface> interfaces;
    quint64 fileSize = 0;
    quint64 packets = 0;
    quint64 snapTruncatedPackets = 0; ///< packets captured shorter than on the wire
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    bool hasTimes = false;
    quint64 truncatedBytes = 0;        ///< bytes of an incomplete final record (a warning)
    bool compressionTruncated = false; ///< the gzip stream was cut short (a warning)
    bool cancelled = false;
    CaptureError error = CaptureError::None;

    bool ok() const { return error == CaptureError::None; }
    /** The distinct link types of the interfaces, in order of appearance. */
    QList<quint32> linkTypes() const;
    /** The distinct time resolutions ("µs", "ns"…), in order of appearance. */
    QStringList precisions() const;
    /** A readable warning when the capture was cut short, else empty. */
    QString warningText() const;
};

} // namespace d4::capture
