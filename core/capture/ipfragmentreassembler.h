// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <map>
#include <unordered_map>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>

namespace d4::capture {

/**
 * Reassembles IPv4 (RFC 791) and IPv6 (RFC 8200 §4.5) fragments into whole datagrams, with bounded
 * memory and time, for analyses of captures (the import's DNS path). A datagram is identified by
 * (source, destination, protocol, identification) for IPv4 and (source, destination,
 * identification) for IPv6. The reassembled datagram is a plain IP datagram (IPv4: no fragment
 * fields, total length and checksum recomputed; IPv6: the fragment header removed) that
 * PacketDecoder::decodeIp() decodes like any other.
 *
 * Bounds: at most maxDatagrams datagrams in progress (a new one evicts the oldest), at most
 * maxDatagramBytes bytes per reassembled datagram (65,535: the IP length field), at most
 * maxFragments fragments per datagram, and a datagram still incomplete timeoutNs of capture time
 * after its first fragment is dropped (capture time only moves forward: the latest time seen).
 *
 * Safety: an exact duplicate (bytes already received, identical) is ignored and counted; any other
 * overlap drops the whole datagram (RFC 5722 for IPv6; for IPv4 too, since overlapping fragments
 * with different bytes are an evasion technique and no answer is the right one). Every fragment
 * or datagram that is not delivered is counted under exactly one Drop reason.
 *
 * Hand-written: libpcap does not reassemble, and the libraries that do (libnids, Wireshark's
 * reassemble.c) are unmaintained or not usable as a library. Fuzzed (fuzz_ipfragments). Not
 * thread-safe.
 */
class IpFragmentReassembler final
{
public:
    /** Why a fragment or a datagram in progress was not delivered. */
    enum class Drop : quint8
    {
        Malformed,        ///< fragment: not a fragment, bad header, or a non-last one not a multiple of 8
        Truncated,        ///< fragment not completely captured (snap length): its datagram is dropped too
        Oversized,        ///< datagram: would exceed maxDatagramBytes
        Overlap,          ///< datagram: a fragment overlaps received bytes with different bytes
        Inconsistent,     ///< datagram: two different ends, or data past the announced end
        TooManyFragments, ///< datagram: more than maxFragments fragments
        Evicted,          ///< datagram: the oldest, dropped to make room (maxDatagrams)
        Timeout,          ///< datagram: still incomplete timeoutNs after its first fragment
        Unfinished        ///< datagram: still incomplete at flush() (end of the capture)
    };
    static constexpr int kDropCount = 9;

    struct Limits
    {
        qsizetype maxDatagrams = 1024; ///< worst case 1024 x 64 KiB = 64 MiB
        quint32 maxDatagramBytes = 65535;
        int maxFragments = 128;
        qint64 timeoutNs = 30'000'000'000; ///< as Linux' ipfrag_time
    };

    struct Stats
    {
        quint64 fragments = 0;  ///< fragments given to add()
        quint64 datagrams = 0;  ///< datagrams reassembled
        quint64 duplicates = 0; ///< exact duplicate fragments ignored
        quint64 drops[kDropCount] = {};

        quint64 dropped() const;
    };

    IpFragmentReassembler();
    explicit IpFragmentReassembler(Limits limits);

    /**
     * One fragment: @p ip is the IP datagram as captured (@p length bytes from the IP header on;
     * the link layer's padding may follow), @p timeNs its capture time. Returns the reassembled
     * datagram when this fragment completed one (valid until the next call), else an empty view.
     */
    QByteArrayView add(const uchar *ip, quint32 length, qint64 timeNs);
    /** Drops every datagram in progress (counted as Unfinished): the end of a capture. */
    void flush();
    qsizetype inProgress() const noexcept { return static_cast<qsizetype>(m_datagrams.size()); }
    const Stats &stats() const noexcept { return m_stats; }
    static const char *dropKey(Drop drop);

    /**
     * Offset of the IP header in a frame of @p linkType with @p vlanTags 802.1Q tags, as
     * PacketDecoder reads it; -1 for a link type PacketDecoder does not decode.
     */
    static qint64 ipOffset(quint32 linkType, quint8 vlanTags);

private:
    /** Version, protocol (IPv4), identification, source, destination. */
    using Key = std::array<quint8, 38>;
    struct KeyHash
    {
        size_t operator()(const Key &key) const noexcept;
    };
    struct Piece
    {
        quint32 begin = 0;
        quint32 end = 0;
    };
    struct Datagram
    {
        quint64 serial = 0;
        qint64 startNs = 0;
        QByteArray header;       ///< the unfragmentable part, from the fragment at offset 0
        qsizetype nextField = 0; ///< IPv6: offset in header of the Next Header byte naming 44
        quint8 nextHeader = 0;   ///< IPv6: the fragment header's Next Header
        QByteArray data;         ///< the fragmentable part, as far as received
        std::vector<Piece> pieces;
        quint32 received = 0;
        qint64 total = -1; ///< fragmentable length, known from the last fragment
    };
    struct Fragment
    {
        Key key{};
        quint8 version = 0;
        quint32 headerLength = 0; ///< unfragmentable part (IPv6: up to the fragment header)
        qsizetype nextField = 0;
        quint8 nextHeader = 0;
        bool keyed = false; ///< key filled in (also for a Truncated one)
        quint32 offset = 0;
        bool more = false;
        const uchar *payload = nullptr;
        quint32 payloadLength = 0;
    };
    enum class Parse
    {
        Ok,
        Malformed,
        Truncated
    };

    using Table = std::unordered_map<Key, Datagram, KeyHash>;

    static Parse parse(const uchar *ip, quint32 length, Fragment &out);
    /** True when a datagram of @p fragment's version with these parts fits the limits. */
    bool fits(const Fragment &fragment, quint32 headerLength, qint64 fragmentable) const;
    void drop(Table::iterator it, Drop reason);
    void expire();
    QByteArrayView assemble(const Datagram &datagram, quint8 version);

    Limits m_limits;
    Table m_datagrams;
    std::map<quint64, Key> m_order; ///< datagrams by arrival of their first fragment
    quint64 m_serial = 0;
    qint64 m_nowNs = 0;
    bool m_haveNow = false;
    QByteArray m_output;
    Stats m_stats;
};

} // namespace d4::capture
