// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <numeric>

#include <QTest>

#include "protocol/packetencoder.h"
#include "protocol/uuid.h"
#include "sensor/metaheaderpreamble.h"
#include "sensor/packetbatch.h"
#include "sensor/parallelsealer.h"
#include "sensor/sensorconfig.h"
#include "signedpackets.h"

#include <fcntl.h>
#include <unistd.h>

using namespace d4::protocol;
using d4::sensor::PacketBatch;

namespace {

constexpr char kKey[] = "private key to change";

const Uuid &testUuid()
{
    static const Uuid uuid = *parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025");
    return uuid;
}

/** A pipe whose ends close with the object. */
class Pipe final
{
public:
    Pipe() { QVERIFY(::pipe2(m_fds, O_CLOEXEC) == 0); }
    ~Pipe()
    {
        closeWrite();
        ::close(m_fds[0]);
    }
    int readEnd() const { return m_fds[0]; }
    void write(const std::vector<std::uint8_t> &bytes) const
    {
        QCOMPARE(::write(m_fds[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }
    void closeWrite()
    {
        if (m_fds[1] >= 0) {
            ::close(m_fds[1]);
            m_fds[1] = -1;
        }
    }

private:
    int m_fds[2] = {-1, -1};
};

std::vector<std::uint8_t> pattern(std::size_t size)
{
    std::vector<std::uint8_t> bytes(size);
    std::iota(bytes.begin(), bytes.end(), std::uint8_t{7});
    return bytes;
}

using Decoded = d4::test::SignedPackets;

Decoded decode(std::span<const std::uint8_t> bytes)
{
    return d4::test::decodeSignedPackets(bytes, kKey);
}

} // namespace

class TestPacketBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityIsWholePackets()
    {
        QCOMPARE(PacketBatch(4096).capacity(), std::size_t{1} << 20);
        QCOMPARE(PacketBatch(65535).capacity(), std::size_t{65535 * 16});
        QCOMPARE(PacketBatch(100000, 1000).capacity(), std::size_t{100000}); // at least one packet
        QVERIFY(PacketBatch(1).capacity() >= 1);
    }

    void oneReadSplitsLikeSuccessiveSnaplenReads()
    {
        Pipe pipe;
        const auto input = pattern(10000);
        pipe.write(input);
        PacketBatch batch(4096);
        PacketEncoder encoder(testUuid(), 1, kKey);
        const auto read = batch.readFrom(pipe.readEnd());
        QVERIFY(read);
        QCOMPARE(read.value(), input.size());
        const Decoded decoded = decode(batch.seal(encoder, read.value(), 1700000000));
        QCOMPARE(decoded.sizes, (std::vector<std::uint32_t>{4096, 4096, 1808}));
        QVERIFY(decoded.payload == input);
        QVERIFY(decoded.allSigned);
        QCOMPARE(decoded.lastTimestamp, std::uint64_t{1700000000});
    }

    void readReturnsWhatIsAvailableWithoutWaiting()
    {
        Pipe pipe;
        pipe.write(pattern(5));
        PacketBatch batch(4096);
        // The write end stays open: a read that waited to fill the batch would block here forever.
        const auto read = batch.readFrom(pipe.readEnd());
        QCOMPARE(read.value(), std::size_t{5});
    }

    void endOfInputGivesOneEmptyPacket()
    {
        Pipe pipe;
        pipe.closeWrite();
        PacketBatch batch(4096);
        PacketEncoder encoder(testUuid(), 3, kKey);
        const auto read = batch.readFrom(pipe.readEnd());
        QCOMPARE(read.value(), std::size_t{0});
        const auto packets = batch.seal(encoder, 0, 1700000000);
        QCOMPARE(packets.size(), kHeaderSize);
        const Decoded decoded = decode(packets);
        QCOMPARE(decoded.sizes, std::vector<std::uint32_t>{0});
        QVERIFY(decoded.allSigned);
    }

    void sealMatchesTheReferenceEncoder()
    {
        // Same bytes as PacketEncoder::appendPacket, which the §1.2 test vector covers.
        Pipe pipe;
        const std::vector<std::uint8_t> payload{'h', 'e', 'l', 'l', 'o', ' ', 'd', '4', '\n'};
        pipe.write(payload);
        PacketBatch batch(4096);
        PacketEncoder encoder(testUuid(), 3, kKey);
        const auto packets = batch.seal(encoder, batch.readFrom(pipe.readEnd()).value(), 1700000000);
        std::vector<std::uint8_t> expected;
        encoder.appendPacket(expected, payload, 1700000000);
        QVERIFY(std::equal(packets.begin(), packets.end(), expected.begin(), expected.end()));
    }

    // Signing on two threads produces byte for byte what one thread produces, for full and
    // partial batches alike.
    void twoThreadSealIsIdenticalToOneThread()
    {
        for (const std::size_t bytes :
             {std::size_t(60 * 1024 + 17), std::size_t(4096 * 15), std::size_t(5000)}) {
            PacketBatch single(1024, 128 * 1024);
            PacketBatch doubled(1024, 128 * 1024);
            for (PacketBatch *batch : {&single, &doubled}) {
                Pipe pipe;
                std::vector<std::uint8_t> payload(bytes);
                std::iota(payload.begin(), payload.end(), std::uint8_t{7});
                pipe.write(payload);
                pipe.closeWrite();
                std::size_t got = 0;
                while (got < bytes) {
                    const auto read = batch->readFrom(pipe.readEnd());
                    QVERIFY(read && read.value() > 0);
                    got += read.value();
                }
                QCOMPARE(got, bytes);
            }
            PacketEncoder encoder(testUuid(), 1, kKey);
            d4::sensor::ParallelSealer helper(std::make_unique<PacketEncoder>(testUuid(), 1, kKey));
            const auto one = single.seal(encoder, bytes, 1700000000);
            const std::vector<std::uint8_t> expected(one.begin(), one.end());
            const auto two = doubled.seal(encoder, bytes, 1700000000, &helper);
            QCOMPARE(std::vector<std::uint8_t>(two.begin(), two.end()), expected);
            const Decoded decoded = decode(two);
            QCOMPARE(decoded.payload.size(), bytes);
            QVERIFY(decoded.allSigned);
        }
    }

    void metaHeaderPreambleIsType2InSnaplenChunks()
    {
        d4::sensor::SensorConfig config;
        config.uuid = testUuid();
        config.key = kKey;
        config.type = 254;
        config.snaplen = 8;
        config.metaHeader = "{\"type\": \"ja3-jl\"}\n"; // 19 bytes
        const d4::sensor::MetaHeaderPreamble preamble(config);
        const auto bytes = preamble();
        const Decoded decoded = decode(bytes);
        QCOMPARE(decoded.sizes, (std::vector<std::uint32_t>{8, 8, 3}));
        QCOMPARE(decoded.types, (std::vector<std::uint8_t>{2, 2, 2}));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(decoded.payload.data()),
                            static_cast<qsizetype>(decoded.payload.size())),
                 config.metaHeader);
        QVERIFY(decoded.allSigned);
    }
};

QTEST_APPLESS_MAIN(TestPacketBatch)
#include "tst_packetbatch.moc"
