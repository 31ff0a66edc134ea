// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/pcapfilter.h"

#include <cstring>
#include <mutex>

#include <QtEndian>

#include <pcap/pcap.h>

namespace d4::forward {

namespace {

constexpr qsizetype kGlobalHeaderSize = 24;
constexpr qsizetype kRecordHeaderSize = 16;
constexpr quint32 kMagicMicroseconds = 0xa1b2c3d4;
constexpr quint32 kMagicNanoseconds = 0xa1b23c4d;
constexpr quint32 kMaximumSnapLength = 262144; ///< libpcap's MAXIMUM_SNAPLEN
/** The link type bits of the global header's network field (the upper ones carry FCS flags). */
constexpr quint32 kLinkTypeMask = 0x03ffffff;

/** What the source stream's global header says about its records. */
struct SourceFormat
{
    bool swapped = false;
    bool nanoseconds = false;
    quint32 linkType = 0;
};

bool readGlobalHeader(QByteArrayView header, SourceFormat &format)
{
    if (header.size() != kGlobalHeaderSize) {
        return false;
    }
    const quint32 magic = qFromLittleEndian<quint32>(header.data());
    const quint32 swappedMagic = qFromBigEndian<quint32>(header.data());
    if (magic == kMagicMicroseconds || magic == kMagicNanoseconds) {
        format.swapped = false;
        format.nanoseconds = magic == kMagicNanoseconds;
    } else if (swappedMagic == kMagicMicroseconds || swappedMagic == kMagicNanoseconds) {
        format.swapped = true;
        format.nanoseconds = swappedMagic == kMagicNanoseconds;
    } else {
        return false;
    }
    const char *network = header.data() + 20;
    format.linkType =
        (format.swapped ? qFromBigEndian<quint32>(network) : qFromLittleEndian<quint32>(network)) &
        kLinkTypeMask;
    return true;
}

quint32 read32(const char *data, bool swapped)
{
    return swapped ? qFromBigEndian<quint32>(data) : qFromLittleEndian<quint32>(data);
}

/** Older libpcap releases had a non-reentrant expression compiler: compile one at a time. */
std::mutex &compileMutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace

struct PcapFilter::Program
{
    bpf_program program{};
    bool compiled = false;

    ~Program()
    {
        if (compiled) {
            pcap_freecode(&program);
        }
    }
};

std::unique_ptr<PcapFilter> PcapFilter::create(const PcapFilterSettings &settings, QString &error)
{
    std::unique_ptr<PcapFilter> filter(new PcapFilter(settings));
    filter->m_program = std::make_unique<Program>();
    const QByteArray expression = settings.expression.trimmed().toUtf8();
    if (expression.isEmpty()) {
        return filter; // every packet matches
    }
    const std::lock_guard lock(compileMutex());
    pcap_t *handle = pcap_open_dead(int(settings.linkType), int(kMaximumSnapLength));
    if (!handle) {
        error = QStringLiteral("libpcap cannot open a handle for link type %1").arg(settings.linkType);
        return nullptr;
    }
    if (pcap_compile(handle, &filter->m_program->program, expression.constData(), 1, PCAP_NETMASK_UNKNOWN) !=
        0) {
        error = QString::fromUtf8(pcap_geterr(handle));
        pcap_close(handle);
        return nullptr;
    }
    filter->m_program->compiled = true;
    pcap_close(handle);
    return filter;
}

PcapFilter::PcapFilter(PcapFilterSettings settings)
    : m_settings(std::move(settings))
{
}

PcapFilter::~PcapFilter() = default;

FilterDecision PcapFilter::apply(QByteArrayView globalHeader, QByteArrayView record) const
{
    FilterDecision decision;
    SourceFormat format;
    if (!readGlobalHeader(globalHeader, format) || record.size() < kRecordHeaderSize) {
        decision.reason = FilterReason::Unparsable;
        return decision;
    }
    const quint32 seconds = read32(record.data(), format.swapped);
    const quint32 fraction = read32(record.data() + 4, format.swapped);
    const quint32 capturedLength = read32(record.data() + 8, format.swapped);
    const quint32 originalLength = read32(record.data() + 12, format.swapped);
    if (qint64(capturedLength) != record.size() - kRecordHeaderSize) {
        decision.reason = FilterReason::Unparsable;
        return decision;
    }
    if (format.linkType != (m_settings.linkType & kLinkTypeMask)) {
        decision.reason = FilterReason::LinkType;
        return decision;
    }
    const quint32 microseconds = format.nanoseconds ? fraction / 1000 : fraction;
    const auto *data = reinterpret_cast<const u_char *>(record.data() + kRecordHeaderSize);
    if (m_program->compiled) {
        pcap_pkthdr header{};
        header.ts.tv_sec = time_t(seconds);
        header.ts.tv_usec = suseconds_t(microseconds);
        header.caplen = capturedLength;
        header.len = originalLength;
        if (pcap_offline_filter(&m_program->program, &header, data) == 0) {
            decision.reason = FilterReason::PcapFilter;
            return decision;
        }
    }
    const quint32 keptLength = (m_settings.snapLength > 0 && m_settings.snapLength < capturedLength)
                                   ? m_settings.snapLength
                                   : capturedLength;
    decision.output.resize(kRecordHeaderSize + qsizetype(keptLength));
    char *out = decision.output.data();
    qToLittleEndian<quint32>(seconds, out);
    qToLittleEndian<quint32>(microseconds, out + 4);
    qToLittleEndian<quint32>(keptLength, out + 8);
    qToLittleEndian<quint32>(originalLength, out + 12);
    if (keptLength > 0) {
        std::memcpy(out + kRecordHeaderSize, data, keptLength);
    }
    return decision;
}

QByteArray PcapFilter::outputGlobalHeader() const
{
    QByteArray header(kGlobalHeaderSize, '\0');
    char *out = header.data();
    qToLittleEndian<quint32>(kMagicMicroseconds, out);
    qToLittleEndian<quint16>(2, out + 4); // version 2.4
    qToLittleEndian<quint16>(4, out + 6);
    // thiszone and sigfigs stay 0
    qToLittleEndian<quint32>(m_settings.snapLength > 0 ? m_settings.snapLength : kMaximumSnapLength,
                             out + 16);
    qToLittleEndian<quint32>(m_settings.linkType, out + 20);
    return header;
}

} // namespace d4::forward
