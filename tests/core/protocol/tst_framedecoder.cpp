// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "protocol/framedecoder.h"
#include "protocol/hmacsha256.h"
#include "protocol/packetencoder.h"
#include "protocol/uuid.h"

using namespace d4::protocol;

namespace {

std::vector<std::uint8_t> bytesOf(const QByteArray &text)
{
    return {text.begin(), text.end()};
}

/** Three packets of different sizes (0, 9 and 5000 bytes) for one sensor. */
std::vector<std::uint8_t> threePackets(std::vector<std::vector<std::uint8_t>> &payloads)
{
    PacketEncoder encoder(*parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025"), 3, "private key to change");
    payloads = {{}, bytesOf("hello d4\n"), std::vector<std::uint8_t>(5000, 0x5A)};
    std::vector<std::uint8_t> stream;
    for (const auto &payload : payloads) {
        encoder.appendPacket(stream, payload, 1700000000);
    }
    return stream;
}

std::vector<std::vector<std::uint8_t>> drain(FrameDecoder &decoder)
{
    std::vector<std::vector<std::uint8_t>> out;
    HmacSha256 verifier("private key to change");
    while (auto frame = decoder.next()) {
        if (!verifier.verifyPacket(frame->rawHeader, frame->payload)) {
            out.push_back({0xFF, 0xFF, 0xFF}); // marks a frame whose HMAC did not verify
            continue;
        }
        out.emplace_back(frame->payload.begin(), frame->payload.end());
    }
    return out;
}

std::vector<std::uint8_t> headerWith(std::uint8_t version, const char *uuid, std::uint32_t size)
{
    Header header;
    header.version = version;
    header.type = 1;
    header.uuid = *parseUuid(uuid);
    header.size = size;
    std::vector<std::uint8_t> bytes(kHeaderSize);
    encodeHeader(header, std::span<std::uint8_t, kHeaderSize>(bytes.data(), kHeaderSize));
    return bytes;
}

} // namespace

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manyPacketsInOneBuffer()
    {
        std::vector<std::vector<std::uint8_t>> payloads;
        const auto stream = threePackets(payloads);
        FrameDecoder decoder;
        decoder.append(stream);
        QCOMPARE(drain(decoder), payloads);
        QCOMPARE(decoder.bufferedBytes(), std::size_t(0));
        QCOMPARE(decoder.error(), FrameError::None);
    }

    void oneByteAtATime()
    {
        std::vector<std::vector<std::uint8_t>> payloads;
        const auto stream = threePackets(payloads);
        FrameDecoder decoder;
        std::vector<std::vector<std::uint8_t>> got;
        std::vector<std::size_t> completedAt;
        for (std::size_t i = 0; i < stream.size(); ++i) {
            decoder.append(std::span(stream).subspan(i, 1));
            for (auto &frame : drain(decoder)) {
                got.push_back(std::move(frame));
                completedAt.push_back(i + 1);
            }
        }
        QCOMPARE(got, payloads);
        // Each packet is yielded on its very last byte, not later.
        QCOMPARE(completedAt, (std::vector<std::size_t>{62, 62 + 71, stream.size()}));
    }

    void everySplitPoint()
    {
        std::vector<std::vector<std::uint8_t>> payloads;
        const auto stream = threePackets(payloads);
        for (std::size_t split = 0; split <= stream.size(); split += 7) {
            FrameDecoder decoder;
            decoder.append(std::span(stream).first(split));
            auto got = drain(decoder);
            decoder.append(std::span(stream).subspan(split));
            for (auto &frame : drain(decoder)) {
                got.push_back(std::move(frame));
            }
            QCOMPARE(got, payloads);
        }
    }

    void zeroCopyWrites()
    {
        std::vector<std::vector<std::uint8_t>> payloads;
        const auto stream = threePackets(payloads);
        FrameDecoder decoder;
        std::vector<std::vector<std::uint8_t>> got;
        for (std::size_t offset = 0; offset < stream.size(); offset += 1000) {
            const std::size_t n = std::min<std::size_t>(1000, stream.size() - offset);
            auto space = decoder.prepareWrite(n);
            QVERIFY(space.size() >= n);
            std::copy_n(stream.begin() + static_cast<std::ptrdiff_t>(offset), n, space.begin());
            decoder.commitWrite(n);
            for (auto &frame : drain(decoder)) {
                got.push_back(std::move(frame));
            }
        }
        QCOMPARE(got, payloads);
    }

    void oversizeRejectedBeforePayload()
    {
        FrameDecoder decoder;
        decoder.append(headerWith(1, "1d940331-9fc9-4381-8fc9-3b624db66025", kDefaultMaxPayload + 1));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::PayloadTooLarge);
        QVERIFY(decoder.pendingHeader().has_value());
        QCOMPARE(decoder.pendingHeader()->size, kDefaultMaxPayload + 1);
    }

    void maximumSizeAccepted()
    {
        FrameDecoder decoder;
        decoder.append(headerWith(1, "1d940331-9fc9-4381-8fc9-3b624db66025", kDefaultMaxPayload));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::None);
        decoder.append(std::vector<std::uint8_t>(kDefaultMaxPayload, 0));
        const auto frame = decoder.next();
        QVERIFY(frame.has_value());
        QCOMPARE(frame->payload.size(), std::size_t(kDefaultMaxPayload));
    }

    void configurableLimit()
    {
        FrameDecoder decoder(FrameLimits{.maxPayload = 10});
        decoder.append(headerWith(1, "1d940331-9fc9-4381-8fc9-3b624db66025", 11));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::PayloadTooLarge);
    }

    void badVersion()
    {
        FrameDecoder decoder;
        decoder.append(headerWith(2, "1d940331-9fc9-4381-8fc9-3b624db66025", 0));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::BadVersion);
        FrameDecoder lenient(FrameLimits{.requiredVersion = -1});
        lenient.append(headerWith(2, "1d940331-9fc9-4381-8fc9-3b624db66025", 0));
        QVERIFY(lenient.next().has_value());
    }

    void uuidNotV4()
    {
        FrameDecoder decoder;
        decoder.append(headerWith(1, "1d940331-9fc9-1381-8fc9-3b624db66025", 0));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::UuidNotV4);
    }

    void errorIsStickyUntilReset()
    {
        FrameDecoder decoder;
        decoder.append(headerWith(2, "1d940331-9fc9-4381-8fc9-3b624db66025", 0));
        QVERIFY(!decoder.next());
        decoder.append(headerWith(1, "1d940331-9fc9-4381-8fc9-3b624db66025", 0));
        QVERIFY(!decoder.next());
        QCOMPARE(decoder.error(), FrameError::BadVersion);
        decoder.reset();
        decoder.append(headerWith(1, "1d940331-9fc9-4381-8fc9-3b624db66025", 0));
        QVERIFY(decoder.next().has_value());
        QCOMPARE(QByteArray(frameErrorText(FrameError::UuidNotV4)),
                 QByteArray("sensor UUID is not a version-4 UUID"));
    }

    void bufferStaysBoundedOverLongStreams()
    {
        PacketEncoder encoder(generateUuidV4(), 1, "k");
        std::vector<std::uint8_t> packet;
        encoder.appendPacket(packet, std::vector<std::uint8_t>(4096, 1), 1);
        FrameDecoder decoder;
        std::size_t frames = 0;
        // 10,000 packets fed in 1,000-byte pieces: the buffer never holds more than a few packets.
        std::vector<std::uint8_t> stream;
        for (int i = 0; i < 10; ++i) {
            stream.insert(stream.end(), packet.begin(), packet.end());
        }
        for (int round = 0; round < 1000; ++round) {
            for (std::size_t offset = 0; offset < stream.size(); offset += 1000) {
                decoder.append(
                    std::span(stream).subspan(offset, std::min<std::size_t>(1000, stream.size() - offset)));
                while (decoder.next()) {
                    ++frames;
                }
                QVERIFY(decoder.bufferedBytes() < packet.size());
            }
        }
        QCOMPARE(frames, std::size_t(10000));
    }
};

QTEST_APPLESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
