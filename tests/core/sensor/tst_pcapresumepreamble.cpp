// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "pcapteststream.h"
#include "protocol/packetencoder.h"
#include "protocol/uuid.h"
#include "sensor/pcapresumepreamble.h"
#include "sensor/pcapstreamtracker.h"
#include "sensor/sensorconfig.h"
#include "signedpackets.h"
#include "workers/pcapframer.h"

using namespace d4::protocol;
using d4::sensor::PcapResumePreamble;
using d4::sensor::PcapStreamTracker;
using d4::sensor::ResumePoint;
using d4::test::PcapTestStream;
using Bytes = std::vector<std::uint8_t>;

namespace {

constexpr char kKey[] = "private key to change";

d4::sensor::SensorConfig configFor(std::uint32_t snaplen)
{
    d4::sensor::SensorConfig config;
    config.uuid = *parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025");
    config.key = kKey;
    config.type = 1;
    config.snaplen = snaplen;
    return config;
}

using Decoded = d4::test::SignedPackets;

Decoded decode(std::span<const std::uint8_t> bytes)
{
    return d4::test::decodeSignedPackets(bytes, kKey);
}

/** What the sender makes of one read: packets of at most @p snaplen bytes (one empty at the end). */
Bytes encodeRead(PacketEncoder &encoder, std::span<const std::uint8_t> payload, std::uint32_t snaplen)
{
    Bytes out;
    std::size_t offset = 0;
    do {
        const std::size_t size = std::min<std::size_t>(snaplen, payload.size() - offset);
        encoder.appendPacket(out, payload.subspan(offset, size), 1700000000);
        offset += size;
    } while (offset < payload.size());
    return out;
}

/** Offsets of the packets in @p packets, each with the payload bytes before it. */
std::vector<std::pair<std::size_t, std::size_t>> packetStarts(const Bytes &packets)
{
    std::vector<std::pair<std::size_t, std::size_t>> starts;
    std::size_t offset = 0;
    std::size_t payload = 0;
    while (offset < packets.size()) {
        starts.emplace_back(offset, payload);
        const std::uint8_t *size = packets.data() + offset + kSizeOffset;
        const std::size_t length = std::size_t{size[0]} | std::size_t{size[1]} << 8 |
                                   std::size_t{size[2]} << 16 | std::size_t{size[3]} << 24;
        offset += kHeaderSize + length;
        payload += length;
    }
    return starts;
}

QByteArray toQByteArray(std::span<const std::uint8_t> bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size())};
}

PcapTestStream sampleStream()
{
    PcapTestStream stream({});
    for (const std::uint32_t length :
         {0u, 1u, 15u, 16u, 17u, 60u, 0u, 1514u, 4096u, 9000u, 3u, 42u, 300u, 70u}) {
        stream.addRecord(length);
    }
    return stream;
}

} // namespace

class TestPcapResumePreamble : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumesAtEveryPacket_data()
    {
        QTest::addColumn<quint32>("snaplen");
        QTest::newRow("snaplen 7") << 7u;
        QTest::newRow("snaplen 100") << 100u;
        QTest::newRow("snaplen 1000") << 1000u;
        QTest::newRow("snaplen 4096") << 4096u;
    }

    /**
     * Reads of odd sizes become packets; a session taking up the stream at any packet of the
     * write() in progress (the sink's resume points) gets a preamble that makes it, with the rest
     * of the stream, a libpcap stream holding every record from the interrupted one on, once.
     */
    void resumesAtEveryPacket()
    {
        QFETCH(quint32, snaplen);
        const auto config = configFor(snaplen);
        const PcapTestStream stream = sampleStream();
        const Bytes &bytes = stream.bytes();
        PcapResumePreamble preamble(config);
        PacketEncoder encoder(config.uuid, 1, kKey);
        QVERIFY(preamble(ResumePoint{}).empty()); // the first session: the stream itself starts it
        const std::size_t readSizes[] = {500, 1, 3000, 77, 20000, 16, 5};
        std::size_t read = 0;
        int checked = 0;
        for (std::size_t at = 0; at <= bytes.size(); ++read) {
            // The last read is the end of input: one empty packet.
            const std::size_t end = std::min(bytes.size(), at + readSizes[read % std::size(readSizes)]);
            const Bytes packets = encodeRead(encoder, std::span(bytes).subspan(at, end - at), snaplen);
            for (const auto &[offset, payloadBefore] : packetStarts(packets)) {
                const std::size_t resumeAt = at + payloadBefore;
                const Bytes sent = preamble(ResumePoint{packets, offset});
                const Decoded decoded = decode(sent);
                QVERIFY(decoded.allSigned);
                if (decoded.payload != stream.expectedPrefix(resumeAt)) {
                    QFAIL(qPrintable(QStringLiteral("wrong preamble at byte %1").arg(resumeAt)));
                }
                for (std::size_t i = 0; i < decoded.sizes.size(); ++i) {
                    QCOMPARE(decoded.types[i], std::uint8_t{1});
                    QVERIFY(decoded.sizes[i] == snaplen ||
                            (i + 1 == decoded.sizes.size() && decoded.sizes[i] > 0));
                }
                // The session, as the server's framer reads it: the global header, then every
                // record from the interrupted one on, whole, and nothing else.
                const Bytes rest(bytes.begin() + static_cast<std::ptrdiff_t>(resumeAt), bytes.end());
                QByteArray session = toQByteArray(decoded.payload) + toQByteArray(rest);
                d4::workers::PcapFramer framer;
                QByteArray records;
                int count = 0;
                QVERIFY(framer.feed(session, records, count));
                QCOMPARE(framer.globalHeader(), toQByteArray(stream.globalHeader()));
                const std::size_t firstRecord = resumeAt <= 24 ? 24 : stream.recordStartAt(resumeAt);
                QCOMPARE(records, toQByteArray(std::span(bytes).subspan(firstRecord)));
                QCOMPARE(framer.state(), toQByteArray(stream.globalHeader())); // no bytes left over
                ++checked;
            }
            preamble.delivered(packets);
            QCOMPARE(preamble.tracker().position(), end);
            if (at == bytes.size()) {
                break;
            }
            at = end;
        }
        QVERIFY(checked > static_cast<int>(read)); // some reads made several packets
        // After the end: a session would carry the global header only.
        QCOMPARE(decode(preamble(ResumePoint{})).payload, Bytes(bytes.begin(), bytes.begin() + 24));
    }

    void copiesShareTheStream()
    {
        const auto config = configFor(4096);
        const PcapTestStream stream = sampleStream();
        PcapResumePreamble observer(config);
        const PcapResumePreamble factory = observer; // as SensorRunner hands them out
        PacketEncoder encoder(config.uuid, 1, kKey);
        const std::size_t cut = stream.recordStarts().at(8) + 5;
        observer.delivered(encodeRead(encoder, std::span(stream.bytes()).first(cut), 4096));
        QCOMPARE(decode(factory(ResumePoint{})).payload, stream.expectedPrefix(cut));
    }

    void otherStreamsGetNoPreamble_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("pcapng") << QByteArray::fromHex("0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff") +
                                       QByteArray(5000, 'x');
        QTest::newRow("text") << QByteArray("not a capture\n").repeated(400);
    }

    void otherStreamsGetNoPreamble()
    {
        QFETCH(QByteArray, input);
        const auto config = configFor(100);
        PcapResumePreamble preamble(config);
        PacketEncoder encoder(config.uuid, 1, kKey);
        const Bytes bytes(input.begin(), input.end());
        const Bytes first = encodeRead(encoder, std::span(bytes).first(1000), 100);
        for (const auto &[offset, payloadBefore] : packetStarts(first)) {
            QVERIFY(preamble(ResumePoint{first, offset}).empty());
        }
        preamble.delivered(first);
        QCOMPARE(preamble.tracker().state(), PcapStreamTracker::State::NotPcap);
        const Bytes second = encodeRead(encoder, std::span(bytes).subspan(1000), 100);
        for (const auto &[offset, payloadBefore] : packetStarts(second)) {
            QVERIFY(preamble(ResumePoint{second, offset}).empty());
        }
    }

    /** Past a record too large the stream is continued as it is; before it, still followed. */
    void oversizeRecordEndsThePreamble()
    {
        const auto config = configFor(100);
        PcapTestStream stream({});
        stream.addRecord(100); // bytes 24..140
        const std::size_t bad = stream.bytes().size();
        stream.addRecord(PcapStreamTracker::kMaxRecordLength + 1);
        stream.addRecord(100);
        PcapResumePreamble preamble(config);
        PacketEncoder encoder(config.uuid, 1, kKey);
        const Bytes packets = encodeRead(encoder, std::span(stream.bytes()).first(1000), 100);
        const auto starts = packetStarts(packets);
        QVERIFY(preamble(ResumePoint{packets, starts.at(0).first}).empty()); // the first session
        QCOMPARE(starts.at(1).second, std::size_t{100});
        QCOMPARE(decode(preamble(ResumePoint{packets, starts.at(1).first})).payload,
                 stream.expectedPrefix(100));
        QVERIFY(preamble(ResumePoint{packets, starts.at(2).first}).empty()); // past the bad header
        preamble.delivered(packets);
        QCOMPARE(preamble.tracker().state(), PcapStreamTracker::State::RecordTooLarge);
        QCOMPARE(preamble.tracker().rejectedRecordOffset(), bad);
        QVERIFY(preamble(ResumePoint{}).empty());
    }
};

QTEST_APPLESS_MAIN(TestPcapResumePreamble)
#include "tst_pcapresumepreamble.moc"
