// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "pcapteststream.h"
#include "sensor/pcapstreamtracker.h"

using d4::sensor::PcapStreamTracker;
using d4::test::PcapTestStream;
using State = PcapStreamTracker::State;
using Bytes = std::vector<std::uint8_t>;

Q_DECLARE_METATYPE(PcapTestStream::Options)

namespace {

/** Records of every awkward size: empty, shorter than a record header, one around it, larger ones. */
PcapTestStream sampleStream(PcapTestStream::Options options)
{
    PcapTestStream stream(options);
    for (const std::uint32_t length : {0u, 1u, 15u, 16u, 17u, 60u, 0u, 1514u, 4096u, 9000u, 3u, 42u}) {
        stream.addRecord(length);
    }
    return stream;
}

std::span<const std::uint8_t> slice(const Bytes &bytes, std::size_t from, std::size_t to)
{
    return std::span(bytes).subspan(from, to - from);
}

Bytes literal(std::initializer_list<int> values)
{
    Bytes bytes;
    for (const int value : values) {
        bytes.push_back(static_cast<std::uint8_t>(value));
    }
    return bytes;
}

} // namespace

class TestPcapStreamTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothByteOrdersAndResolutions_data()
    {
        QTest::addColumn<PcapTestStream::Options>("options");
        QTest::newRow("little-endian, microseconds") << PcapTestStream::Options{false, false, 65535};
        QTest::newRow("big-endian, microseconds") << PcapTestStream::Options{true, false, 65535};
        QTest::newRow("little-endian, nanoseconds") << PcapTestStream::Options{false, true, 262144};
        QTest::newRow("big-endian, nanoseconds") << PcapTestStream::Options{true, true, 0};
    }

    /** Fed in two reads split at every offset: the state after the first one is exact. */
    void bothByteOrdersAndResolutions()
    {
        QFETCH(PcapTestStream::Options, options);
        const PcapTestStream stream = sampleStream(options);
        const Bytes &bytes = stream.bytes();
        for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
            PcapStreamTracker tracker;
            tracker.feed(slice(bytes, 0, cut));
            if (tracker.resumePrefix() != stream.expectedPrefix(cut)) {
                QFAIL(qPrintable(QStringLiteral("wrong prefix after %1 bytes").arg(cut)));
            }
            QCOMPARE(tracker.state(), cut < 4 ? State::Detecting : State::Tracking);
            QCOMPARE(tracker.position(), cut);
            QCOMPARE(tracker.heldRecordBytes(), cut <= 24 ? 0 : cut - stream.recordStartAt(cut));
            tracker.feed(slice(bytes, cut, bytes.size()));
            QCOMPARE(tracker.state(), State::Tracking);
            QCOMPARE(tracker.resumePrefix(), Bytes(bytes.begin(), bytes.begin() + 24));
            QCOMPARE(tracker.heldRecordBytes(), std::size_t{0});
            QCOMPARE(tracker.position(), bytes.size());
        }
    }

    /** Byte by byte, and in reads of every size up to 40: the same state at every step. */
    void readsOfEverySize()
    {
        const PcapTestStream stream = sampleStream({});
        const Bytes &bytes = stream.bytes();
        for (std::size_t step = 1; step <= 40; ++step) {
            PcapStreamTracker tracker;
            for (std::size_t at = 0; at < bytes.size(); at += step) {
                const std::size_t end = std::min(at + step, bytes.size());
                tracker.feed(slice(bytes, at, end));
                if (tracker.resumePrefix() != stream.expectedPrefix(end)) {
                    QFAIL(qPrintable(
                        QStringLiteral("reads of %1: wrong prefix after %2 bytes").arg(step).arg(end)));
                }
            }
        }
    }

    void emptyFeedChangesNothing()
    {
        PcapTestStream stream({});
        stream.addRecord(10);
        PcapStreamTracker tracker;
        tracker.feed({});
        QCOMPARE(tracker.state(), State::Detecting);
        tracker.feed(slice(stream.bytes(), 0, 30));
        tracker.feed({});
        QCOMPARE(tracker.resumePrefix(), stream.expectedPrefix(30));
    }

    void snapLengthSetsTheBound_data()
    {
        QTest::addColumn<quint32>("snapLength");
        QTest::addColumn<quint32>("bound");
        QTest::newRow("small snap length: libpcap's maximum") << 65535u << 262144u;
        QTest::newRow("no snap length") << 0u << 262144u;
        QTest::newRow("larger snap length") << 1000000u << 1000000u;
        QTest::newRow("huge snap length: capped at 16 MiB") << 0xffffffffu << (16u << 20);
    }

    /** The largest record is followed; one byte more stops tracking for good. */
    void snapLengthSetsTheBound()
    {
        QFETCH(quint32, snapLength);
        QFETCH(quint32, bound);
        for (const bool bigEndian : {false, true}) {
            PcapTestStream largest({bigEndian, false, snapLength});
            largest.addRecord(bound);
            largest.addRecord(5);
            PcapStreamTracker tracker;
            tracker.feed(largest.bytes());
            QCOMPARE(tracker.maxRecordLength(), bound);
            QCOMPARE(tracker.state(), State::Tracking);
            QCOMPARE(tracker.resumePrefix(), largest.expectedPrefix(largest.bytes().size()));

            PcapTestStream tooLarge({bigEndian, false, snapLength});
            tooLarge.addRecord(7);
            const std::size_t badStart = tooLarge.bytes().size();
            tooLarge.addRecord(bound + 1);
            tooLarge.addRecord(7);
            // Fed whole (the fast path) and byte by byte (the header completed across reads).
            for (const bool byteByByte : {false, true}) {
                PcapStreamTracker stopped;
                const Bytes &bytes = tooLarge.bytes();
                if (byteByByte) {
                    for (std::size_t i = 0; i < bytes.size(); ++i) {
                        stopped.feed(slice(bytes, i, i + 1));
                        if (i + 1 < badStart + 16) {
                            QCOMPARE(stopped.state(), i + 1 < 4 ? State::Detecting : State::Tracking);
                        }
                    }
                } else {
                    stopped.feed(bytes);
                }
                QCOMPARE(stopped.state(), State::RecordTooLarge);
                QCOMPARE(stopped.rejectedLength(), bound + 1);
                QCOMPARE(stopped.rejectedRecordOffset(), badStart);
                QCOMPARE(stopped.position(), badStart + 16);
                QVERIFY(stopped.resumePrefix().empty());
                QCOMPARE(stopped.heldRecordBytes(), std::size_t{0});
                // For good: a valid-looking stream afterwards changes nothing.
                stopped.feed(largest.bytes());
                QCOMPARE(stopped.state(), State::RecordTooLarge);
                QVERIFY(stopped.resumePrefix().empty());
                QCOMPARE(stopped.position(), badStart + 16);
            }
        }
    }

    /** The unfinished record held is never more than that one record, even across many reads. */
    void holdsAtMostOneRecord()
    {
        PcapTestStream stream({});
        for (int i = 0; i < 50; ++i) {
            stream.addRecord(static_cast<std::uint32_t>((i * 7919) % 70000));
        }
        const Bytes &bytes = stream.bytes();
        PcapStreamTracker tracker;
        for (std::size_t at = 0; at < bytes.size(); at += 4093) {
            const std::size_t end = std::min(at + 4093, bytes.size());
            tracker.feed(slice(bytes, at, end));
            QCOMPARE(tracker.heldRecordBytes(), end <= 24 ? 0 : end - stream.recordStartAt(end));
            QVERIFY(tracker.heldRecordBytes() <= 16 + 70000);
        }
        QCOMPARE(tracker.heldRecordBytes(), std::size_t{0});
    }

    void otherStreamsAreNotFollowed_data()
    {
        QTest::addColumn<QByteArray>("input");
        // pcapng Section Header Block, both byte orders.
        QTest::newRow("pcapng") << QByteArray::fromHex("0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff");
        QTest::newRow("pcapng, big-endian")
            << QByteArray::fromHex("0a0d0d0a0000001c1a2b3c4d0001000000000000");
        QTest::newRow("text") << QByteArray("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
        QTest::newRow("a magic off by one bit")
            << QByteArray::fromHex("d4c3b2a002000400000000000000000000000000ffff0000");
        QTest::newRow("a magic in the wrong place") << QByteArray::fromHex("00d4c3b2a1020004");
        QTest::newRow("half micro, half nano") << QByteArray::fromHex("d4c3b2a4");
    }

    void otherStreamsAreNotFollowed()
    {
        QFETCH(QByteArray, input);
        const Bytes bytes(input.begin(), input.end());
        for (const std::size_t split : {std::size_t{1}, std::size_t{3}, std::size_t{4}, bytes.size()}) {
            PcapStreamTracker tracker;
            tracker.feed(slice(bytes, 0, split));
            QCOMPARE(tracker.state(), split < 4 ? State::Detecting : State::NotPcap);
            QVERIFY(tracker.resumePrefix().empty());
            tracker.feed(slice(bytes, split, bytes.size()));
            QCOMPARE(tracker.state(), State::NotPcap);
            QVERIFY(tracker.resumePrefix().empty());
            QCOMPARE(tracker.heldRecordBytes(), std::size_t{0});
            // A libpcap header later in the stream does not count.
            PcapTestStream pcap({});
            tracker.feed(pcap.bytes());
            QCOMPARE(tracker.state(), State::NotPcap);
            QVERIFY(tracker.resumePrefix().empty());
        }
    }

    /** Before the magic is complete nothing is known: the stream continues as it is. */
    void partialMagicGivesNoPrefix()
    {
        const Bytes magic = literal({0xd4, 0xc3, 0xb2});
        PcapStreamTracker tracker;
        tracker.feed(magic);
        QCOMPARE(tracker.state(), State::Detecting);
        QVERIFY(tracker.resumePrefix().empty());
        tracker.feed(literal({0xa1, 0x02}));
        QCOMPARE(tracker.state(), State::Tracking);
        QCOMPARE(tracker.resumePrefix(), literal({0xd4, 0xc3, 0xb2, 0xa1, 0x02}));
    }
};

QTEST_APPLESS_MAIN(TestPcapStreamTracker)
#include "tst_pcapstreamtracker.moc"
