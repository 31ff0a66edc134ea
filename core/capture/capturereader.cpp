// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/capturereader.h"

#include <QtEndian>

#include "capture/gzipinflater.h"

namespace d4::capture {

namespace {

constexpr quint32 kPcapMicro = 0xa1b2c3d4;
constexpr quint32 kPcapNano = 0xa1b23c4d;
constexpr quint32 kSectionHeader = 0x0A0D0D0A;
constexpr quint32 kByteOrderMagic = 0x1A2B3C4D;
constexpr quint32 kInterfaceBlock = 1;
constexpr quint32 kObsoletePacketBlock = 2;
constexpr quint32 kSimplePacketBlock = 3;
constexpr quint32 kEnhancedPacketBlock = 6;
constexpr qsizetype kPcapHeaderSize = 24;
constexpr qsizetype kPcapRecordHeaderSize = 16;
constexpr quint16 kOptionEnd = 0;
constexpr quint16 kOptionIfName = 2;
constexpr quint16 kOptionIfTsResol = 9;
constexpr quint16 kOptionIfTsOffset = 14;

quint32 pad4(quint32 length)
{
    return (length + 3U) & ~3U;
}

} // namespace

CaptureReader::CaptureReader(PacketCallback callback)
    : m_callback(std::move(callback))
{
}

CaptureReader::~CaptureReader() = default;

QString CaptureReader::formatName(Format format)
{
    switch (format) {
    case Format::Pcap:
        return QStringLiteral("pcap");
    case Format::PcapNg:
        return QStringLiteral("pcapng");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

quint16 CaptureReader::read16(const uchar *p) const
{
    return m_swapped ? qFromBigEndian<quint16>(p) : qFromLittleEndian<quint16>(p);
}

quint32 CaptureReader::read32(const uchar *p) const
{
    return m_swapped ? qFromBigEndian<quint32>(p) : qFromLittleEndian<quint32>(p);
}

bool CaptureReader::fail(CaptureError error)
{
    if (m_error == CaptureError::None) {
        m_error = error;
        ++m_stats.errors[static_cast<int>(error)];
    }
    return false;
}

bool CaptureReader::feed(QByteArrayView bytes)
{
    if (m_error != CaptureError::None || m_finished) {
        return false;
    }
    m_stats.bytesIn += static_cast<quint64>(bytes.size());
    if (!m_detected) {
        m_prefix.append(bytes.data(), bytes.size());
        if (m_prefix.size() < 2) {
            return true;
        }
        m_detected = true;
        m_compressed = static_cast<uchar>(m_prefix[0]) == 0x1f && static_cast<uchar>(m_prefix[1]) == 0x8b;
        bytes = QByteArrayView(m_prefix);
        if (m_compressed) {
            m_inflater = std::make_unique<GzipInflater>();
        }
    }
    bool ok = true;
    if (m_compressed) {
        ok = m_inflater->feed(bytes, [this](QByteArrayView plain) { return feedPlain(plain); });
        if (!ok && m_inflater->isCorrupt()) {
            fail(CaptureError::CorruptCompression);
        }
    } else {
        ok = feedPlain(bytes);
    }
    m_prefix.clear();
    return ok && m_error == CaptureError::None;
}

bool CaptureReader::feedPlain(QByteArrayView bytes)
{
    m_stats.bytesCapture += static_cast<quint64>(bytes.size());
    m_buffer.append(bytes.data(), bytes.size());
    const bool ok = parse();
    if (m_position > 0) {
        m_buffer.remove(0, m_position);
        m_position = 0;
    }
    return ok;
}

bool CaptureReader::parse()
{
    if (m_format == Format::Unknown) {
        if (available() < 4) {
            return true;
        }
        const quint32 magic = qFromLittleEndian<quint32>(cursor());
        if (magic == kPcapMicro || magic == kPcapNano || qbswap(magic) == kPcapMicro ||
            qbswap(magic) == kPcapNano) {
            m_format = Format::Pcap;
        } else if (magic == kSectionHeader) {
            m_format = Format::PcapNg;
        } else {
            return fail(CaptureError::NotACapture);
        }
    }
    for (;;) {
        Step step = Step::NeedMore;
        if (m_format == Format::Pcap) {
            step = m_headerDone ? parsePcapRecord() : parsePcapHeader();
        } else {
            step = parsePcapNgBlock();
        }
        if (step == Step::NeedMore) {
            return true;
        }
        if (step == Step::Failed) {
            return false;
        }
    }
}

CaptureReader::Step CaptureReader::parsePcapHeader()
{
    if (available() < kPcapHeaderSize) {
        return Step::NeedMore;
    }
    const uchar *p = cursor();
    const quint32 magic = qFromLittleEndian<quint32>(p);
    m_swapped = magic != kPcapMicro && magic != kPcapNano;
    m_bigEndian = m_swapped;
    const quint32 ordered = m_swapped ? qbswap(magic) : magic;
    if (read16(p + 4) != 2) {
        fail(CaptureError::UnsupportedVersion);
        return Step::Failed;
    }
    CaptureInterface interface;
    interface.resolutionExponent = ordered == kPcapNano ? 9 : 6;
    interface.snapLength = read32(p + 16);
    interface.linkType = read32(p + 20) & 0xFFFFU; // the upper bits carry FCS information
    m_pcapRecordLimit = qMax(kMaxPcapRecord, qMin(interface.snapLength, kMaxBlockLength));
    m_interfaces = {interface};
    m_headerDone = true;
    m_position += kPcapHeaderSize;
    return Step::Consumed;
}

CaptureReader::Step CaptureReader::parsePcapRecord()
{
    if (available() < kPcapRecordHeaderSize) {
        return Step::NeedMore;
    }
    const uchar *p = cursor();
    const quint32 captured = read32(p + 8);
    if (captured > m_pcapRecordLimit) {
        fail(CaptureError::RecordTooLarge);
        return Step::Failed;
    }
    if (available() < kPcapRecordHeaderSize + static_cast<qsizetype>(captured)) {
        return Step::NeedMore;
    }
    const quint64 seconds = read32(p);
    const quint64 fraction = read32(p + 4);
    const bool nano = m_interfaces.constFirst().resolutionExponent == 9;
    const quint64 ticks = seconds * (nano ? 1000000000ULL : 1000000ULL) + fraction;
    emitPacket(0, ticks, captured, read32(p + 12), p + kPcapRecordHeaderSize);
    m_position += kPcapRecordHeaderSize + captured;
    return Step::Consumed;
}

CaptureReader::Step CaptureReader::parsePcapNgBlock()
{
    if (available() < 8) {
        return Step::NeedMore;
    }
    const uchar *p = cursor();
    const quint32 type = qFromLittleEndian<quint32>(p); // a palindrome for the section header
    if (type == kSectionHeader) {
        if (available() < 12) {
            return Step::NeedMore; // the byte-order magic tells how to read the length
        }
        const quint32 bom = qFromLittleEndian<quint32>(p + 8);
        if (bom == kByteOrderMagic) {
            m_swapped = false;
        } else if (qbswap(bom) == kByteOrderMagic) {
            m_swapped = true;
        } else {
            fail(CaptureError::BadByteOrderMagic);
            return Step::Failed;
        }
    } else if (!m_headerDone) {
        fail(CaptureError::NotACapture);
        return Step::Failed;
    }
    const quint32 length = read32(p + 4);
    if (length < 12 || length % 4 != 0 || (type == kSectionHeader && length < 28)) {
        fail(CaptureError::BadBlockLength);
        return Step::Failed;
    }
    if (length > kMaxBlockLength) {
        fail(CaptureError::BlockTooLarge);
        return Step::Failed;
    }
    if (available() < static_cast<qsizetype>(length)) {
        return Step::NeedMore;
    }
    if (read32(p + length - 4) != length) {
        fail(CaptureError::BadBlockLength);
        return Step::Failed;
    }
    bool ok = true;
    switch (read32(p)) {
    case kSectionHeader:
        ok = parseSectionHeader(p, length);
        break;
    case kInterfaceBlock:
        ok = parseInterface(p, length);
        break;
    case kEnhancedPacketBlock:
    case kSimplePacketBlock:
    case kObsoletePacketBlock:
        ok = parsePacketBlock(read32(p), p, length);
        break;
    default:
        ++m_stats.skippedBlocks;
        break;
    }
    if (!ok) {
        return Step::Failed;
    }
    m_position += length;
    return Step::Consumed;
}

bool CaptureReader::parseSectionHeader(const uchar *block, quint32 length)
{
    Q_UNUSED(length)
    if (read16(block + 12) != 1) {
        return fail(CaptureError::UnsupportedVersion);
    }
    m_bigEndian = m_swapped;
    m_sectionBase = m_interfaces.size();
    m_headerDone = true;
    ++m_stats.sections;
    return true;
}

bool CaptureReader::parseInterface(const uchar *block, quint32 length)
{
    if (length < 20) {
        return fail(CaptureError::BadInterfaceBlock);
    }
    CaptureInterface interface;
    interface.linkType = read16(block + 8);
    interface.snapLength = read32(block + 12);
    // Options: code, length, value padded to 4 bytes. A malformed list ends the options only.
    quint32 offset = 16;
    const quint32 end = length - 4;
    while (offset + 4 <= end) {
        const quint16 code = read16(block + offset);
        const quint16 optionLength = read16(block + offset + 2);
        const uchar *value = block + offset + 4;
        if (code == kOptionEnd || offset + 4 + optionLength > end) {
            break;
        }
        if (code == kOptionIfTsResol && optionLength >= 1) {
            interface.binaryResolution = (value[0] & 0x80) != 0;
            interface.resolutionExponent = value[0] & 0x7f;
        } else if (code == kOptionIfName) {
            interface.name = QString::fromUtf8(reinterpret_cast<const char *>(value), optionLength);
        } else if (code == kOptionIfTsOffset && optionLength == 8) {
            const quint64 raw =
                m_swapped ? qFromBigEndian<quint64>(value) : qFromLittleEndian<quint64>(value);
            interface.offsetSeconds = static_cast<qint64>(raw);
        }
        offset += 4 + pad4(optionLength);
    }
    m_interfaces.append(interface);
    return true;
}

bool CaptureReader::parsePacketBlock(quint32 type, const uchar *block, quint32 length)
{
    // Enhanced and obsolete packet blocks share one layout after the interface id (32 bits in an
    // enhanced block, 16 in an obsolete one): 64-bit time, captured and original lengths, data;
    // 32 bytes of fixed fields with the two lengths around the block. A simple packet block has
    // only the original length (16 bytes in all), belongs to interface 0 and carries no time; its
    // captured length is what the block holds, within the interface's snap length.
    const bool simple = type == kSimplePacketBlock;
    if (length < (simple ? 16U : 32U)) {
        return fail(CaptureError::BadPacketBlock);
    }
    quint32 interfaceId = 0;
    if (!simple) {
        interfaceId = type == kObsoletePacketBlock ? read16(block + 8) : read32(block + 8);
    }
    if (interfaceId >= static_cast<quint64>(m_interfaces.size() - m_sectionBase)) {
        return fail(CaptureError::UnknownInterface);
    }
    if (simple) {
        const quint32 original = read32(block + 8);
        quint32 captured = qMin(original, length - 16);
        const quint32 snap = m_interfaces.at(m_sectionBase).snapLength;
        if (snap != 0) {
            captured = qMin(captured, snap);
        }
        emitPacket(0, 0, captured, original, block + 12, false);
        return true;
    }
    const quint32 captured = read32(block + 20);
    if (captured > length - 32) {
        return fail(CaptureError::BadPacketBlock);
    }
    const quint64 ticks = (static_cast<quint64>(read32(block + 12)) << 32) | read32(block + 16);
    emitPacket(interfaceId, ticks, captured, read32(block + 24), block + 28);
    return true;
}

void CaptureReader::emitPacket(quint32 interfaceId, quint64 ticks, quint32 captured, quint32 original,
                               const uchar *data, bool timed)
{
    const qsizetype index = m_sectionBase + interfaceId;
    CaptureInterface &interface = m_interfaces[index];
    ++interface.packets;
    ++m_stats.packets;
    if (captured < original) {
        ++m_stats.truncatedPackets;
    }
    CapturePacket packet;
    packet.interfaceId = static_cast<quint32>(index);
    packet.linkType = interface.linkType;
    packet.capturedLength = captured;
    packet.originalLength = original;
    packet.data = data;
    packet.hasTimestamp = timed;
    if (m_format == Format::Pcap) {
        // Fast path: the two pcap resolutions without 128-bit arithmetic.
        packet.timestampNs = static_cast<qint64>(interface.resolutionExponent == 9 ? ticks : ticks * 1000ULL);
    } else if (timed) {
        packet.timestampNs = interface.toNanoseconds(ticks);
    }
    if (m_callback) {
        m_callback(packet);
    }
}

bool CaptureReader::finish()
{
    if (m_error != CaptureError::None) {
        return false;
    }
    if (m_finished) {
        return true;
    }
    if (!m_detected && !m_prefix.isEmpty()) {
        // Fewer than two bytes in all: not gzip.
        m_detected = true;
        const QByteArray prefix = m_prefix;
        m_prefix.clear();
        feedPlain(prefix);
    }
    m_finished = true;
    if (m_compressed && m_inflater->isInsideMember()) {
        m_compressionTruncated = true;
    }
    if (m_stats.bytesCapture == 0) {
        return fail(CaptureError::Empty);
    }
    if (!m_headerDone) {
        return fail(CaptureError::TruncatedHeader);
    }
    m_truncatedBytes = static_cast<quint64>(available());
    return true;
}

} // namespace d4::capture
