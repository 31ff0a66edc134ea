// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace d4::sensor {

/**
 * Follows a libpcap byte stream (`tcpdump -w -`) as d4-sensor sends it, so that a new
 * connection can open with what makes it a valid capture of its own: the 24-byte global header
 * and the bytes already sent of the record in progress (see PcapResumePreamble).
 *
 * Hand-written rather than libpcap or workers::PcapFramer: it does not parse packets, it only
 * follows record lengths (incl_len of each 16-byte record header, in the byte order given by the
 * magic), and it must not copy the stream (d4-sensor moves about 1 GB/s): complete records are
 * skipped in place, only the record still unfinished at the end of what was fed is kept.
 * libpcap cannot be fed a stream piecewise, and PcapFramer copies every byte it is given.
 *
 * The stream is libpcap when it starts with one of the magics a1b2c3d4 (microseconds) or
 * a1b23c4d (nanoseconds), in either byte order. Anything else (pcapng, text) is NotPcap and
 * never followed. A record whose incl_len exceeds maxRecordLength() (the server's own rule,
 * workers::PcapFramer: 262144, or the header's snap length up to 16 MiB when that is larger)
 * means the stream is not libpcap any more (or never was): tracking stops for good
 * (RecordTooLarge), since no later record boundary can be trusted.
 *
 * Memory: the global header plus at most one record (16 + maxRecordLength() bytes).
 * Copyable (a copy is a snapshot to feed further); not thread-safe.
 */
class PcapStreamTracker final
{
public:
    enum class State
    {
        Detecting,     ///< fewer than 4 bytes seen: the magic is not known yet
        Tracking,      ///< a libpcap stream, followed record by record
        NotPcap,       ///< the stream does not start with a libpcap magic: never followed
        RecordTooLarge ///< a record longer than maxRecordLength(): tracking stopped for good
    };

    static constexpr std::size_t kGlobalHeaderSize = 24;
    static constexpr std::size_t kRecordHeaderSize = 16;
    /** incl_len accepted whatever the header says: libpcap's MAXIMUM_SNAPLEN, as the server. */
    static constexpr std::uint32_t kMaxRecordLength = 262144;
    /** A header's snap length raises the bound up to this, as the server. */
    static constexpr std::uint32_t kSnapLengthCap = 16u << 20;

    /** Follows the next @p bytes of the stream. Does nothing once NotPcap or RecordTooLarge. */
    void feed(std::span<const std::uint8_t> bytes);

    State state() const noexcept { return m_state; }

    /**
     * What a new session must send before the stream's next byte (the one after everything fed)
     * to be a libpcap stream of its own: while Tracking, the global header (the part fed so far
     * when it is not complete) followed by the unfinished record's bytes (none at a record
     * boundary). Empty in every other state: the stream is then continued as it is.
     */
    std::vector<std::uint8_t> resumePrefix() const;

    /** The largest incl_len followed: kMaxRecordLength until the global header is complete. */
    std::uint32_t maxRecordLength() const noexcept { return m_maxRecordLength; }
    /** Bytes fed so far; after RecordTooLarge, the end of the header that stopped tracking. */
    std::uint64_t position() const noexcept { return m_position; }
    /** With RecordTooLarge: the incl_len that stopped tracking, and where its record started. */
    std::uint32_t rejectedLength() const noexcept { return m_rejectedLength; }
    std::uint64_t rejectedRecordOffset() const noexcept { return m_rejectedOffset; }
    /** Bytes of the unfinished record held (for tests of the memory bound). */
    std::size_t heldRecordBytes() const noexcept { return m_record.size(); }

private:
    void feedGlobalHeader(std::span<const std::uint8_t> &bytes);
    /** No record held: skips the complete records of @p bytes in place, keeps the unfinished one. */
    void skipRecords(std::span<const std::uint8_t> &bytes);
    /** A record held: adds to it from @p bytes until it is complete. */
    void continueRecord(std::span<const std::uint8_t> &bytes);
    /** Checks the incl_len of the record header at @p header; false (and stops) when too large. */
    bool acceptRecordHeader(const std::uint8_t *header, std::uint64_t recordOffset);
    std::uint32_t read32(const std::uint8_t *data) const noexcept;

    State m_state = State::Detecting;
    std::array<std::uint8_t, kGlobalHeaderSize> m_globalHeader{};
    std::size_t m_globalHeaderBytes = 0;
    bool m_bigEndian = false;
    std::uint32_t m_maxRecordLength = kMaxRecordLength;
    std::vector<std::uint8_t> m_record; ///< the unfinished record: its header bytes, then data
    std::size_t m_recordSize = 0;       ///< 16 + incl_len once m_record holds the whole header
    std::uint32_t m_lastLength = 0;     ///< incl_len of the header acceptRecordHeader() last read
    std::uint64_t m_position = 0;
    std::uint32_t m_rejectedLength = 0;
    std::uint64_t m_rejectedOffset = 0;
};

} // namespace d4::sensor
