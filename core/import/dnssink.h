// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "capture/ipfragmentreassembler.h"
#include "capture/packetsink.h"
#include "import/dnsaggregator.h"
#include "import/tcpdnsreassembler.h"

namespace d4::import {

/**
 * The passive DNS analysis of a capture: DNS messages on port 53 (either side) over UDP and TCP,
 * IPv4 and IPv6, go through passivedns::DnsExtractor (ldns) and the records are aggregated per
 * (rrname, rrtype, rdata) with first/last/count on capture time. TCP messages are reassembled per
 * flow (TcpDnsReassembler, bounded memory); UDP datagrams and TCP segments carried in IPv4 or IPv6
 * fragments are reassembled first (capture::IpFragmentReassembler, bounded memory and capture time). Unlike
 * passivedns, a response does not need its query in the capture, and the authority section is
 * included. Not thread-safe (one pipeline).
 */
class DnsSink final : public capture::PacketSink
{
public:
    struct Stats
    {
        quint64 udpMessages = 0;
        quint64 tcpMessages = 0;
        quint64 responses = 0;     ///< messages that gave at least one record
        quint64 undecodable = 0;   ///< messages ldns could not decode
        quint64 fragments = 0;     ///< UDP and TCP IP fragments seen (any port: only the first has them)
        quint64 reassembled = 0;   ///< UDP datagrams and TCP segments of DNS rebuilt from fragments
        quint64 tcpFragments = 0;  ///< of the fragments, those carrying TCP
        quint64 snapTruncated = 0; ///< TCP segments cut by the snap length (flow resynchronised)
    };

    struct Options
    {
        bool authority = true;
        qsizetype maxTuples = 4'000'000;
        qsizetype maxTcpFlows = 4096;
        capture::IpFragmentReassembler::Limits fragmentLimits;
    };

    DnsSink();
    explicit DnsSink(Options options);

    void onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded) override;
    /** The end of the capture: fragments still waiting for the rest are dropped (counted). */
    void finish();

    const DnsAggregator &aggregator() const noexcept { return m_aggregator; }
    const Stats &stats() const noexcept { return m_stats; }
    const TcpDnsReassembler::Stats &tcpStats() const noexcept { return m_tcp.stats(); }
    const capture::IpFragmentReassembler::Stats &fragmentStats() const noexcept
    {
        return m_fragments.stats();
    }

private:
    void setTime(const capture::CapturePacket &packet);
    /** Adds a UDP or TCP fragment; a rebuilt DNS datagram or segment goes on as if captured whole. */
    void ipFragment(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded);
    /** Hands a TCP segment to or from port 53 to its flow's reassembler. */
    void tcpSegment(const capture::DecodedPacket &decoded, QByteArrayView payload, qint64 timestampNs,
                    bool snapTruncated);
    void message(QByteArrayView wire);

    Options m_options;
    DnsAggregator m_aggregator;
    TcpDnsReassembler m_tcp;
    capture::IpFragmentReassembler m_fragments;
    Stats m_stats;
    qint64 m_seconds = 0;
    int m_micros = 0;
};

} // namespace d4::import
