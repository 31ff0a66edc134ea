// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/spoolsegmentscanner.h"

#include <algorithm>

#include <QByteArray>
#include <QFile>

#include "forward/forwardspool.h"
#include "forward/spoolframing.h"

namespace d4::forward {

namespace {
constexpr qsizetype kChunk = qsizetype{1} << 20;
} // namespace

SpoolScanResult SpoolSegmentScanner::scan(const QString &path, quint64 from, quint64 limit,
                                          bool verifyChecksums)
{
    using spoolframing::kHeaderSize;
    SpoolScanResult result;
    result.end = from;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.unreadable = true;
        result.problem = file.errorString();
        return result;
    }
    limit = std::min(limit, quint64(file.size()));
    if (from >= limit) {
        return result;
    }
    if (!file.seek(qint64(from))) {
        result.unreadable = true;
        result.problem = file.errorString();
        return result;
    }
    // buffer holds the file's bytes [bufferStart, bufferStart + buffer.size()).
    QByteArray buffer;
    quint64 bufferStart = from;
    quint64 position = from;
    const auto fill = [&](quint64 needEnd) {
        const quint64 bufferEnd = bufferStart + quint64(buffer.size());
        if (needEnd <= bufferEnd) {
            return true;
        }
        buffer.remove(0, qsizetype(position - bufferStart));
        bufferStart = position;
        const quint64 want =
            std::min(limit - (bufferStart + quint64(buffer.size())),
                     std::max(quint64(kChunk), needEnd - bufferStart - quint64(buffer.size())));
        const qsizetype old = buffer.size();
        buffer.resize(old + qsizetype(want));
        const qint64 got = file.read(buffer.data() + old, qint64(want));
        buffer.resize(old + std::max<qsizetype>(0, qsizetype(got)));
        return bufferStart + quint64(buffer.size()) >= needEnd;
    };
    while (position < limit) {
        if (limit - position < quint64(kHeaderSize) || !fill(position + kHeaderSize)) {
            result.corrupt = true;
            result.problem = QStringLiteral("a record header is cut off");
            break;
        }
        const char *at = buffer.constData() + (position - bufferStart);
        const spoolframing::Header header = spoolframing::decodeHeader(at);
        const quint64 recordEnd = position + kHeaderSize + header.length;
        if (header.length > quint64(ForwardSpool::kMaxRecord)) {
            result.corrupt = true;
            result.problem = QStringLiteral("impossible record length %1").arg(header.length);
            break;
        }
        if (recordEnd > limit) {
            result.corrupt = true;
            result.problem = QStringLiteral("a record of %1 bytes is cut off").arg(header.length);
            break;
        }
        if (verifyChecksums) {
            if (!fill(recordEnd)) {
                result.corrupt = true;
                result.problem = QStringLiteral("the file could not be read: %1").arg(file.errorString());
                break;
            }
            at = buffer.constData() + (position - bufferStart);
            if (spoolframing::checksum(QByteArrayView(at + kHeaderSize, header.length)) != header.crc) {
                result.corrupt = true;
                result.problem = QStringLiteral("bad CRC in a record of %1 bytes").arg(header.length);
                break;
            }
        }
        position = recordEnd;
        result.end = position;
        ++result.records;
        result.payloadBytes += header.length;
        // Without checksums the bytes need not be read: skip them (the next fill() seeks on).
        if (!verifyChecksums && position > bufferStart + quint64(buffer.size())) {
            buffer.clear();
            bufferStart = position;
            if (position < limit && !file.seek(qint64(position))) {
                result.corrupt = true;
                result.problem = file.errorString();
                break;
            }
        }
    }
    return result;
}

} // namespace d4::forward
