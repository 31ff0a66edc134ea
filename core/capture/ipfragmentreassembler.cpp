// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/ipfragmentreassembler.h"

#include <cstring>

#include <QHashFunctions>
#include <QtEndian>

namespace d4::capture {

namespace {

constexpr quint8 kIpv6Fragment = 44;
constexpr quint16 kMoreFragments = 0x2000;
constexpr quint16 kDontFragment = 0x4000;
constexpr int kMaxIpv6Extensions = 16;

quint16 be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

/** The one's complement sum of an IPv4 header (RFC 1071) with its checksum field zeroed. */
quint16 headerChecksum(const QByteArray &header)
{
    quint32 sum = 0;
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    for (qsizetype i = 0; i + 1 < header.size(); i += 2) {
        sum += be16(bytes + i);
    }
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return static_cast<quint16>(~sum);
}

} // namespace

quint64 IpFragmentReassembler::Stats::dropped() const
{
    quint64 sum = 0;
    for (quint64 count : drops) {
        sum += count;
    }
    return sum;
}

size_t IpFragmentReassembler::KeyHash::operator()(const Key &key) const noexcept
{
    return qHashBits(key.data(), key.size());
}

IpFragmentReassembler::IpFragmentReassembler()
    : IpFragmentReassembler(Limits())
{
}

IpFragmentReassembler::IpFragmentReassembler(Limits limits)
    : m_limits(limits)
{
}

const char *IpFragmentReassembler::dropKey(Drop drop)
{
    switch (drop) {
    case Drop::Malformed:
        return "malformed";
    case Drop::Truncated:
        return "truncated";
    case Drop::Oversized:
        return "oversized";
    case Drop::Overlap:
        return "overlap";
    case Drop::Inconsistent:
        return "inconsistent";
    case Drop::TooManyFragments:
        return "too_many_fragments";
    case Drop::Evicted:
        return "evicted";
    case Drop::Timeout:
        return "timeout";
    case Drop::Unfinished:
        return "unfinished";
    }
    return "unknown";
}

qint64 IpFragmentReassembler::ipOffset(quint32 linkType, quint8 vlanTags)
{
    switch (linkType) {
    case 1:
        return 14 + 4 * qint64(vlanTags);
    case 113:
        return 16;
    case 276:
        return 20;
    case 101:
    case 12:
    case 14:
    case 228:
    case 229:
        return 0;
    case 0:
    case 108:
        return 4;
    default:
        return -1;
    }
}

IpFragmentReassembler::Parse IpFragmentReassembler::parse(const uchar *ip, quint32 length, Fragment &out)
{
    if (length < 1) {
        return Parse::Malformed;
    }
    out.version = ip[0] >> 4;
    out.key[0] = out.version;
    if (out.version == 4) {
        if (length < 20) {
            return Parse::Malformed;
        }
        const quint32 headerLength = (ip[0] & 0x0FU) * 4U;
        const quint32 total = be16(ip + 2);
        const quint16 fragment = be16(ip + 6);
        if (headerLength < 20 || total < headerLength) {
            return Parse::Malformed;
        }
        out.more = (fragment & kMoreFragments) != 0;
        out.offset = (fragment & 0x1FFFU) * 8U;
        if (!out.more && out.offset == 0) {
            return Parse::Malformed; // not a fragment
        }
        out.key[1] = ip[9];
        std::memcpy(out.key.data() + 4, ip + 4, 2);
        std::memcpy(out.key.data() + 6, ip + 12, 4);
        std::memcpy(out.key.data() + 22, ip + 16, 4);
        out.keyed = true;
        if (total > length) {
            return Parse::Truncated;
        }
        out.headerLength = headerLength;
        out.payload = ip + headerLength;
        out.payloadLength = total - headerLength;
        return Parse::Ok;
    }
    if (out.version != 6 || length < 40) {
        return Parse::Malformed;
    }
    const quint32 payloadLength = be16(ip + 4);
    if (payloadLength == 0) {
        return Parse::Malformed; // a jumbogram cannot be fragmented
    }
    const quint32 end = 40 + payloadLength;
    const quint32 available = qMin(end, length);
    quint8 next = ip[6];
    qsizetype nextField = 6;
    quint32 offset = 40;
    for (int i = 0; i < kMaxIpv6Extensions && next != kIpv6Fragment; ++i) {
        // Only these may come before the fragment header (RFC 8200 §4.1).
        if (next != 0 && next != 43 && next != 60) {
            return Parse::Malformed;
        }
        if (offset + 2 > available) {
            return available < end ? Parse::Truncated : Parse::Malformed;
        }
        nextField = offset;
        next = ip[offset];
        offset += (static_cast<quint32>(ip[offset + 1]) + 1) * 8;
    }
    if (next != kIpv6Fragment) {
        return Parse::Malformed;
    }
    if (offset + 8 > available) {
        return available < end ? Parse::Truncated : Parse::Malformed;
    }
    const uchar *header = ip + offset;
    out.nextField = nextField;
    out.nextHeader = header[0];
    const quint16 fragment = be16(header + 2);
    out.offset = fragment & 0xFFF8U;
    out.more = (fragment & 1U) != 0;
    std::memcpy(out.key.data() + 2, header + 4, 4);
    std::memcpy(out.key.data() + 6, ip + 8, 16);
    std::memcpy(out.key.data() + 22, ip + 24, 16);
    out.keyed = true;
    if (end > length) {
        return Parse::Truncated;
    }
    out.headerLength = offset;
    out.payload = header + 8;
    out.payloadLength = end - offset - 8;
    return Parse::Ok;
}

void IpFragmentReassembler::drop(Table::iterator it, Drop reason)
{
    ++m_stats.drops[static_cast<int>(reason)];
    m_order.erase(it->second.serial);
    m_datagrams.erase(it);
}

void IpFragmentReassembler::expire()
{
    while (!m_order.empty()) {
        const auto it = m_datagrams.find(m_order.begin()->second);
        if (m_nowNs - it->second.startNs <= m_limits.timeoutNs) {
            return;
        }
        drop(it, Drop::Timeout);
    }
}

void IpFragmentReassembler::flush()
{
    m_stats.drops[static_cast<int>(Drop::Unfinished)] += m_datagrams.size();
    m_datagrams.clear();
    m_order.clear();
}

bool IpFragmentReassembler::fits(const Fragment &fragment, quint32 headerLength, qint64 fragmentable) const
{
    // IPv4 counts its header in the 16-bit total length; IPv6 counts what follows its fixed header.
    const qint64 size =
        fragment.version == 4 ? headerLength + fragmentable : headerLength - 40 + fragmentable;
    return size <= qMin<qint64>(m_limits.maxDatagramBytes, 65535);
}

QByteArrayView IpFragmentReassembler::assemble(const Datagram &datagram, quint8 version)
{
    const auto total = static_cast<qsizetype>(datagram.total);
    m_output.resize(datagram.header.size() + total);
    char *out = m_output.data();
    std::memcpy(out, datagram.header.constData(), static_cast<size_t>(datagram.header.size()));
    if (total > 0) {
        std::memcpy(out + datagram.header.size(), datagram.data.constData(), static_cast<size_t>(total));
    }
    auto *bytes = reinterpret_cast<uchar *>(out);
    if (version == 4) {
        qToBigEndian<quint16>(static_cast<quint16>(m_output.size()), bytes + 2);
        qToBigEndian<quint16>(static_cast<quint16>(be16(bytes + 6) & kDontFragment), bytes + 6);
        qToBigEndian<quint16>(0, bytes + 10);
        qToBigEndian<quint16>(headerChecksum(QByteArray::fromRawData(out, datagram.header.size())),
                              bytes + 10);
    } else {
        bytes[datagram.nextField] = datagram.nextHeader;
        qToBigEndian<quint16>(static_cast<quint16>(m_output.size() - 40), bytes + 4);
    }
    ++m_stats.datagrams;
    return QByteArrayView(m_output);
}

QByteArrayView IpFragmentReassembler::add(const uchar *ip, quint32 length, qint64 timeNs)
{
    ++m_stats.fragments;
    if (!m_haveNow || timeNs > m_nowNs) {
        m_nowNs = timeNs;
        m_haveNow = true;
    }
    expire();

    Fragment fragment;
    const Parse parsed = parse(ip, length, fragment);
    if (parsed == Parse::Malformed) {
        ++m_stats.drops[static_cast<int>(Drop::Malformed)];
        return {};
    }
    auto it = fragment.keyed ? m_datagrams.find(fragment.key) : m_datagrams.end();
    if (parsed == Parse::Truncated) {
        // The missing bytes can never be filled in: the datagram cannot complete.
        if (it != m_datagrams.end()) {
            drop(it, Drop::Truncated);
        } else {
            ++m_stats.drops[static_cast<int>(Drop::Truncated)];
        }
        return {};
    }
    if (fragment.more && (fragment.payloadLength == 0 || fragment.payloadLength % 8 != 0)) {
        ++m_stats.drops[static_cast<int>(Drop::Malformed)];
        return {};
    }
    const quint32 end = fragment.offset + fragment.payloadLength;
    if (!fits(fragment, fragment.headerLength, end)) {
        if (it != m_datagrams.end()) {
            drop(it, Drop::Oversized);
        } else {
            ++m_stats.drops[static_cast<int>(Drop::Oversized)];
        }
        return {};
    }

    if (it == m_datagrams.end()) {
        if (fragment.offset == 0 && !fragment.more) {
            // An IPv6 atomic fragment: a whole datagram, handled in isolation (RFC 6946).
            Datagram single;
            single.header = QByteArray(reinterpret_cast<const char *>(ip), fragment.headerLength);
            single.nextField = fragment.nextField;
            single.nextHeader = fragment.nextHeader;
            single.data = QByteArray::fromRawData(reinterpret_cast<const char *>(fragment.payload),
                                                  fragment.payloadLength);
            single.total = fragment.payloadLength;
            return assemble(single, fragment.version);
        }
        if (m_limits.maxDatagrams <= 0) {
            ++m_stats.drops[static_cast<int>(Drop::Evicted)];
            return {};
        }
        while (static_cast<qsizetype>(m_datagrams.size()) >= m_limits.maxDatagrams) {
            drop(m_datagrams.find(m_order.begin()->second), Drop::Evicted);
        }
        Datagram datagram;
        datagram.serial = ++m_serial;
        datagram.startNs = m_nowNs;
        it = m_datagrams.emplace(fragment.key, std::move(datagram)).first;
        m_order.emplace(it->second.serial, fragment.key);
    }
    Datagram &datagram = it->second;

    // Where the datagram ends must agree between all fragments.
    if (!fragment.more) {
        bool consistent = datagram.total < 0 || datagram.total == end;
        for (const Piece &piece : datagram.pieces) {
            consistent = consistent && piece.end <= end;
        }
        if (!consistent) {
            drop(it, Drop::Inconsistent);
            return {};
        }
    } else if (datagram.total >= 0 && end > datagram.total) {
        drop(it, Drop::Inconsistent);
        return {};
    }

    // Bytes already received: identical ones are a duplicate, anything else drops the datagram.
    quint32 covered = 0;
    for (const Piece &piece : datagram.pieces) {
        const quint32 begin = qMax(piece.begin, fragment.offset);
        const quint32 stop = qMin(piece.end, end);
        if (begin < stop) {
            covered += stop - begin;
        }
    }
    if (covered > 0) {
        const bool same =
            covered == fragment.payloadLength && std::memcmp(datagram.data.constData() + fragment.offset,
                                                             fragment.payload, fragment.payloadLength) == 0;
        if (same) {
            ++m_stats.duplicates;
            return {};
        }
        drop(it, Drop::Overlap);
        return {};
    }
    if (static_cast<int>(datagram.pieces.size()) >= m_limits.maxFragments) {
        drop(it, Drop::TooManyFragments);
        return {};
    }
    if (fragment.offset == 0) {
        if (!fits(fragment, fragment.headerLength, qMax<qint64>(datagram.total, end))) {
            drop(it, Drop::Oversized);
            return {};
        }
        datagram.header = QByteArray(reinterpret_cast<const char *>(ip), fragment.headerLength);
        datagram.nextField = fragment.nextField;
        datagram.nextHeader = fragment.nextHeader;
    }
    if (!fragment.more) {
        datagram.total = end;
        if (!datagram.header.isEmpty() &&
            !fits(fragment, static_cast<quint32>(datagram.header.size()), end)) {
            drop(it, Drop::Oversized);
            return {};
        }
    }
    if (datagram.data.size() < static_cast<qsizetype>(end)) {
        datagram.data.resize(end);
    }
    if (fragment.payloadLength > 0) {
        std::memcpy(datagram.data.data() + fragment.offset, fragment.payload, fragment.payloadLength);
    }
    datagram.pieces.push_back({fragment.offset, end});
    datagram.received += fragment.payloadLength;
    if (datagram.total < 0 || datagram.received != datagram.total || datagram.header.isEmpty()) {
        return {};
    }
    const QByteArrayView whole = assemble(datagram, fragment.version);
    m_order.erase(datagram.serial);
    m_datagrams.erase(it);
    return whole;
}

} // namespace d4::capture
