// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capturefiles.h"

#include <QFile>
#include <QtEndian>

#include "capture/capturefilereader.h"
#include "testenvironment.h"

namespace d4::test {

namespace {

template <typename T> void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

QByteArray header(quint32 linkType)
{
    QByteArray out;
    put<quint32>(out, 0xa1b2c3d4U);
    put<quint16>(out, 2);
    put<quint16>(out, 4);
    put<qint32>(out, 0);
    put<quint32>(out, 0);
    put<quint32>(out, 262144);
    put<quint32>(out, linkType);
    return out;
}

void record(QByteArray &out, const TestPacket &packet, qint64 shiftNs)
{
    const qint64 ns = packet.timestampNs + shiftNs;
    put<quint32>(out, static_cast<quint32>(ns / 1000000000));
    put<quint32>(out, static_cast<quint32>((ns % 1000000000) / 1000));
    put<quint32>(out, static_cast<quint32>(packet.data.size()));
    put<quint32>(out, packet.originalLength);
    out.append(packet.data);
}

} // namespace

QList<TestPacket> readTestCapture(const QString &relativePath, quint32 *linkType)
{
    QList<TestPacket> packets;
    capture::CaptureFileReader::read(testDataPath(relativePath), [&](const capture::CapturePacket &packet) {
        if (linkType) {
            *linkType = packet.linkType;
        }
        packets.append({packet.timestampNs, packet.originalLength,
                        QByteArray(reinterpret_cast<const char *>(packet.data), packet.capturedLength)});
    });
    return packets;
}

bool writePcap(const QString &path, const QList<TestPacket> &packets, quint32 linkType)
{
    QByteArray out = header(linkType);
    for (const TestPacket &packet : packets) {
        record(out, packet, 0);
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(out) == out.size();
}

quint64 writeRepeatedPcap(const QString &path, const QList<TestPacket> &packets, quint64 minBytes,
                          qint64 roundNs, quint32 linkType)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || packets.isEmpty()) {
        return 0;
    }
    QByteArray out = header(linkType);
    quint64 written = static_cast<quint64>(out.size());
    quint64 count = 0;
    for (qint64 round = 0; written < minBytes; ++round) {
        for (const TestPacket &packet : packets) {
            record(out, packet, round * roundNs);
            ++count;
        }
        if (out.size() > 4 * 1024 * 1024) {
            written += static_cast<quint64>(out.size());
            file.write(out);
            out.clear();
        }
    }
    file.write(out);
    return count;
}

} // namespace d4::test
