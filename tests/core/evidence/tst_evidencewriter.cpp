// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// EvidenceWriter: the pcap bytes (header fields, microsecond or nanosecond magic), the pcapng
// fallback for several link types or times beyond pcap's range, re-read with the capture reader;
// file names and the refusal without evidence.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "analyzers/backscatter/attackrecord.h"
#include "analyzers/backscatter/evidencewriter.h"
#include "capture/capturepacket.h"
#include "capture/capturereader.h"

using namespace d4::analyzers::backscatter;
using d4::capture::CapturePacket;
using d4::capture::CaptureReader;

namespace {

EvidencePacket packet(qint64 timestampNs, quint32 linkType, const QByteArray &data, quint32 original = 0)
{
    return {timestampNs, linkType, original == 0 ? static_cast<quint32>(data.size()) : original, data};
}

struct ReadBack
{
    bool ok = false;
    CaptureReader::Format format = CaptureReader::Format::Unknown;
    QList<EvidencePacket> packets;
    QList<quint32> interfaceLinkTypes;
};

ReadBack readBack(const QByteArray &bytes)
{
    ReadBack result;
    CaptureReader reader([&result](const CapturePacket &p) {
        result.packets.append(
            {p.timestampNs, p.linkType, p.originalLength,
             QByteArray(reinterpret_cast<const char *>(p.data), static_cast<qsizetype>(p.capturedLength))});
    });
    result.ok = reader.feed(bytes) && reader.finish() && reader.truncatedBytes() == 0;
    result.format = reader.format();
    for (const auto &interface : reader.interfaces()) {
        result.interfaceLinkTypes.append(interface.linkType);
    }
    return result;
}

AttackRecord attackWith(const QList<EvidencePacket> &packets)
{
    AttackRecord attack;
    attack.victim = 0xC6336414; // 198.51.100.20
    attack.protocol = 17;
    attack.startNs = 1700000002200000000LL;
    for (const EvidencePacket &p : packets) {
        CapturePacket captured;
        captured.timestampNs = p.timestampNs;
        captured.linkType = p.linkType;
        captured.originalLength = p.originalLength;
        captured.capturedLength = static_cast<quint32>(p.data.size());
        captured.data = reinterpret_cast<const uchar *>(p.data.constData());
        attack.evidence.add(captured, p.timestampNs, EvidenceLimits{10, 10}, 1 << 20);
    }
    return attack;
}

} // namespace

class TestEvidenceWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void microsecondPcap()
    {
        const QList<EvidencePacket> packets{packet(1700000000123456000LL, 113, QByteArray(60, 'a'), 80),
                                            packet(1700000001000001000LL, 113, QByteArray(44, 'b'))};
        QVERIFY(!EvidenceWriter::needsPcapNg(packets));
        const QByteArray bytes = EvidenceWriter::toCapture(packets);
        QCOMPARE(bytes.size(), 24 + 16 + 60 + 16 + 44);
        const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
        QCOMPARE(qFromLittleEndian<quint32>(p), 0xa1b2c3d4U);
        QCOMPARE(qFromLittleEndian<quint16>(p + 4), quint16(2));
        QCOMPARE(qFromLittleEndian<quint16>(p + 6), quint16(4));
        QCOMPARE(qFromLittleEndian<quint32>(p + 16), 262144U);
        QCOMPARE(qFromLittleEndian<quint32>(p + 20), 113U);
        QCOMPARE(qFromLittleEndian<quint32>(p + 24), 1700000000U);
        QCOMPARE(qFromLittleEndian<quint32>(p + 28), 123456U);
        QCOMPARE(qFromLittleEndian<quint32>(p + 32), 60U);
        QCOMPARE(qFromLittleEndian<quint32>(p + 36), 80U);
        const ReadBack read = readBack(bytes);
        QVERIFY(read.ok);
        QCOMPARE(read.format, CaptureReader::Format::Pcap);
        QCOMPARE(read.packets, packets);
    }

    void nanosecondTimesGetTheNanosecondMagic()
    {
        const QList<EvidencePacket> packets{packet(1418145369924505488LL, 1, QByteArray(54, 'x'))};
        const QByteArray bytes = EvidenceWriter::toCapture(packets);
        QCOMPARE(qFromLittleEndian<quint32>(bytes.constData()), 0xa1b23c4dU);
        const ReadBack read = readBack(bytes);
        QVERIFY(read.ok);
        QCOMPARE(read.packets, packets);
    }

    // Packets from sensors of different link types: one pcapng interface per link type.
    void severalLinkTypesMakeAPcapNg()
    {
        const QList<EvidencePacket> packets{packet(1700000000000000001LL, 1, QByteArray(61, 'e')),
                                            packet(1700000000500000000LL, 113, QByteArray(62, 's')),
                                            packet(1700000001000000000LL, 1, QByteArray(63, 'f'), 1514)};
        QVERIFY(EvidenceWriter::needsPcapNg(packets));
        const ReadBack read = readBack(EvidenceWriter::toCapture(packets));
        QVERIFY(read.ok);
        QCOMPARE(read.format, CaptureReader::Format::PcapNg);
        QCOMPARE(read.interfaceLinkTypes, (QList<quint32>{1, 113}));
        QCOMPARE(read.packets, packets);
        const AttackRecord attack = attackWith(packets);
        QCOMPARE(EvidenceWriter::fileName(attack),
                 QStringLiteral("198.51.100.20-udp-20231114T221322.200000000Z.pcapng"));
    }

    // 2^32 s (2106-02-07) does not fit pcap's seconds field.
    void timesBeyondPcapMakeAPcapNg()
    {
        const QList<EvidencePacket> packets{packet(4294967296LL * 1000000000LL + 5, 1, QByteArray(40, 't'))};
        QVERIFY(EvidenceWriter::needsPcapNg(packets));
        const ReadBack read = readBack(EvidenceWriter::toCapture(packets));
        QVERIFY(read.ok);
        QCOMPARE(read.packets, packets);
    }

    void writesTheFileAndRefusesWithoutEvidence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<EvidencePacket> packets{packet(1700000002200000000LL, 1, QByteArray(70, 'u'))};
        const AttackRecord attack = attackWith(packets);
        QCOMPARE(EvidenceWriter::fileName(attack),
                 QStringLiteral("198.51.100.20-udp-20231114T221322.200000000Z.pcap"));
        QVERIFY(EvidenceWriter::unavailableReason(attack).isEmpty());
        const QString path = dir.filePath(EvidenceWriter::fileName(attack));
        QString error;
        QVERIFY2(EvidenceWriter::write(attack, path, error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReadBack read = readBack(file.readAll());
        QVERIFY(read.ok);
        QCOMPARE(read.packets, packets);

        QVERIFY(!EvidenceWriter::write(attack, dir.filePath(QStringLiteral("missing/dir/x.pcap")), error));
        QVERIFY2(error.contains(QStringLiteral("missing/dir")), qPrintable(error));

        const AttackRecord empty = attackWith({});
        QVERIFY(!EvidenceWriter::unavailableReason(empty).isEmpty());
        error.clear();
        QVERIFY(!EvidenceWriter::write(empty, dir.filePath(QStringLiteral("empty.pcap")), error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("empty.pcap"))));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceWriter)
#include "tst_evidencewriter.moc"
