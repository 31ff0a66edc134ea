// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The incremental capture reader: every test capture against tshark, every split, both byte orders,
// pcapng blocks and interfaces, gzip, truncation, and one test per rejection path.

#include <QTemporaryDir>
#include <QTest>

#include "capture/capturefilereader.h"
#include "capture/capturereader.h"
#include "capturetestutil.h"
#include "testenvironment.h"
#include "workers/gzipcompressor.h"

using namespace d4::test;
using d4::capture::CaptureError;
using d4::capture::CaptureFileReader;
using d4::capture::CaptureReader;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(D4_TEST_DATA_DIR "/pcap/") + QLatin1String(name);
}

QByteArray gzip(const QByteArray &bytes)
{
    return d4::workers::GzipCompressor::gzip(bytes);
}

/** Feeds @p bytes in one piece; returns the reader's error after finish(). */
CaptureError rejection(const QByteArray &bytes, quint64 *packets = nullptr)
{
    CaptureReader *reader = nullptr;
    bool finished = false;
    const auto read = readSplit(bytes, {}, &finished, &reader);
    const CaptureError error = reader->error();
    if (packets) {
        *packets = static_cast<quint64>(read.size());
    }
    // Every rejection has its counter, and the reader stays rejected.
    if (error != CaptureError::None) {
        if (reader->stats().errors[static_cast<int>(error)] != 1 || reader->feed("more") || finished) {
            delete reader;
            return CaptureError::None;
        }
    }
    delete reader;
    return error;
}

QByteArray ethernetFrame(int payloadBytes)
{
    return QByteArray(12, 'm') + QByteArray("\x08\x00", 2) + QByteArray(payloadBytes, 'p');
}

} // namespace

class TestCaptureReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Packet count, first and last timestamps as tshark reports them, for every test capture:
    //   tshark -r FILE -T fields -e frame.time_epoch | awk 'NR==1{f=$0} {l=$0; n++} END{print n, f, l}'
    // (TShark 4.x on Debian, run once on 2026-11-25; epoch nanoseconds below.)
    void matchesTshark_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<quint64>("packets");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<QString>("format");
        QTest::newRow("amp") << dataFile("amp.TCP.reflection.SYNACK.pcap") << 8000ULL << 1622865525551136000LL
                             << 1622865525697945000LL << QStringLiteral("pcap");
        QTest::newRow("dominate") << dataFile("pkt.TCP.DOMINATE.syn.ecn.cwr.pcapng") << 9878ULL
                                  << 1617292545785081000LL << 1617292580057107000LL << QStringLiteral("pcap");
        QTest::newRow("icmp") << dataFile("icmp-destunreach-udp.pcap") << 1ULL << 1258568548135731000LL
                              << 1258568548135731000LL << QStringLiteral("pcap");
        QTest::newRow("multi") << dataFile("pcapng-multi-interface.pcapng") << 6ULL << 1767663089500330493LL
                               << 1767663437140942000LL << QStringLiteral("pcapng");
        QTest::newRow("nano") << dataFile("tcp-handshake-nano.pcap") << 3ULL << 1418145369924505488LL
                              << 1418145370052115157LL << QStringLiteral("pcap");
        QTest::newRow("edns") << dataFile("edns-opts.pcap") << 42ULL << 1571864320639715000LL
                              << 1571864341291167000LL << QStringLiteral("pcap");
        QTest::newRow("dns-uri") << dataFile("dns-uri.pcap") << 4ULL << 1550773915600983000LL
                                 << 1550773917245858000LL << QStringLiteral("pcap");
        QTest::newRow("dns_tcp") << dataFile("dns_tcp.pcap") << 11ULL << 1591780863720289000LL
                                 << 1591780864101256000LL << QStringLiteral("pcap");
        QTest::newRow("dns_udp") << dataFile("dns_udp.pcap") << 2ULL << 1591780794740079000LL
                                 << 1591780794870361000LL << QStringLiteral("pcap");
        QTest::newRow("pdns-synthetic") << dataFile("pdns-synthetic.pcap") << 61ULL << 1700000000100000000LL
                                        << 1700000000160000000LL << QStringLiteral("pcap");
        QTest::newRow("backscatter-synthetic")
            << dataFile("backscatter-synthetic.pcap") << 436ULL << 1700000000000000000LL
            << 1700000119500000000LL << QStringLiteral("pcap");
    }
    void matchesTshark()
    {
        QFETCH(QString, file);
        QFETCH(quint64, packets);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        QFETCH(QString, format);
        const auto summary = CaptureFileReader::read(file, {});
        QVERIFY2(summary.ok(), qPrintable(d4::capture::captureErrorText(summary.error)));
        QCOMPARE(summary.packets, packets);
        QCOMPARE(summary.firstNs, first);
        QCOMPARE(summary.lastNs, last);
        QCOMPARE(summary.format, format);
        QCOMPARE(summary.truncatedBytes, 0ULL);
        QVERIFY(!summary.compressed);

        // The same capture gzip-compressed: same packets, compression detected by content.
        const QByteArray original = readAll(file);
        bool finished = false;
        CaptureReader *reader = nullptr;
        const auto plain = readSplit(original, {}, &finished);
        QVERIFY(finished);
        const auto unzipped = readSplit(gzip(original), {}, &finished, &reader);
        QVERIFY(finished);
        QVERIFY(reader->isCompressed());
        delete reader;
        QCOMPARE(unzipped, plain);
    }

    // Item 1 and item 9 details: link types, resolutions, interface names.
    void properties()
    {
        auto summary = CaptureFileReader::read(dataFile("pcapng-multi-interface.pcapng"), {});
        QCOMPARE(summary.interfaces.size(), 2);
        QCOMPARE(summary.interfaces[0].name, QStringLiteral("eth0"));
        QCOMPARE(summary.interfaces[0].packets, 2ULL);
        QCOMPARE(summary.interfaces[1].packets, 4ULL);
        QCOMPARE(summary.precisions(), (QStringList{QStringLiteral("ns"), QStringLiteral("µs")}));
        QCOMPARE(summary.linkTypes(), (QList<quint32>{1}));
        QVERIFY(!summary.bigEndian);

        summary = CaptureFileReader::read(dataFile("tcp-handshake-nano.pcap"), {});
        QCOMPARE(summary.linkTypes(), (QList<quint32>{113}));
        QCOMPARE(summary.precisions(), (QStringList{QStringLiteral("ns")}));
        summary = CaptureFileReader::read(dataFile("amp.TCP.reflection.SYNACK.pcap"), {});
        QCOMPARE(summary.precisions(), (QStringList{QStringLiteral("µs")}));
        QCOMPARE(summary.linkTypes(), (QList<quint32>{1}));
    }

    // Bytes in any split give the same packets: every single split point, and byte by byte.
    void splitAtEveryOffset_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("compressed");
        for (const char *name : {"icmp-destunreach-udp.pcap", "pcapng-multi-interface.pcapng",
                                 "tcp-handshake-nano.pcap", "dns_udp.pcap"}) {
            QTest::newRow(name) << dataFile(name) << false;
            QTest::newRow(qPrintable(QLatin1String(name) + QStringLiteral(".gz"))) << dataFile(name) << true;
        }
    }
    void splitAtEveryOffset()
    {
        QFETCH(QString, file);
        QFETCH(bool, compressed);
        QByteArray bytes = readAll(file);
        if (compressed) {
            bytes = gzip(bytes);
        }
        bool finished = false;
        const auto whole = readSplit(bytes, {}, &finished);
        QVERIFY(finished);
        QVERIFY(!whole.isEmpty());
        for (qsizetype split = 1; split < bytes.size(); ++split) {
            const auto parts = readSplit(bytes, {split}, &finished);
            QVERIFY(finished);
            QVERIFY2(parts == whole, qPrintable(QStringLiteral("split at %1").arg(split)));
        }
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < bytes.size(); ++i) {
            everyByte.append(i);
        }
        QCOMPARE(readSplit(bytes, everyByte, &finished), whole);
        QVERIFY(finished);
    }

    // A big-endian pcap (the sample rewritten with swapped headers) reads the same as the original.
    void bigEndianPcap()
    {
        const QByteArray little = readAll(dataFile("amp.TCP.reflection.SYNACK.pcap"));
        const QByteArray big = swapPcap(little);
        QVERIFY(big != little);
        CaptureReader *reader = nullptr;
        bool finished = false;
        const auto fromBig = readSplit(big, {1000, 5000}, &finished, &reader);
        QVERIFY(finished);
        QVERIFY(reader->isBigEndian());
        delete reader;
        QCOMPARE(fromBig, readSplit(little, {}));
        QCOMPARE(fromBig.size(), 8000);
        const QByteArray nanoBig = swapPcap(readAll(dataFile("tcp-handshake-nano.pcap")));
        const auto nano = readSplit(nanoBig, {});
        QCOMPARE(nano.size(), 3);
        QCOMPARE(nano.constFirst().timestampNs, 1418145369924505488LL);
    }

    // pcapng in both byte orders: several interfaces of different link types and resolutions
    // (10^-9, 2^-10, default µs, if_tsoffset), enhanced, simple and obsolete packet blocks, an
    // unknown block skipped, and a second section restarting interface numbering.
    void pcapNgBothByteOrders_data()
    {
        QTest::addColumn<bool>("bigEndian");
        QTest::newRow("little") << false;
        QTest::newRow("big") << true;
    }
    void pcapNgBothByteOrders()
    {
        QFETCH(bool, bigEndian);
        const QByteArray frame = ethernetFrame(30);
        const QByteArray rawIp = QByteArray("\x45", 1) + QByteArray(19, '\0');
        PcapNgBuilder builder(bigEndian);
        builder.section()
            .interface(1, 9, "eth0")
            .interface(101, 0x80 | 10, "raw", 0, 64)
            .interface(1, -1, {}, 100)
            .enhanced(0, 1700000000123456789ULL, frame)
            .enhanced(1, (1700000001ULL << 10) | 512U, rawIp)
            .block(0x0BADCAFE, QByteArray(8, 'x'))
            .enhanced(2, 5000000ULL, frame, 1500)
            .obsolete(0, 1700000002000000001ULL, frame)
            .simple(frame)
            .section()
            .interface(228, 6)
            .enhanced(0, 1700000003000000ULL, rawIp);
        CaptureReader *reader = nullptr;
        bool finished = false;
        const auto packets = readSplit(builder.bytes(), {5, 100, 101}, &finished, &reader);
        QVERIFY(finished);
        QCOMPARE(reader->format(), CaptureReader::Format::PcapNg);
        QCOMPARE(reader->isBigEndian(), bigEndian);
        QCOMPARE(reader->stats().sections, 2ULL);
        QCOMPARE(reader->stats().skippedBlocks, 1ULL);
        QCOMPARE(reader->stats().truncatedPackets, 1ULL);
        QCOMPARE(reader->interfaces().size(), 4);
        QCOMPARE(reader->interfaces()[1].resolutionText(), QStringLiteral("2^-10 s"));
        QCOMPARE(reader->interfaces()[1].snapLength, 64U);
        QCOMPARE(reader->interfaces()[0].name, QStringLiteral("eth0"));
        delete reader;
        QCOMPARE(packets.size(), 6);
        QCOMPARE(packets[0].timestampNs, 1700000000123456789LL);
        QCOMPARE(packets[0].linkType, 1U);
        QCOMPARE(packets[1].timestampNs, 1700000001500000000LL); // 512/1024 s
        QCOMPARE(packets[1].linkType, 101U);
        QCOMPARE(packets[1].data, rawIp);
        QCOMPARE(packets[2].timestampNs, 105000000000LL); // 5 s in µs + if_tsoffset 100 s
        QCOMPARE(packets[2].originalLength, 1500U);
        QCOMPARE(packets[3].timestampNs, 1700000002000000001LL);
        QCOMPARE(packets[4].data, frame); // simple packet block: interface 0, no time
        QCOMPARE(packets[4].interfaceId, 0U);
        QCOMPARE(packets[5].interfaceId, 3U);
        QCOMPARE(packets[5].linkType, 228U);
        QCOMPARE(packets[5].timestampNs, 1700000003000000000LL);
    }

    // Item 16: a capture cut after 100,000 bytes: 1,264 packets and a warning, not a failure.
    void truncatedFinalRecord()
    {
        const QByteArray cut = readAll(dataFile("amp.TCP.reflection.SYNACK.pcap")).left(100000);
        CaptureReader *reader = nullptr;
        bool finished = false;
        const auto packets = readSplit(cut, {333}, &finished, &reader);
        QVERIFY(finished);
        QCOMPARE(packets.size(), 1264);
        QCOMPARE(reader->truncatedBytes(), 69ULL);
        QCOMPARE(reader->error(), CaptureError::None);
        delete reader;

        // A cut .gz: the packets inflated so far, and a warning about the compressed stream.
        const QByteArray zipped = gzip(readAll(dataFile("amp.TCP.reflection.SYNACK.pcap")));
        const auto partial = readSplit(zipped.left(zipped.size() / 2), {}, &finished, &reader);
        QVERIFY(finished);
        QVERIFY(reader->isCompressionTruncated());
        QVERIFY(partial.size() > 100 && partial.size() < 8000);
        delete reader;

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("cut.pcap")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(cut);
        file.close();
        const auto summary = CaptureFileReader::read(file.fileName(), {});
        QVERIFY(summary.ok());
        QCOMPARE(summary.packets, 1264ULL);
        QVERIFY(summary.warningText().contains(QStringLiteral("cut short")));
    }

    // One test per rejection path; each increments its counter and stops the reader.
    void rejections_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("error");
        const QByteArray frame = ethernetFrame(10);
        QTest::newRow("empty") << QByteArray() << int(CaptureError::Empty);
        QTest::newRow("empty gzip") << gzip(QByteArray()) << int(CaptureError::Empty);
        QTest::newRow("not a capture")
            << readAll(QStringLiteral(D4_TEST_DATA_DIR "/SOURCES.md")) << int(CaptureError::NotACapture);
        QTest::newRow("one byte") << QByteArray("\xd4", 1) << int(CaptureError::TruncatedHeader);
        QTest::newRow("truncated pcap header")
            << pcapHeader(false, false, 1).left(20) << int(CaptureError::TruncatedHeader);
        QTest::newRow("truncated section header")
            << PcapNgBuilder(false).section().bytes().left(20) << int(CaptureError::TruncatedHeader);
        QTest::newRow("pcap version 3")
            << pcapHeader(false, false, 1, 3) << int(CaptureError::UnsupportedVersion);
        QTest::newRow("pcapng version 2")
            << PcapNgBuilder(true).section(2).bytes() << int(CaptureError::UnsupportedVersion);
        QTest::newRow("record too large")
            << pcapHeader(false, false, 1) + pcapRecord(false, 1, 0, frame, 300000)
            << int(CaptureError::RecordTooLarge);
        QByteArray badBom = PcapNgBuilder(false).section().bytes();
        badBom[8] = 'X';
        QTest::newRow("byte-order magic") << badBom << int(CaptureError::BadByteOrderMagic);
        QByteArray oddLength =
            PcapNgBuilder(false).section().bytes() + ByteWriter(false).u32(6).u32(13).u32(0).u32(13).bytes();
        QTest::newRow("block length odd") << oddLength << int(CaptureError::BadBlockLength);
        QByteArray trailer = PcapNgBuilder(false).section().interface(1).bytes();
        trailer[trailer.size() - 4] = 0x7f;
        QTest::newRow("block trailer mismatch") << trailer << int(CaptureError::BadBlockLength);
        QTest::newRow("block too large")
            << PcapNgBuilder(false).section().bytes() + ByteWriter(false).u32(6).u32(64U << 20).bytes()
            << int(CaptureError::BlockTooLarge);
        QTest::newRow("interface block short")
            << PcapNgBuilder(false).section().block(1, QByteArray(4, '\0')).bytes()
            << int(CaptureError::BadInterfaceBlock);
        QTest::newRow("unknown interface")
            << PcapNgBuilder(false).section().interface(1).enhanced(1, 0, frame).bytes()
            << int(CaptureError::UnknownInterface);
        QTest::newRow("packet before interface")
            << PcapNgBuilder(false).section().simple(frame).bytes() << int(CaptureError::UnknownInterface);
        QByteArray overlong = PcapNgBuilder(false).section().interface(1).enhanced(0, 0, frame).bytes();
        // The captured length (offset 20 of the enhanced block, the last block) exceeds the block.
        const qsizetype blockStart = overlong.size() - (32 + ((frame.size() + 3) / 4) * 4);
        qToLittleEndian<quint32>(4000, overlong.data() + blockStart + 20);
        QTest::newRow("packet block overlong") << overlong << int(CaptureError::BadPacketBlock);
        QTest::newRow("packet block short")
            << PcapNgBuilder(false).section().interface(1).block(6, QByteArray(8, '\0')).bytes()
            << int(CaptureError::BadPacketBlock);
        QTest::newRow("corrupt gzip")
            << QByteArrayLiteral("\x1f\x8b\x08\x00garbage that is not deflate at all")
            << int(CaptureError::CorruptCompression);
    }
    void rejections()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, error);
        QCOMPARE(int(rejection(bytes)), error);
    }

    // A gzip member whose inflated bytes hold an oversized record before its deflate data turns
    // corrupt: the record comes first in the stream, so it is the error, whether the compressed
    // bytes arrive in one piece or byte by byte (a libFuzzer finding: the one-piece read used to
    // report the corruption and drop what zlib had inflated before it).
    void gzipErrorsInStreamOrder()
    {
        const QByteArray bytes = readAll(dataFile("gzip-corrupt-after-oversized-record.pcap.gz"));
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(rejection(bytes), CaptureError::RecordTooLarge);
        for (const qsizetype step : {qsizetype(1), qsizetype(7), qsizetype(64)}) {
            QList<qsizetype> splits;
            for (qsizetype at = step; at < bytes.size(); at += step) {
                splits.append(at);
            }
            CaptureReader *reader = nullptr;
            readSplit(bytes, splits, nullptr, &reader);
            const CaptureError error = reader->error();
            delete reader;
            QCOMPARE(error, CaptureError::RecordTooLarge);
        }
    }

    // Item 17: a non-capture file is rejected by content with a readable message.
    void fileRejectedByContent()
    {
        const auto summary = CaptureFileReader::read(QStringLiteral(D4_TEST_DATA_DIR "/SOURCES.md"), {});
        QCOMPARE(summary.error, CaptureError::NotACapture);
        QVERIFY(d4::capture::captureErrorText(summary.error).contains(QStringLiteral("Not a capture file")));
        QCOMPARE(summary.packets, 0ULL);
    }

    // Cancelling a file read stops it (summary.cancelled) and keeps what was read.
    void cancel()
    {
        std::atomic_bool cancel{true};
        const auto summary =
            CaptureFileReader::read(dataFile("amp.TCP.reflection.SYNACK.pcap"), {}, {}, &cancel);
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.packets, 0ULL);
    }
};

QTEST_GUILESS_MAIN(TestCaptureReader)
#include "tst_capturereader.moc"
