// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QList>

#include "capture/captureerror.h"
#include "capture/captureinterface.h"
#include "capture/capturepacket.h"

namespace d4::capture {

class GzipInflater;

/**
 * Incremental capture reader: bytes in any split, packets out through a callback. Reads libpcap
 * files (both byte orders, µs and ns magics) and pcapng (both byte orders, several sections and
 * interfaces, per-interface if_tsresol and if_tsoffset; enhanced, simple and obsolete packet
 * blocks; other blocks skipped), gzip-compressed or not. The format is detected by content.
 *
 * A capture that ends in the middle of a record is not an error: finish() reports the bytes left
 * over as truncatedBytes() (Wireshark's "cut short in the middle of a packet"). A malformed file
 * is: the reader then stops with error() set and ignores further input. Not thread-safe.
 *
 * Why no library: libpcap cannot read from memory in arbitrary splits nor pcapng files whose
 * interfaces differ in link type, and libwiretap is not a stable public API; the two formats are
 * small, fully specified (draft-ietf-opsawg-pcap, draft-ietf-opsawg-pcapng) and fuzzed here.
 */
class CaptureReader final
{
public:
    enum class Format
    {
        Unknown,
        Pcap,
        PcapNg
    };

    /** Counters of what was read; every rejection path has one (errors[]). */
    struct Stats
    {
        quint64 packets = 0;
        quint64 bytesIn = 0;          ///< bytes given to feed(), compressed when gzip
        quint64 bytesCapture = 0;     ///< capture-format bytes (after decompression)
        quint64 sections = 0;         ///< pcapng section header blocks
        quint64 skippedBlocks = 0;    ///< pcapng blocks of other types
        quint64 truncatedPackets = 0; ///< captured length < original length (snap length)
        quint64 errors[13] = {};      ///< per CaptureError, indexed by its value
    };

    using PacketCallback = std::function<void(const CapturePacket &)>;

    static constexpr quint32 kMaxPcapRecord = 262144; ///< libpcap's MAXIMUM_SNAPLEN
    static constexpr quint32 kMaxBlockLength = 16 * 1024 * 1024;

    explicit CaptureReader(PacketCallback callback);
    ~CaptureReader();
    CaptureReader(const CaptureReader &) = delete;
    CaptureReader &operator=(const CaptureReader &) = delete;

    /** Consumes @p bytes; emits every packet they complete. False once the capture was rejected. */
    bool feed(QByteArrayView bytes);
    /**
     * Declares the end of the input. False when the capture was rejected (including Empty and
     * TruncatedHeader); a cut-short last record only sets truncatedBytes().
     */
    bool finish();

    CaptureError error() const noexcept { return m_error; }
    Format format() const noexcept { return m_format; }
    bool isCompressed() const noexcept { return m_compressed; }
    bool isBigEndian() const noexcept { return m_bigEndian; }
    /**
     * Every interface described so far, across pcapng sections (CapturePacket::interfaceId indexes
     * this list); for pcap the single implicit one.
     */
    const QList<CaptureInterface> &interfaces() const noexcept { return m_interfaces; }
    /** Bytes left over in an incomplete final record (after finish()); 0 when the file is whole. */
    quint64 truncatedBytes() const noexcept { return m_truncatedBytes; }
    /** True when a gzip member was cut short. */
    bool isCompressionTruncated() const noexcept { return m_compressionTruncated; }
    const Stats &stats() const noexcept { return m_stats; }
    static QString formatName(Format format);

private:
    bool feedPlain(QByteArrayView bytes);
    enum class Step
    {
        Consumed,
        NeedMore,
        Failed
    };
    bool parse();
    Step parsePcapHeader();
    Step parsePcapRecord();
    Step parsePcapNgBlock();
    bool parseSectionHeader(const uchar *block, quint32 length);
    bool parseInterface(const uchar *block, quint32 length);
    /** An enhanced, simple or obsolete packet block (@p type) of @p length bytes. */
    bool parsePacketBlock(quint32 type, const uchar *block, quint32 length);
    void emitPacket(quint32 interfaceId, quint64 ticks, quint32 captured, quint32 original, const uchar *data,
                    bool timed = true);
    bool fail(CaptureError error);
    quint16 read16(const uchar *p) const;
    quint32 read32(const uchar *p) const;
    qsizetype available() const { return m_buffer.size() - m_position; }
    const uchar *cursor() const { return reinterpret_cast<const uchar *>(m_buffer.constData()) + m_position; }

    PacketCallback m_callback;
    std::unique_ptr<GzipInflater> m_inflater;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    CaptureError m_error = CaptureError::None;
    Format m_format = Format::Unknown;
    bool m_detected = false;
    bool m_compressed = false;
    bool m_headerDone = false;
    bool m_bigEndian = false;
    bool m_swapped = false;
    bool m_finished = false;
    bool m_compressionTruncated = false;
    quint32 m_pcapRecordLimit = kMaxPcapRecord;
    quint64 m_truncatedBytes = 0;
    QByteArray m_prefix; ///< the first bytes, until gzip or not can be told
    QList<CaptureInterface> m_interfaces;
    qsizetype m_sectionBase = 0; ///< index in m_interfaces of the current section's interface 0
    Stats m_stats;
};

} // namespace d4::capture
