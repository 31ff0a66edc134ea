// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardpreviewrunner.h"

#include <atomic>

#include <QDateTime>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QtEndian>

#include "capture/capturefilereader.h"
#include "capture/packetdecoder.h"
#include "forward/linefilter.h"
#include "forward/pcapfilter.h"

namespace d4::ui {

using forward::FilterDecision;
using forward::FilterReason;
using forward::ForwardRule;

namespace {

QByteArray randomKey()
{
    QByteArray key(32, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    return key;
}

QString addressText(const capture::IpAddress &address)
{
    if (address.version == 4) {
        return QHostAddress(address.v4).toString();
    }
    if (address.version == 6) {
        return QHostAddress(address.v6.data()).toString();
    }
    return {};
}

QString endpointText(const capture::IpAddress &address, quint16 port, bool hasPort)
{
    const QString host = addressText(address);
    if (!hasPort) {
        return host;
    }
    return address.version == 6 ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                : QStringLiteral("%1:%2").arg(host).arg(port);
}

QString protocolText(quint8 protocol)
{
    switch (protocol) {
    case capture::DecodedPacket::kTcp:
        return QStringLiteral("TCP");
    case capture::DecodedPacket::kUdp:
        return QStringLiteral("UDP");
    case capture::DecodedPacket::kIcmp:
        return QStringLiteral("ICMP");
    case capture::DecodedPacket::kIcmpV6:
        return QStringLiteral("ICMPv6");
    default:
        return QStringLiteral("IP proto %1").arg(protocol);
    }
}

/** A 24-byte little-endian pcap global header with nanosecond timestamps. */
QByteArray globalHeader(quint32 linkType)
{
    QByteArray header(24, '\0');
    auto *bytes = reinterpret_cast<uchar *>(header.data());
    qToLittleEndian<quint32>(0xa1b23c4d, bytes);
    qToLittleEndian<quint16>(2, bytes + 4);
    qToLittleEndian<quint16>(4, bytes + 6);
    qToLittleEndian<quint32>(262144, bytes + 16);
    qToLittleEndian<quint32>(linkType, bytes + 20);
    return header;
}

/** The packet as a pcap record (16-byte header + data) of globalHeader()'s stream. */
QByteArray record(const capture::CapturePacket &packet)
{
    QByteArray bytes(16, '\0');
    auto *header = reinterpret_cast<uchar *>(bytes.data());
    qToLittleEndian<quint32>(quint32(packet.timestampNs / 1000000000), header);
    qToLittleEndian<quint32>(quint32(packet.timestampNs % 1000000000), header + 4);
    qToLittleEndian<quint32>(packet.capturedLength, header + 8);
    qToLittleEndian<quint32>(packet.originalLength, header + 12);
    bytes.append(reinterpret_cast<const char *>(packet.data), packet.capturedLength);
    return bytes;
}

} // namespace

QByteArrayList ForwardPreviewRunner::splitLines(const QByteArray &text)
{
    QByteArrayList lines;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!line.isEmpty()) {
            lines.append(line);
        }
    }
    return lines;
}

ForwardPreviewResult ForwardPreviewRunner::previewLines(const ForwardRule &rule, const QByteArrayList &lines)
{
    ForwardPreviewResult result;
    forward::LineFilterSettings settings = rule.lines;
    if (settings.clientFields == forward::ClientFieldPolicy::Pseudonymise) {
        settings.pseudonymKey = randomKey();
        result.randomKey = true;
    }
    const forward::LineFilter filter(settings);
    for (const QByteArray &line : lines) {
        const FilterDecision decision = filter.apply(line);
        ForwardPreviewItem item;
        item.input = QString::fromUtf8(line);
        item.reason = decision.reason;
        if (decision.kept()) {
            item.output = QString::fromUtf8(decision.output);
        }
        ++result.totals[int(decision.reason)];
        result.items.append(item);
    }
    return result;
}

ForwardPreviewResult ForwardPreviewRunner::previewCaptureFile(const ForwardRule &rule, const QString &path)
{
    ForwardPreviewResult result;
    QString error;
    const std::unique_ptr<forward::PcapFilter> filter = forward::PcapFilter::create(rule.pcap, error);
    if (!filter) {
        result.error = tr("The rule's pcap filter does not compile: %1").arg(error);
        return result;
    }
    std::atomic_bool stop = false;
    int packets = 0;
    const capture::CaptureSummary summary = capture::CaptureFileReader::read(
        path,
        [&](const capture::CapturePacket &packet) {
            if (stop) {
                return;
            }
            if (packets == kMaxPackets) {
                result.truncated = true;
                stop = true;
                return;
            }
            ++packets;
            ForwardPreviewItem item;
            item.input = packetSummary(packet.timestampNs, packet.linkType, packet.data,
                                       packet.capturedLength, packet.originalLength);
            const FilterDecision decision = filter->apply(globalHeader(packet.linkType), record(packet));
            item.reason = decision.reason;
            if (decision.kept() && decision.output.size() >= 16) {
                // The output is a record of the outgoing stream: little-endian, microseconds.
                const auto *header = reinterpret_cast<const uchar *>(decision.output.constData());
                const qint64 seconds = qFromLittleEndian<quint32>(header);
                const qint64 micros = qFromLittleEndian<quint32>(header + 4);
                const quint32 captured = quint32(decision.output.size() - 16);
                item.output = packetSummary(seconds * 1000000000 + micros * 1000, rule.pcap.linkType,
                                            header + 16, captured, qFromLittleEndian<quint32>(header + 12));
            }
            ++result.totals[int(decision.reason)];
            result.items.append(item);
        },
        {}, &stop);
    if (packets == 0 && summary.error != capture::CaptureError::None) {
        result.error = tr("Cannot read %1 as a capture file.").arg(path);
    }
    return result;
}

QString ForwardPreviewRunner::packetSummary(qint64 timestampNs, quint32 linkType, const uchar *data,
                                            quint32 capturedLength, quint32 originalLength)
{
    capture::PacketDecoder decoder;
    capture::DecodedPacket decoded;
    decoder.decode(linkType, data, capturedLength, decoded);
    const QString time = QDateTime::fromMSecsSinceEpoch(timestampNs / 1000000, Qt::UTC)
                             .toString(QStringLiteral("HH:mm:ss.zzz"));
    QString what;
    if (!decoded.isIp()) {
        what = QString::fromLatin1(capture::PacketDecoder::statusKey(decoded.status));
    } else {
        const bool ports = decoded.hasTransport() && (decoded.protocol == capture::DecodedPacket::kTcp ||
                                                      decoded.protocol == capture::DecodedPacket::kUdp);
        what = QStringLiteral("%1 → %2 %3")
                   .arg(endpointText(decoded.source, decoded.sourcePort, ports),
                        endpointText(decoded.destination, decoded.destinationPort, ports),
                        protocolText(decoded.protocol));
    }
    const QString length = capturedLength == originalLength
                               ? tr("%1 bytes").arg(capturedLength)
                               : tr("%1 of %2 bytes").arg(capturedLength).arg(originalLength);
    return QStringLiteral("%1 %2 %3").arg(time, what, length);
}

} // namespace d4::ui
