// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/dnssink.h"

#include "analyzers/passivedns/dnsextractor.h"
#include "capture/packetdecoder.h"

namespace d4::import {

namespace {

constexpr quint16 kDnsPort = 53;
constexpr quint8 kSyn = 0x02;
constexpr quint8 kFin = 0x01;
constexpr quint8 kRst = 0x04;

void appendAddress(QByteArray &key, const capture::IpAddress &address)
{
    if (address.version == 4) {
        key.append(reinterpret_cast<const char *>(&address.v4), sizeof address.v4);
    } else {
        key.append(reinterpret_cast<const char *>(address.v6.data()),
                   static_cast<qsizetype>(address.v6.size()));
    }
}

} // namespace

DnsSink::DnsSink()
    : DnsSink(Options())
{
}

DnsSink::DnsSink(Options options)
    : m_options(options)
    , m_aggregator(options.maxTuples)
    , m_tcp(
          [this](QByteArrayView wire) {
              ++m_stats.tcpMessages;
              message(wire);
          },
          options.maxTcpFlows)
    , m_fragments(options.fragmentLimits)
{
}

void DnsSink::onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded)
{
    using Status = capture::DecodedPacket::Status;
    const bool udp = decoded.protocol == capture::DecodedPacket::kUdp;
    const bool tcp = decoded.protocol == capture::DecodedPacket::kTcp;
    if (decoded.fragmented && (udp || tcp) &&
        (decoded.status == Status::Ok || decoded.status == Status::Fragment ||
         decoded.status == Status::TruncatedTransport)) {
        // Every UDP or TCP fragment, whatever its ports: only the first fragment has them. A first
        // fragment too short for its transport header is given too, so that its drop is counted
        // with its reason.
        ++m_stats.fragments;
        if (tcp) {
            ++m_stats.tcpFragments;
        }
        ipFragment(packet, decoded);
        return;
    }
    if (decoded.status != Status::Ok ||
        (decoded.sourcePort != kDnsPort && decoded.destinationPort != kDnsPort)) {
        return;
    }
    if (!udp && !tcp) {
        return;
    }
    setTime(packet);
    const QByteArrayView payload(packet.data + decoded.payloadOffset, decoded.payloadLength);
    if (udp) {
        ++m_stats.udpMessages;
        message(payload);
        return;
    }
    tcpSegment(decoded, payload, packet.timestampNs, packet.capturedLength < packet.originalLength);
}

void DnsSink::tcpSegment(const capture::DecodedPacket &decoded, QByteArrayView payload, qint64 timestampNs,
                         bool snapTruncated)
{
    QByteArray flow;
    flow.reserve(36);
    appendAddress(flow, decoded.source);
    appendAddress(flow, decoded.destination);
    flow.append(reinterpret_cast<const char *>(&decoded.sourcePort), sizeof decoded.sourcePort);
    flow.append(reinterpret_cast<const char *>(&decoded.destinationPort), sizeof decoded.destinationPort);
    if (snapTruncated) {
        // The segment's tail was not captured: the stream has a hole we cannot measure.
        ++m_stats.snapTruncated;
        m_tcp.drop(flow);
        return;
    }
    m_tcp.segment(flow, decoded.tcpSequence, (decoded.tcpFlags & kSyn) != 0,
                  (decoded.tcpFlags & (kFin | kRst)) != 0, payload, timestampNs);
}

void DnsSink::finish()
{
    m_fragments.flush();
}

void DnsSink::setTime(const capture::CapturePacket &packet)
{
    m_seconds = packet.timestampNs / 1'000'000'000;
    m_micros = static_cast<int>((packet.timestampNs % 1'000'000'000) / 1000);
}

void DnsSink::ipFragment(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded)
{
    const qint64 offset = capture::IpFragmentReassembler::ipOffset(packet.linkType, decoded.vlanTags);
    if (offset < 0 || offset >= packet.capturedLength ||
        (packet.data[offset] >> 4) != decoded.source.version) {
        return; // cannot happen for a packet PacketDecoder decoded as IP
    }
    const QByteArrayView datagram = m_fragments.add(
        packet.data + offset, packet.capturedLength - static_cast<quint32>(offset), packet.timestampNs);
    if (datagram.isEmpty()) {
        return;
    }
    capture::DecodedPacket whole;
    capture::PacketDecoder::decodeIp(reinterpret_cast<const uchar *>(datagram.data()),
                                     static_cast<quint32>(datagram.size()), 0, whole);
    const bool udp = whole.protocol == capture::DecodedPacket::kUdp;
    if (whole.status != capture::DecodedPacket::Status::Ok ||
        (!udp && whole.protocol != capture::DecodedPacket::kTcp) ||
        (whole.sourcePort != kDnsPort && whole.destinationPort != kDnsPort)) {
        return;
    }
    setTime(packet);
    ++m_stats.reassembled;
    const QByteArrayView payload = datagram.sliced(whole.payloadOffset, whole.payloadLength);
    if (udp) {
        ++m_stats.udpMessages;
        message(payload);
        return;
    }
    // The reassembler only completes a datagram whose every fragment was captured whole.
    tcpSegment(whole, payload, packet.timestampNs, false);
}

void DnsSink::message(QByteArrayView wire)
{
    passivedns::DnsExtractor::Options options;
    options.authority = m_options.authority;
    bool decoded = true;
    const QList<passivedns::PdnsRecord> records =
        passivedns::DnsExtractor::extract(wire, m_seconds, m_micros, options, &decoded);
    if (!decoded) {
        ++m_stats.undecodable;
        return;
    }
    if (!records.isEmpty()) {
        ++m_stats.responses;
    }
    for (const passivedns::PdnsRecord &record : records) {
        m_aggregator.add(record);
    }
}

} // namespace d4::import
