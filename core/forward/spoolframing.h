// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace d4::forward::spoolframing {

/**
 * How one ForwardSpool record lies in a segment file: [u32 length LE][u32 CRC-32 LE][bytes].
 * The CRC is zlib's crc32 (IEEE 802.3) of the bytes alone, so a segment can be checked with any
 * standard tool. A segment is nothing but such records one after the other.
 */
inline constexpr qsizetype kHeaderSize = 8;

struct Header
{
    quint32 length = 0;
    quint32 crc = 0;
};

quint32 checksum(QByteArrayView bytes);
/** Appends @p record, framed, to @p out (which the caller reserved). */
void appendFramed(QByteArray &out, QByteArrayView record);
/** Decodes the kHeaderSize bytes at @p data. */
Header decodeHeader(const char *data);

} // namespace d4::forward::spoolframing
