// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>

namespace d4::workers {

/** One packet of a libpcap file, decoded (timestamps in the file's resolution). */
struct PcapRecord
{
    quint32 seconds = 0;
    quint32 fraction = 0; ///< microseconds, or nanoseconds when the file says so
    quint32 originalLength = 0;
    QByteArray data; ///< the captured bytes
};

/**
 * Splits a libpcap byte stream (spec §4.2: the sensor sends one continuous `tcpdump -w -` stream)
 * into its 24-byte global header and complete records, without copying or re-encoding them.
 * Accepts both byte orders with the microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magics and
 * major version 2. Rejects anything else, and any record whose captured length exceeds
 * kMaxRecordLength or the header's snap length (when that is larger), as an unreadable file.
 * After a rejection every further feed() fails. Not thread-safe.
 */
class PcapFramer final
{
public:
    enum class Error
    {
        None,
        BadMagic,
        BadVersion,
        RecordTooLarge
    };

    static constexpr qsizetype kGlobalHeaderSize = 24;
    static constexpr qsizetype kRecordHeaderSize = 16;
    static constexpr quint32 kMaxRecordLength = 262144; ///< libpcap's MAXIMUM_SNAPLEN

    /**
     * Appends @p bytes, then appends every record completed so far, header and data in the file's
     * byte order, to @p records and adds their number to @p count. Returns false on a rejection.
     */
    bool feed(QByteArrayView bytes, QByteArray &records, int &count);

    Error error() const noexcept { return m_error; }
    bool hasGlobalHeader() const noexcept { return !m_globalHeader.isEmpty(); }
    /** The 24 bytes as received; written at the start of every output file. */
    const QByteArray &globalHeader() const noexcept { return m_globalHeader; }
    bool isNanosecond() const noexcept { return m_nanosecond; }
    bool isSwapped() const noexcept { return m_swapped; }
    quint32 linkType() const noexcept { return m_linkType; }
    /** The global header plus the unfinished record: feeding it to a new framer restores this one. */
    QByteArray state() const { return m_globalHeader + m_pending; }

    /** Decodes complete records as returned by feed(), in the byte order @p swapped. */
    static QList<PcapRecord> decode(QByteArrayView records, bool swapped);
    static QString errorText(Error error);

private:
    bool parseGlobalHeader();
    quint32 read32(const char *data) const;

    Error m_error = Error::None;
    QByteArray m_globalHeader;
    QByteArray m_pending;
    bool m_swapped = false;
    bool m_nanosecond = false;
    quint32 m_snapLength = 0;
    quint32 m_linkType = 0;
};

} // namespace d4::workers
