// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/pcapframer.h"

#include <QString>
#include <QtEndian>

namespace d4::workers {

namespace {

constexpr quint32 kMagicMicro = 0xa1b2c3d4;
constexpr quint32 kMagicNano = 0xa1b23c4d;

quint32 load32(const char *data, bool swapped)
{
    const quint32 little = qFromLittleEndian<quint32>(data);
    return swapped ? qbswap(little) : little;
}

quint16 load16(const char *data, bool swapped)
{
    const quint16 little = qFromLittleEndian<quint16>(data);
    return swapped ? qbswap(little) : little;
}

} // namespace

quint32 PcapFramer::read32(const char *data) const
{
    return load32(data, m_swapped);
}

bool PcapFramer::parseGlobalHeader()
{
    const char *data = m_pending.constData();
    // The file's byte order is whichever makes the magic read correctly; "swapped" is relative to
    // little-endian, in which we decode.
    const quint32 magic = qFromLittleEndian<quint32>(data);
    if (magic == kMagicMicro || magic == kMagicNano) {
        m_swapped = false;
    } else if (qbswap(magic) == kMagicMicro || qbswap(magic) == kMagicNano) {
        m_swapped = true;
    } else {
        m_error = Error::BadMagic;
        return false;
    }
    m_nanosecond = (m_swapped ? qbswap(magic) : magic) == kMagicNano;
    if (load16(data + 4, m_swapped) != 2) {
        m_error = Error::BadVersion;
        return false;
    }
    m_snapLength = read32(data + 16);
    m_linkType = read32(data + 20);
    m_globalHeader = m_pending.left(kGlobalHeaderSize);
    m_pending.remove(0, kGlobalHeaderSize);
    return true;
}

bool PcapFramer::feed(QByteArrayView bytes, QByteArray &records, int &count)
{
    if (m_error != Error::None) {
        return false;
    }
    m_pending.append(bytes);
    if (m_globalHeader.isEmpty()) {
        if (m_pending.size() < kGlobalHeaderSize) {
            return true;
        }
        if (!parseGlobalHeader()) {
            return false;
        }
    }
    const quint32 limit = qMax(kMaxRecordLength, qMin(m_snapLength, quint32(16u << 20)));
    qsizetype offset = 0;
    while (m_pending.size() - offset >= kRecordHeaderSize) {
        const quint32 captured = read32(m_pending.constData() + offset + 8);
        if (captured > limit) {
            m_error = Error::RecordTooLarge;
            return false;
        }
        const qsizetype total = kRecordHeaderSize + qsizetype(captured);
        if (m_pending.size() - offset < total) {
            break;
        }
        ++count;
        offset += total;
    }
    if (offset > 0) {
        records.append(QByteArrayView(m_pending).first(offset));
        m_pending.remove(0, offset);
    }
    return true;
}

QList<PcapRecord> PcapFramer::decode(QByteArrayView records, bool swapped)
{
    QList<PcapRecord> result;
    qsizetype offset = 0;
    while (records.size() - offset >= kRecordHeaderSize) {
        const char *header = records.data() + offset;
        PcapRecord record;
        record.seconds = load32(header, swapped);
        record.fraction = load32(header + 4, swapped);
        const quint32 captured = load32(header + 8, swapped);
        record.originalLength = load32(header + 12, swapped);
        if (records.size() - offset - kRecordHeaderSize < qsizetype(captured)) {
            break;
        }
        record.data = records.sliced(offset + kRecordHeaderSize, captured).toByteArray();
        result.append(std::move(record));
        offset += kRecordHeaderSize + qsizetype(captured);
    }
    return result;
}

QString PcapFramer::errorText(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::BadMagic:
        return QStringLiteral("not a libpcap stream (unknown magic number)");
    case Error::BadVersion:
        return QStringLiteral("unsupported libpcap major version");
    case Error::RecordTooLarge:
        return QStringLiteral("a record's captured length is larger than any capture allows");
    }
    return {};
}

} // namespace d4::workers
