// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Helpers of the capture tests: reading whole captures, building pcap/pcapng bytes in either byte
// order (for the byte orders and blocks no public sample covers), and frames layer by layer.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QList>
#include <QString>
#include <QtEndian>

#include "capture/capturereader.h"

namespace d4::test {

/** What a test compares of one packet. */
struct ReadPacket
{
    qint64 timestampNs = 0;
    quint32 interfaceId = 0;
    quint32 linkType = 0;
    quint32 originalLength = 0;
    QByteArray data;
    bool operator==(const ReadPacket &) const = default;
};

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** Feeds @p bytes in the pieces [0, s1), [s1, s2)… then finishes; returns the packets. */
inline QList<ReadPacket> readSplit(const QByteArray &bytes, const QList<qsizetype> &splits,
                                   bool *finished = nullptr, capture::CaptureReader **keep = nullptr)
{
    QList<ReadPacket> packets;
    auto *reader = new capture::CaptureReader([&](const capture::CapturePacket &p) {
        packets.append({p.timestampNs, p.interfaceId, p.linkType, p.originalLength,
                        QByteArray(reinterpret_cast<const char *>(p.data), p.capturedLength)});
    });
    qsizetype from = 0;
    for (qsizetype split : splits) {
        reader->feed(QByteArrayView(bytes).sliced(from, split - from));
        from = split;
    }
    reader->feed(QByteArrayView(bytes).sliced(from));
    const bool ok = reader->finish();
    if (finished) {
        *finished = ok;
    }
    if (keep) {
        *keep = reader;
    } else {
        delete reader;
    }
    return packets;
}

/** Writes integers in a chosen byte order. */
class ByteWriter
{
public:
    explicit ByteWriter(bool bigEndian)
        : m_big(bigEndian)
    {
    }
    ByteWriter &u8(quint8 v)
    {
        m_bytes.append(static_cast<char>(v));
        return *this;
    }
    ByteWriter &u16(quint16 v)
    {
        char b[2];
        m_big ? qToBigEndian(v, b) : qToLittleEndian(v, b);
        m_bytes.append(b, 2);
        return *this;
    }
    ByteWriter &u32(quint32 v)
    {
        char b[4];
        m_big ? qToBigEndian(v, b) : qToLittleEndian(v, b);
        m_bytes.append(b, 4);
        return *this;
    }
    ByteWriter &u64(quint64 v)
    {
        char b[8];
        m_big ? qToBigEndian(v, b) : qToLittleEndian(v, b);
        m_bytes.append(b, 8);
        return *this;
    }
    ByteWriter &raw(const QByteArray &b)
    {
        m_bytes.append(b);
        return *this;
    }
    ByteWriter &pad()
    {
        while (m_bytes.size() % 4 != 0) {
            m_bytes.append('\0');
        }
        return *this;
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    bool m_big;
    QByteArray m_bytes;
};

/** Builds pcapng files block by block in one byte order. */
class PcapNgBuilder
{
public:
    explicit PcapNgBuilder(bool bigEndian)
        : m_big(bigEndian)
    {
    }
    /** A block of @p type with @p body (padded), framed by its two length fields. */
    PcapNgBuilder &block(quint32 type, const QByteArray &body)
    {
        QByteArray padded = body;
        while (padded.size() % 4 != 0) {
            padded.append('\0');
        }
        const auto length = static_cast<quint32>(12 + padded.size());
        m_bytes += ByteWriter(m_big).u32(type).u32(length).raw(padded).u32(length).bytes();
        return *this;
    }
    PcapNgBuilder &section(quint16 major = 1)
    {
        return block(0x0A0D0D0A, ByteWriter(m_big).u32(0x1A2B3C4D).u16(major).u16(0).u64(~0ULL).bytes());
    }
    /** @p tsresol < 0 leaves the option out (µs). */
    PcapNgBuilder &interface(quint16 linkType, int tsresol = -1, const QByteArray &name = {},
                             qint64 tsoffset = 0, quint32 snap = 0)
    {
        ByteWriter body(m_big);
        body.u16(linkType).u16(0).u32(snap);
        if (!name.isEmpty()) {
            body.u16(2).u16(static_cast<quint16>(name.size())).raw(name).pad();
        }
        if (tsresol >= 0) {
            body.u16(9).u16(1).u8(static_cast<quint8>(tsresol)).pad();
        }
        if (tsoffset != 0) {
            body.u16(14).u16(8).u64(static_cast<quint64>(tsoffset));
        }
        body.u16(0).u16(0);
        return block(1, body.bytes());
    }
    PcapNgBuilder &enhanced(quint32 interfaceId, quint64 ticks, const QByteArray &data, quint32 original = 0)
    {
        return block(6, ByteWriter(m_big)
                            .u32(interfaceId)
                            .u32(static_cast<quint32>(ticks >> 32))
                            .u32(static_cast<quint32>(ticks))
                            .u32(static_cast<quint32>(data.size()))
                            .u32(original ? original : static_cast<quint32>(data.size()))
                            .raw(data)
                            .bytes());
    }
    PcapNgBuilder &obsolete(quint16 interfaceId, quint64 ticks, const QByteArray &data)
    {
        return block(2, ByteWriter(m_big)
                            .u16(interfaceId)
                            .u16(0)
                            .u32(static_cast<quint32>(ticks >> 32))
                            .u32(static_cast<quint32>(ticks))
                            .u32(static_cast<quint32>(data.size()))
                            .u32(static_cast<quint32>(data.size()))
                            .raw(data)
                            .bytes());
    }
    PcapNgBuilder &simple(const QByteArray &data)
    {
        return block(3, ByteWriter(m_big).u32(static_cast<quint32>(data.size())).raw(data).bytes());
    }
    PcapNgBuilder &raw(const QByteArray &bytes)
    {
        m_bytes += bytes;
        return *this;
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    bool m_big;
    QByteArray m_bytes;
};

/** A classic pcap global header. */
inline QByteArray pcapHeader(bool bigEndian, bool nano, quint32 linkType, quint16 major = 2,
                             quint32 snap = 65535)
{
    return ByteWriter(bigEndian)
        .u32(nano ? 0xa1b23c4d : 0xa1b2c3d4)
        .u16(major)
        .u16(4)
        .u32(0)
        .u32(0)
        .u32(snap)
        .u32(linkType)
        .bytes();
}

inline QByteArray pcapRecord(bool bigEndian, quint32 seconds, quint32 fraction, const QByteArray &data,
                             quint32 captured = ~0U)
{
    return ByteWriter(bigEndian)
        .u32(seconds)
        .u32(fraction)
        .u32(captured == ~0U ? static_cast<quint32>(data.size()) : captured)
        .u32(static_cast<quint32>(data.size()))
        .raw(data)
        .bytes();
}

/** The same libpcap file in the other byte order (headers swapped, packet bytes untouched). */
inline QByteArray swapPcap(const QByteArray &pcap)
{
    QByteArray out = pcap;
    const auto swap32 = [&](qsizetype at) {
        qToBigEndian(qFromLittleEndian<quint32>(pcap.constData() + at), out.data() + at);
    };
    const auto swap16 = [&](qsizetype at) {
        qToBigEndian(qFromLittleEndian<quint16>(pcap.constData() + at), out.data() + at);
    };
    swap32(0);
    swap16(4);
    swap16(6);
    for (qsizetype at : {8, 12, 16, 20}) {
        swap32(at);
    }
    qsizetype at = 24;
    while (at + 16 <= pcap.size()) {
        const quint32 captured = qFromLittleEndian<quint32>(pcap.constData() + at + 8);
        for (qsizetype field = 0; field < 16; field += 4) {
            swap32(at + field);
        }
        at += 16 + captured;
    }
    return out;
}

} // namespace d4::test
