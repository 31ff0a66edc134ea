// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/spoolframing.h"

#include <zlib.h>

#include <QtEndian>

namespace d4::forward::spoolframing {

quint32 checksum(QByteArrayView bytes)
{
    // Records are at most ForwardSpool::kMaxRecord (16 MiB), far below zlib's uInt length limit.
    const auto *data = reinterpret_cast<const Bytef *>(bytes.data());
    return quint32(crc32(crc32(0L, Z_NULL, 0), data, uInt(bytes.size())));
}

void appendFramed(QByteArray &out, QByteArrayView record)
{
    char header[kHeaderSize];
    qToLittleEndian<quint32>(quint32(record.size()), header);
    qToLittleEndian<quint32>(checksum(record), header + 4);
    out.append(header, kHeaderSize);
    out.append(record.data(), record.size());
}

Header decodeHeader(const char *data)
{
    return Header{qFromLittleEndian<quint32>(data), qFromLittleEndian<quint32>(data + 4)};
}

} // namespace d4::forward::spoolframing
