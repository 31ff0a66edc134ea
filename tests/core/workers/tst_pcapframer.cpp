// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QFile>
#include <QTest>
#include <QtEndian>

#include "testenvironment.h"
#include "workers/pcapframer.h"

using d4::workers::PcapFramer;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void put32(QByteArray &out, quint32 value, bool bigEndian)
{
    char bytes[4];
    if (bigEndian) {
        qToBigEndian(value, bytes);
    } else {
        qToLittleEndian(value, bytes);
    }
    out.append(bytes, 4);
}

void put16(QByteArray &out, quint16 value, bool bigEndian)
{
    char bytes[2];
    if (bigEndian) {
        qToBigEndian(value, bytes);
    } else {
        qToLittleEndian(value, bytes);
    }
    out.append(bytes, 2);
}

QByteArray globalHeader(quint32 magic, bool bigEndian, quint16 major = 2, quint32 snap = 65535)
{
    QByteArray out;
    put32(out, magic, bigEndian);
    put16(out, major, bigEndian);
    put16(out, 4, bigEndian);
    put32(out, 0, bigEndian);
    put32(out, 0, bigEndian);
    put32(out, snap, bigEndian);
    put32(out, 1, bigEndian);
    return out;
}

QByteArray record(quint32 seconds, quint32 fraction, const QByteArray &data, bool bigEndian,
                  quint32 captured = 0)
{
    QByteArray out;
    put32(out, seconds, bigEndian);
    put32(out, fraction, bigEndian);
    put32(out, captured ? captured : quint32(data.size()), bigEndian);
    put32(out, quint32(data.size()), bigEndian);
    return out + data;
}

} // namespace

class TestPcapFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byteOrdersAndResolutions_data()
    {
        QTest::addColumn<quint32>("magic");
        QTest::addColumn<bool>("bigEndian");
        QTest::addColumn<bool>("nano");
        QTest::newRow("little µs") << 0xa1b2c3d4u << false << false;
        QTest::newRow("big µs") << 0xa1b2c3d4u << true << false;
        QTest::newRow("little ns") << 0xa1b23c4du << false << true;
        QTest::newRow("big ns") << 0xa1b23c4du << true << true;
    }

    void byteOrdersAndResolutions()
    {
        QFETCH(quint32, magic);
        QFETCH(bool, bigEndian);
        QFETCH(bool, nano);
        const QByteArray stream = globalHeader(magic, bigEndian) +
                                  record(1700000000, 123, "hello", bigEndian) +
                                  record(1700000001, 456, QByteArray(300, 'x'), bigEndian);
        // Fed one byte at a time: framing must not depend on chunk boundaries.
        PcapFramer framer;
        QByteArray records;
        int count = 0;
        for (const char byte : stream) {
            QVERIFY(framer.feed(QByteArrayView(&byte, 1), records, count));
        }
        QCOMPARE(count, 2);
        QCOMPARE(framer.isNanosecond(), nano);
        QCOMPARE(framer.isSwapped(), bigEndian);
        QCOMPARE(framer.linkType(), 1u);
        QCOMPARE(framer.globalHeader(), stream.left(24));
        QCOMPARE(records, stream.mid(24));
        const auto decoded = PcapFramer::decode(records, framer.isSwapped());
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(decoded[0].seconds, 1700000000u);
        QCOMPARE(decoded[0].fraction, 123u);
        QCOMPARE(decoded[0].data, QByteArray("hello"));
        QCOMPARE(decoded[1].data, QByteArray(300, 'x'));
        QCOMPARE(framer.state(), stream.left(24));
    }

    void realCaptures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("packets");
        QTest::newRow("edns-opts µs") << QStringLiteral("pcap/edns-opts.pcap") << 42;
        QTest::newRow("tcp-handshake ns") << QStringLiteral("pcap/tcp-handshake-nano.pcap") << 3;
    }

    void realCaptures()
    {
        QFETCH(QString, file);
        QFETCH(int, packets);
        const QByteArray bytes = readFile(d4::test::testDataPath(file));
        QVERIFY(!bytes.isEmpty());
        PcapFramer framer;
        QByteArray records;
        int count = 0;
        for (qsizetype offset = 0; offset < bytes.size(); offset += 1000) {
            QVERIFY(framer.feed(
                QByteArrayView(bytes).sliced(offset, qMin<qsizetype>(1000, bytes.size() - offset)), records,
                count));
        }
        QCOMPARE(count, packets);
        QCOMPARE(framer.globalHeader() + records, bytes);
    }

    // The saved state restores a framer in the middle of a record.
    void stateRoundTrip()
    {
        const QByteArray stream = globalHeader(0xa1b2c3d4u, false) + record(1, 2, "abcdef", false);
        PcapFramer first;
        QByteArray records;
        int count = 0;
        QVERIFY(first.feed(stream.left(24 + 10), records, count));
        QCOMPARE(count, 0);
        PcapFramer second;
        QVERIFY(second.feed(first.state(), records, count));
        QVERIFY(second.feed(stream.mid(24 + 10), records, count));
        QCOMPARE(count, 1);
        QCOMPARE(records, stream.mid(24));
    }

    void rejections_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("error");
        QTest::newRow("text") << QByteArray("hello world, this is not a capture\n")
                              << int(PcapFramer::Error::BadMagic);
        QTest::newRow("pcapng") << QByteArray(
                                       "\x0a\x0d\x0d\x0a\x1c\x00\x00\x00\x4d\x3c\x2b\x1a\x01\x00\x00\x00"
                                       "\xff\xff\xff\xff\xff\xff\xff\xff",
                                       24)
                                << int(PcapFramer::Error::BadMagic);
        QTest::newRow("version 1") << globalHeader(0xa1b2c3d4u, false, 1)
                                   << int(PcapFramer::Error::BadVersion);
        QTest::newRow("version 3 big")
            << globalHeader(0xa1b2c3d4u, true, 3) << int(PcapFramer::Error::BadVersion);
        QTest::newRow("huge record") << globalHeader(0xa1b2c3d4u, false) + record(1, 2, "x", false, 262145)
                                     << int(PcapFramer::Error::RecordTooLarge);
        QTest::newRow("huge record, big snaplen")
            << globalHeader(0xa1b2c3d4u, true, 2, 0xffffffffu) + record(1, 2, "x", true, (16u << 20) + 1)
            << int(PcapFramer::Error::RecordTooLarge);
    }

    void rejections()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, error);
        PcapFramer framer;
        QByteArray records;
        int count = 0;
        QVERIFY(!framer.feed(stream, records, count));
        QCOMPARE(int(framer.error()), error);
        QVERIFY(!PcapFramer::errorText(framer.error()).isEmpty());
        // Once rejected, always rejected.
        QVERIFY(!framer.feed(globalHeader(0xa1b2c3d4u, false), records, count));
        QCOMPARE(count, 0);
    }

    // Fewer than 24 bytes is not a rejection yet.
    void shortStartWaits()
    {
        PcapFramer framer;
        QByteArray records;
        int count = 0;
        QVERIFY(framer.feed("abc", records, count));
        QVERIFY(!framer.hasGlobalHeader());
        QVERIFY(!framer.feed(QByteArray(30, 'z'), records, count));
    }
};

QTEST_APPLESS_MAIN(TestPcapFramer)
#include "tst_pcapframer.moc"
