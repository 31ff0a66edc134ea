// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/evidencewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>
#include <QtEndian>

#include "analyzers/backscatter/attackrecord.h"
#include "analyzers/backscatter/backscatterexport.h"

namespace d4::analyzers::backscatter {

namespace {

constexpr quint32 kPcapMicroMagic = 0xa1b2c3d4;
constexpr quint32 kPcapNanoMagic = 0xa1b23c4d;
constexpr quint32 kMinimumSnapLength = 262144; // libpcap's MAXIMUM_SNAPLEN
constexpr qint64 kNanosPerSecond = 1000000000LL;
constexpr qint64 kMaxPcapSeconds = 0xFFFFFFFFLL;

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void padTo4(QByteArray &out)
{
    while (out.size() % 4 != 0) {
        out.append('\0');
    }
}

quint32 snapLength(const QList<EvidencePacket> &packets)
{
    quint32 snap = kMinimumSnapLength;
    for (const EvidencePacket &packet : packets) {
        snap = qMax(snap, static_cast<quint32>(packet.data.size()));
    }
    return snap;
}

QByteArray toPcap(const QList<EvidencePacket> &packets)
{
    bool micro = true;
    for (const EvidencePacket &packet : packets) {
        micro = micro && packet.timestampNs % 1000 == 0;
    }
    QByteArray out;
    put32(out, micro ? kPcapMicroMagic : kPcapNanoMagic);
    put16(out, 2);
    put16(out, 4);
    put32(out, 0); // thiszone
    put32(out, 0); // sigfigs
    put32(out, snapLength(packets));
    put32(out, packets.isEmpty() ? 1 : packets.constFirst().linkType);
    for (const EvidencePacket &packet : packets) {
        const qint64 seconds = packet.timestampNs / kNanosPerSecond;
        const qint64 fraction = packet.timestampNs % kNanosPerSecond;
        put32(out, static_cast<quint32>(seconds));
        put32(out, static_cast<quint32>(micro ? fraction / 1000 : fraction));
        put32(out, static_cast<quint32>(packet.data.size()));
        put32(out, qMax(packet.originalLength, static_cast<quint32>(packet.data.size())));
        out.append(packet.data);
    }
    return out;
}

// draft-ietf-opsawg-pcapng: section header, one interface description per link type
// (if_tsresol = 9: nanoseconds), one enhanced packet block per packet.
QByteArray toPcapNg(const QList<EvidencePacket> &packets)
{
    QList<quint32> linkTypes;
    for (const EvidencePacket &packet : packets) {
        if (!linkTypes.contains(packet.linkType)) {
            linkTypes.append(packet.linkType);
        }
    }
    QByteArray out;
    put32(out, 0x0A0D0D0A);
    put32(out, 28);
    put32(out, 0x1A2B3C4D);
    put16(out, 1);
    put16(out, 0);
    put32(out, 0xFFFFFFFF); // section length unknown (-1)
    put32(out, 0xFFFFFFFF);
    put32(out, 28);
    const quint32 snap = snapLength(packets);
    for (quint32 linkType : std::as_const(linkTypes)) {
        put32(out, 1);
        put32(out, 32);
        put16(out, static_cast<quint16>(linkType));
        put16(out, 0);
        put32(out, snap);
        put16(out, 9); // if_tsresol
        put16(out, 1);
        out.append(char(9));
        padTo4(out);
        put32(out, 0); // opt_endofopt
        put32(out, 32);
    }
    for (const EvidencePacket &packet : packets) {
        const auto captured = static_cast<quint32>(packet.data.size());
        const quint32 padded = (captured + 3U) & ~3U;
        const quint32 length = 32 + padded;
        const auto ticks = static_cast<quint64>(qMax<qint64>(0, packet.timestampNs));
        put32(out, 6);
        put32(out, length);
        put32(out, static_cast<quint32>(linkTypes.indexOf(packet.linkType)));
        put32(out, static_cast<quint32>(ticks >> 32));
        put32(out, static_cast<quint32>(ticks & 0xFFFFFFFFULL));
        put32(out, captured);
        put32(out, qMax(packet.originalLength, captured));
        out.append(packet.data);
        padTo4(out);
        put32(out, length);
    }
    return out;
}

} // namespace

bool EvidenceWriter::needsPcapNg(const QList<EvidencePacket> &packets)
{
    for (const EvidencePacket &packet : packets) {
        if (packet.linkType != packets.constFirst().linkType || packet.linkType > 0xFFFF ||
            packet.timestampNs < 0 || packet.timestampNs / kNanosPerSecond > kMaxPcapSeconds) {
            return true;
        }
    }
    return false;
}

QByteArray EvidenceWriter::toCapture(const QList<EvidencePacket> &packets)
{
    return needsPcapNg(packets) ? toPcapNg(packets) : toPcap(packets);
}

QString EvidenceWriter::fileName(const AttackRecord &attack)
{
    // ISO 8601 basic format: no ':' (not allowed in Windows file names).
    QString start = BackscatterExport::isoTime(attack.startNs);
    start.remove(QLatin1Char('-')).remove(QLatin1Char(':'));
    const bool pcapng = needsPcapNg(attack.evidence.packets());
    return BackscatterExport::ipv4Text(attack.victim) + QLatin1Char('-') +
           BackscatterExport::protocolName(attack.protocol).toLower() + QLatin1Char('-') + start +
           (pcapng ? QStringLiteral(".pcapng") : QStringLiteral(".pcap"));
}

QString EvidenceWriter::unavailableReason(const AttackRecord &attack)
{
    const AttackEvidence &evidence = attack.evidence;
    if (!evidence.isEmpty()) {
        return {};
    }
    if (evidence.releaseReason() == AttackEvidence::Release::BelowThresholds) {
        return QCoreApplication::translate("d4::backscatter",
                                           "its packets were released when it ended below the thresholds "
                                           "then in force");
    }
    if (evidence.releaseReason() == AttackEvidence::Release::ForNewerAttacks) {
        return QCoreApplication::translate("d4::backscatter",
                                           "its packets gave way to newer attacks when the memory budget for "
                                           "evidence was spent");
    }
    if (evidence.refused() > 0) {
        return QCoreApplication::translate("d4::backscatter",
                                           "the memory budget for evidence was spent when its packets came");
    }
    return QCoreApplication::translate("d4::backscatter",
                                       "no packets were kept for it (evidence capture off, or the attack "
                                       "was not analysed by this console)");
}

bool EvidenceWriter::write(const AttackRecord &attack, const QString &path, QString &error)
{
    const QString reason = unavailableReason(attack);
    if (!reason.isEmpty()) {
        error = QCoreApplication::translate("d4::backscatter", "No evidence for %1 %2: %3")
                    .arg(BackscatterExport::ipv4Text(attack.victim),
                         BackscatterExport::protocolName(attack.protocol), reason);
        return false;
    }
    const QByteArray bytes = toCapture(attack.evidence.packets());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = QCoreApplication::translate("d4::backscatter", "Cannot write %1: %2")
                    .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace d4::analyzers::backscatter
