// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/pibsemulator.h"

#include <QtEndian>

namespace d4::analyzers::backscatter {

QByteArray PibsEmulator::process(const capture::CapturePacket &packet)
{
    constexpr quint32 kTcpOffset = 14 + 20;
    const uchar *data = packet.data;
    const quint32 length = packet.capturedLength;
    if (length < 14 || qFromBigEndian<quint16>(data + 12) != 0x0800) {
        return {};
    }
    if (length - 14 < 20 || data[14 + 9] != 6) {
        return {};
    }
    if (length < kTcpOffset + 14) {
        ++m_skippedShort; // PIBS would read beyond the captured bytes here
        return {};
    }
    const quint32 source = qFromBigEndian<quint32>(data + 26);
    const quint8 flags = data[kTcpOffset + 13];
    if (flags == 0x02) {
        m_synSeen.insert(source);
        return {};
    }
    if (m_synSeen.contains(source)) {
        return {};
    }
    ++m_lines;
    ++m_byFlags[flags];
    const quint16 sourcePort = qFromBigEndian<quint16>(data + kTcpOffset);
    QByteArray line;
    line.reserve(48);
    line.append(QByteArray::number(packet.timestampNs / 1000000000LL));
    line.append(',');
    line.append(QByteArray::number(source >> 24))
        .append('.')
        .append(QByteArray::number((source >> 16) & 0xFF))
        .append('.')
        .append(QByteArray::number((source >> 8) & 0xFF))
        .append('.')
        .append(QByteArray::number(source & 0xFF));
    line.append(',').append(QByteArray::number(flags)).append(',').append(QByteArray::number(sourcePort));
    return line;
}

} // namespace d4::analyzers::backscatter
