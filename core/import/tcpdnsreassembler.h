// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <unordered_map>

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

namespace d4::import {

/**
 * Reassembles DNS-over-TCP messages (RFC 1035 §4.2.2: a two-byte length, then the message) per
 * one-directional TCP flow, in sequence order. Retransmitted bytes are skipped; a gap (lost or
 * uncaptured segment) drops what was buffered and resynchronises at the new segment; a stream
 * picked up in the middle is assumed to start at a message boundary (a wrong guess gives an
 * undecodable message, counted by the caller). Memory is bounded: at most maxFlows flows (the least
 * recently active is evicted) and maxBuffer bytes per flow (a flow above it is dropped).
 *
 * Hand-written: TCP reassembly of a two-byte-framed protocol is a few dozen lines; libraries that
 * reassemble (libnids, Wireshark) are either unmaintained or not usable as a library. Fuzzed
 * (fuzz_dnsextract). Not thread-safe.
 */
class TcpDnsReassembler final
{
public:
    using MessageCallback = std::function<void(QByteArrayView message)>;

    struct Stats
    {
        quint64 segments = 0;
        quint64 messages = 0;
        quint64 retransmitted = 0; ///< segments entirely already seen
        quint64 gaps = 0;          ///< segments after missing bytes (buffer dropped)
        quint64 oversized = 0;     ///< flows dropped for exceeding maxBuffer
        quint64 evicted = 0;       ///< flows evicted for maxFlows
        quint64 emptyMessages = 0; ///< zero-length frames (skipped)
    };

    explicit TcpDnsReassembler(MessageCallback callback, qsizetype maxFlows = 4096,
                               qsizetype maxBuffer = 2 * 65537);

    /**
     * One TCP segment of the flow @p flow (any bytes identifying direction and endpoints).
     * @p syn / @p fin (FIN or RST) as in the header; @p payload the captured segment data.
     */
    void segment(const QByteArray &flow, quint32 sequence, bool syn, bool fin, QByteArrayView payload,
                 qint64 timeNs);
    /** Forgets the flow (a capture gap the caller detected, e.g. a snap-length-truncated segment). */
    void drop(const QByteArray &flow);
    qsizetype flows() const noexcept { return static_cast<qsizetype>(m_flows.size()); }
    const Stats &stats() const noexcept { return m_stats; }

private:
    struct Flow
    {
        QByteArray buffer;
        quint32 next = 0;
        bool synced = false;
        qint64 lastNs = 0;
    };
    struct Hash
    {
        size_t operator()(const QByteArray &key) const noexcept { return qHash(key); }
    };

    void drain(Flow &flow);
    void evictOldest();

    MessageCallback m_callback;
    qsizetype m_maxFlows;
    qsizetype m_maxBuffer;
    std::unordered_map<QByteArray, Flow, Hash> m_flows;
    Stats m_stats;
};

} // namespace d4::import
