// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "protocol/d4header.h"
#include "protocol/d4types.h"
#include "protocol/hmacsha256.h"
#include "protocol/packetencoder.h"
#include "protocol/uuid.h"

using namespace d4::protocol;

namespace {

QByteArray toHex(std::span<const std::uint8_t> bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()))
        .toHex();
}

std::span<const std::uint8_t> asBytes(const char *text, std::size_t length)
{
    return {reinterpret_cast<const std::uint8_t *>(text), length};
}

} // namespace

class TestD4Header : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // spec §1.2, first test vector: the whole packet, byte for byte.
    void specVectorTextPacket()
    {
        const Uuid uuid = *parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025");
        PacketEncoder encoder(uuid, 3, "private key to change");
        std::vector<std::uint8_t> packet;
        encoder.appendPacket(packet, asBytes("hello d4\n", 9), 1700000000);
        QCOMPARE(toHex(packet),
                 QByteArray("01031d9403319fc943818fc93b624db6602500f153650000000009e214f284c82b3439f183a82d04"
                            "4d92f41d2250107a08524e041c7c2e54bdfc0900000068656c6c6f2064340a"));
    }

    // spec §1.2, second test vector: type 1, empty payload.
    void specVectorEmptyPayload()
    {
        const Uuid uuid = *parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025");
        PacketEncoder encoder(uuid, 1, "private key to change");
        std::vector<std::uint8_t> packet;
        encoder.appendPacket(packet, {}, 1700000000);
        QCOMPARE(packet.size(), kHeaderSize);
        const Header header =
            decodeHeader(std::span<const std::uint8_t, kHeaderSize>(packet.data(), kHeaderSize));
        QCOMPARE(toHex(header.hmac),
                 QByteArray("ae2e0fdd0a1a05ca52fd7e55ab42303b5a833cd5975aa2231e4fc95c2f75a9ec"));
    }

    void decodeFieldsLittleEndian()
    {
        const QByteArray packet = QByteArray::fromHex("01031d9403319fc943818fc93b624db6602500f153650000000009"
                                                      "e214f284c82b3439f183a82d044d92f41d2250107a08524e"
                                                      "041c7c2e54bdfc0900000068656c6c6f2064340a");
        const Header header = decodeHeader(std::span<const std::uint8_t, kHeaderSize>(
            reinterpret_cast<const std::uint8_t *>(packet.data()), kHeaderSize));
        QCOMPARE(header.version, 1);
        QCOMPARE(header.type, 3);
        QCOMPARE(QByteArray::fromStdString(uuidToHex(header.uuid)),
                 QByteArray("1d9403319fc943818fc93b624db66025"));
        QCOMPARE(header.timestamp, quint64(1700000000));
        QCOMPARE(header.size, 9u);
    }

    void encodeDecodeRoundTrip()
    {
        Header header;
        header.version = 7;
        header.type = 254;
        header.uuid = generateUuidV4();
        header.timestamp = 0x0102030405060708ULL;
        header.hmac.fill(0xAB);
        header.size = 0xA1B2C3D4;
        std::array<std::uint8_t, kHeaderSize> bytes{};
        encodeHeader(header, bytes);
        QCOMPARE(bytes[kTimestampOffset], 0x08); // least significant byte first
        QCOMPARE(bytes[kSizeOffset], 0xD4);
        QVERIFY(decodeHeader(bytes) == header);
    }

    void hmacVerifiesAndRejectsFlippedBit()
    {
        const Uuid uuid = generateUuidV4();
        PacketEncoder encoder(uuid, 8, "secret");
        std::vector<std::uint8_t> packet;
        encoder.appendPacket(packet, asBytes("payload", 7), 42);
        HmacSha256 verifier("secret");
        const std::span<const std::uint8_t, kHeaderSize> header(packet.data(), kHeaderSize);
        QVERIFY(verifier.verifyPacket(header, std::span(packet).subspan(kHeaderSize)));
        packet.back() ^= 0x01;
        QVERIFY(!verifier.verifyPacket(header, std::span(packet).subspan(kHeaderSize)));
        packet.back() ^= 0x01;
        HmacSha256 wrongKey("Secret");
        QVERIFY(!wrongKey.verifyPacket(header, std::span(packet).subspan(kHeaderSize)));
    }

    // RFC 4231 test case 2 checks that digest() is plain HMAC-SHA256.
    void rfc4231Vector()
    {
        HmacSha256 hmac("Jefe");
        const char data[] = "what do ya want for nothing?";
        QCOMPARE(toHex(hmac.digest(asBytes(data, sizeof(data) - 1))),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void typeTableIsComplete()
    {
        QCOMPARE(typeTable().size(), std::size_t(10));
        QVERIFY(findType(9) == nullptr);
        QVERIFY(findType(255) == nullptr);
        QCOMPARE(findType(8)->description, std::string_view("passivedns CSV stream"));
        QList<int> defaults;
        for (const TypeInfo &info : typeTable()) {
            if (info.acceptedByDefault) {
                defaults.append(info.type);
            }
        }
        QCOMPARE(defaults, (QList<int>{1, 2, 4, 8, 254}));
    }
};

QTEST_APPLESS_MAIN(TestD4Header)
#include "tst_d4header.moc"
