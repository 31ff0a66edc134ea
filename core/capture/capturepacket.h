// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QtGlobal>

namespace d4::capture {

/**
 * One packet as read from a capture, valid only during the callback that receives it (the bytes
 * point into the reader's buffer).
 */
struct CapturePacket
{
    qint64 timestampNs = 0;  ///< capture time, nanoseconds since the Unix epoch (UTC)
    quint32 interfaceId = 0; ///< pcapng interface index (0 for pcap)
    quint32 linkType = 0;    ///< LINKTYPE_* of the packet's interface
    quint32 originalLength = 0;
    quint32 capturedLength = 0;
    const uchar *data = nullptr; ///< capturedLength bytes
    bool hasTimestamp = true;    ///< false for pcapng simple packet blocks (no time stored)
};

} // namespace d4::capture
