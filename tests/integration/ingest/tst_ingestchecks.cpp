// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The compatibility checklist of spec d4-server.md §10, items 1-25, against the real d4-server
// over TLS on loopback with a real redis-server.

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

#include "ingesttestbase.h"

using namespace d4::test;

namespace {

// How long an effect of the server may take to show in Redis: generous, because ctest runs these
// tests beside CPU-heavy ones (a 1,000-sensor storm) and the checks are about what happens, not how fast.
constexpr int kWait = 10000;

} // namespace

class TestIngestChecks : public IngestTestBase
{
    Q_OBJECT

private:
    D4ServerProcess m_server;

    /** A connected sensor of @p type, or a failed test. */
    std::unique_ptr<TestSensor> connected(const d4::protocol::Uuid &uuid, std::uint8_t type,
                                          std::string_view key = "private key to change")
    {
        auto sensor = std::make_unique<TestSensor>(uuid, type, key);
        if (!sensor->connectTo(m_server.port())) {
            return nullptr;
        }
        return sensor;
    }

    QByteArray errorOf(const QByteArray &uuid)
    {
        return meta({"HGET", "metadata_uuid:" + uuid, "Error"}).string;
    }

private Q_SLOTS:
    void initTestCase()
    {
        D4_START_REDIS(m_redis);
        QVERIFY2(m_server.start(m_redis), qPrintable(m_server.errorString()));
    }

    void cleanupTestCase() { QVERIFY2(m_server.stop(), m_server.output().constData()); }

    // 4. Start-up writes.
    void startupWrites()
    {
        QCOMPARE(meta({"GET", "server:hmac_default_key"}).string, QByteArray("private key to change"));
        QCOMPARE(meta({"SMEMBERS", "server:accepted_type"}).sortedStrings(),
                 (QByteArrayList{"1", "2", "254", "4", "8"}));
        QVERIFY(meta({"SMEMBERS", "server:accepted_extended_type"}).sortedStrings().contains("ja3-jl"));
        QCOMPARE(meta({"GET", "first_date"}).string,
                 QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1());
    }

    // 1. TLS over IPv4 and IPv6, no client certificate.
    void acceptsIpv4AndIpv6()
    {
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("::1")}) {
            const auto uuid = newUuid();
            TestSensor sensor(uuid, 1);
            QVERIFY2(sensor.connectTo(m_server.port(), host), qPrintable(host));
            QVERIFY(sensor.send("pcap bytes"));
            QVERIFY(!sessionOf(1, hex(uuid)).isEmpty());
            sensor.close();
        }
    }

    // 2 and 17. The spec's test-vector packet, byte for byte, becomes one stream entry.
    void specVectorPacketStored()
    {
        meta({"SADD", "server:accepted_type", "3"});
        const QByteArray packet = QByteArray::fromHex("01031d9403319fc943818fc93b624db6602500f153650000000009"
                                                      "e214f284c82b3439f183a82d044d92f41d2250107a08524e"
                                                      "041c7c2e54bdfc0900000068656c6c6f2064340a");
        TestSensor sensor(*d4::protocol::parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025"), 3);
        QVERIFY(sensor.connectTo(m_server.port()));
        QVERIFY(sensor.writeRaw(packet));
        const QByteArray session = sessionOf(3, "1d9403319fc943818fc93b624db66025");
        QVERIFY(QRegularExpression(
                    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(QString::fromLatin1(session))
                    .hasMatch());
        const RedisReply entries = streams({"XRANGE", "stream:3:" + session, "-", "+"});
        QCOMPARE(entries.elements.size(), 1);
        const RedisReply fields = entries.elements[0].elements[1];
        QCOMPARE(fields.elements.size(), 8);
        QCOMPARE(fields.elements[0].string, QByteArray("message"));
        QCOMPARE(fields.elements[1].string, QByteArray("hello d4\n"));
        QCOMPARE(fields.elements[2].string, QByteArray("uuid"));
        QCOMPARE(fields.elements[3].string, QByteArray("1d9403319fc943818fc93b624db66025"));
        QCOMPARE(fields.elements[4].string, QByteArray("timestamp"));
        QCOMPARE(fields.elements[5].string, QByteArray("1700000000"));
        QCOMPARE(fields.elements[6].string, QByteArray("version"));
        QCOMPARE(fields.elements[7].string, QByteArray("1"));
        sensor.close();
    }

    // 3 and 18. A flipped bit closes the connection, stores the Error, and creates no session.
    void hmacMismatch()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QByteArray packet = sensor->packet("some payload");
        packet[packet.size() - 1] = static_cast<char>(packet.at(packet.size() - 1) ^ 0x01);
        QVERIFY(sensor->writeRaw(packet));
        QVERIFY(sensor->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)), QByteArray("Error: HMAC don't match"), kWait);
        // Every rejection is counted per reason where a console can read it.
        QTRY_VERIFY_WITH_TIMEOUT(
            meta({"HGET", "d4console:ingest:rejections", "hmac-mismatch"}).string.toInt() >= 1, kWait);
        QVERIFY(!streams({"SMEMBERS", "session_uuid:1"}).sortedStrings().contains(hex(uuid)));
        QVERIFY(sessionOf(1, hex(uuid)).isEmpty());
    }

    void perSensorKeyOverridesDefault()
    {
        const auto uuid = newUuid();
        meta({"HSET", "metadata_uuid:" + hex(uuid), "hmac_key", "sensor's own key"});
        auto withDefault = connected(uuid, 8);
        QVERIFY(withDefault);
        QVERIFY(withDefault->send("line\n"));
        QVERIFY(withDefault->waitForClose(kWait));
        auto withOwn = connected(uuid, 8, "sensor's own key");
        QVERIFY(withOwn);
        QVERIFY(withOwn->send("line\n"));
        QVERIFY(!sessionOf(8, hex(uuid)).isEmpty());
        QVERIFY(withOwn->isConnected());
    }

    // A sensor that sends a wrong HMAC after good packets: the good ones stay, the connection closes.
    void wrongHmacAfterGoodPackets()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QVERIFY(sensor->send("one") && sensor->send("two"));
        QByteArray bad = sensor->packet("three");
        bad[30] = static_cast<char>(bad.at(30) ^ 0x80);
        QVERIFY(sensor->writeRaw(bad));
        QVERIFY(sensor->waitForClose(kWait));
        const QByteArray session = sessionOf(1, hex(uuid));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:1:" + session}).integer, 2LL, kWait);
        // The Error is written on the metadata connection, the stream entries on another: no order between
        // them.
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)), QByteArray("Error: HMAC don't match"), kWait);
    }

    // 5. Only version-4 UUIDs.
    void nonV4UuidClosed()
    {
        auto uuid = newUuid();
        uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x10);
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QVERIFY(sensor->send("x"));
        QVERIFY(sensor->waitForClose(kWait));
        QVERIFY(sessionOf(1, hex(uuid)).isEmpty());
    }

    // 6. Types outside server:accepted_type.
    void typeNotAccepted()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 6);
        QVERIFY(sensor);
        QVERIFY(sensor->send("{}\n"));
        QVERIFY(sensor->waitForClose(kWait));
        meta({"SADD", "server:accepted_type", "6"});
        auto again = connected(uuid, 6);
        QVERIFY(again);
        QVERIFY(again->send("{}\n"));
        QVERIFY(!sessionOf(6, hex(uuid)).isEmpty());
        meta({"SREM", "server:accepted_type", "6"});
    }

    // 8. UUID blacklist, and the IP blacklist on the first chunk.
    void blacklists()
    {
        const auto uuid = newUuid();
        meta({"SADD", "blacklist_uuid", hex(uuid)});
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QVERIFY(sensor->send("x"));
        QVERIFY(sensor->waitForClose(kWait));
        meta({"SREM", "blacklist_uuid", hex(uuid)});

        meta({"SADD", "blacklist_ip", "::1"});
        TestSensor fromV6(newUuid(), 1);
        QVERIFY(!fromV6.connectTo(m_server.port(), QStringLiteral("::1")));
        meta({"SREM", "blacklist_ip", "::1"});
        QTRY_VERIFY_WITH_TIMEOUT(
            meta({"HGET", "d4console:ingest:rejections", "blacklisted-uuid"}).string.toInt() >= 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            meta({"HGET", "d4console:ingest:rejections", "blacklisted-ip"}).string.toInt() >= 1, kWait);
    }

    // 9. blacklist_ip_by_uuid blacklists the peer IP as well.
    void blacklistIpByUuid()
    {
        const auto uuid = newUuid();
        meta({"SADD", "blacklist_ip_by_uuid", hex(uuid)});
        TestSensor sensor(uuid, 1);
        QVERIFY(sensor.connectTo(m_server.port(), QStringLiteral("::1")));
        QVERIFY(sensor.send("x"));
        QVERIFY(sensor.waitForClose(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(meta({"SISMEMBER", "blacklist_ip", "::1"}).integer == 1, kWait);
        meta({"SREM", "blacklist_ip", "::1"});
        meta({"SREM", "blacklist_ip_by_uuid", hex(uuid)});
    }

    // 10. Payload size limit: 1,000,000 accepted, 1,000,001 refused.
    void sizeLimit()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QVERIFY(sensor->send(QByteArray(1000000, 'a')));
        const QByteArray session = sessionOf(1, hex(uuid));
        QVERIFY(!session.isEmpty());
        QByteArray header = sensor->packet({});
        const quint32 oversize = 1000001;
        for (int i = 0; i < 4; ++i) {
            header[58 + i] = static_cast<char>((oversize >> (8 * i)) & 0xFF);
        }
        QVERIFY(sensor->writeRaw(header));
        QVERIFY(sensor->waitForClose(kWait));
        QCOMPARE(streams({"XLEN", "stream:1:" + session}).integer, 1LL);
    }

    // 11. One connection per (UUID, type); the first connection is untouched.
    void duplicateConnectionRefused()
    {
        const auto uuid = newUuid();
        auto first = connected(uuid, 1);
        QVERIFY(first && first->send("first"));
        const QByteArray session = sessionOf(1, hex(uuid));
        QVERIFY(!session.isEmpty());
        auto second = connected(uuid, 1);
        QVERIFY(second && second->send("second"));
        QVERIFY(second->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(
            errorOf(hex(uuid)), QByteArray("Error: This UUID is using the same UUID for one type=1"), kWait);
        QVERIFY(first->send("first again"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:1:" + session}).integer, 2LL, kWait);
        QVERIFY(first->isConnected());
    }

    // 12. Two type-2 connections of one UUID are both accepted.
    void twoType2ConnectionsAccepted()
    {
        const auto uuid = newUuid();
        auto a = connected(uuid, 2);
        auto b = connected(uuid, 2);
        QVERIFY(a && b);
        QVERIFY(a->send("{\"type\":\"ja3-jl\"}") && b->send("{\"type\":\"ja3-jl\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_uuid_type2:" + hex(uuid)}).integer, 2LL, kWait);
        QVERIFY(!a->waitForClose(300));
        QVERIFY(b->isConnected());
    }

    // 13. 254 as a first packet is refused.
    void type254FirstRefused()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 254);
        QVERIFY(sensor && sensor->send("data"));
        QVERIFY(sensor->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)),
                                  QByteArray("Error: a type 2 packet must be sent, type=254"), kWait);
    }

    // 14. 2 then 254 on one connection.
    void type2Then254()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 2);
        QVERIFY(sensor && sensor->send("{\"type\":\"ja3-jl\"}"));
        const QByteArray session = sessionOf(2, hex(uuid));
        QVERIFY(!session.isEmpty());
        sensor->setType(254);
        QVERIFY(sensor->send("extended line\n"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:254:" + session}).integer, 1LL, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection:254", hex(uuid)}).integer, 1LL,
                                  kWait);
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection:2", hex(uuid)}).integer, 0LL,
                                  kWait);
        QVERIFY(meta({"SMEMBERS", "all_types_by_uuid:" + hex(uuid)}).sortedStrings() ==
                (QByteArrayList{"2", "254"}));
        QVERIFY(sensor->isConnected());
    }

    // 15. Illegal type change and UUID change.
    void typeAndUuidChangeRefused()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor && sensor->send("pcap"));
        QVERIFY(!sessionOf(1, hex(uuid)).isEmpty());
        sensor->setType(8);
        QVERIFY(sensor->send("line\n"));
        QVERIFY(sensor->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)),
                                  QByteArray("Error: Unexpected type change type=1, new type=8"), kWait);

        const auto first = newUuid();
        const auto second = newUuid();
        auto changer = connected(first, 1);
        QVERIFY(changer && changer->send("pcap"));
        TestSensor impostor(second, 1);
        QVERIFY(changer->writeRaw(impostor.packet("other")));
        QVERIFY(changer->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(second)), "Error: The uuid change, new_uuid=" + hex(second),
                                  kWait);
    }

    // 16. Three packets in one write; one packet in three writes; one byte at a time.
    void framingAcrossWrites()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        QVERIFY(sensor->writeRaw(sensor->packet("a") + sensor->packet("bb") + sensor->packet("ccc")));
        const QByteArray split = sensor->packet("split packet");
        QVERIFY(sensor->writeRaw(split.left(10)));
        QVERIFY(sensor->writeRaw(split.mid(10, 60)));
        QVERIFY(sensor->writeRaw(split.mid(70)));
        const QByteArray bytewise = sensor->packet("byte by byte");
        for (char byte : bytewise) {
            QVERIFY(sensor->writeRaw(QByteArray(1, byte)));
        }
        const QByteArray session = sessionOf(1, hex(uuid));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"XLEN", "stream:1:" + session}).integer, 5LL, kWait);
        const RedisReply entries = streams({"XRANGE", "stream:1:" + session, "-", "+"});
        QByteArrayList messages;
        for (const RedisReply &entry : entries.elements) {
            messages.append(entry.elements[1].elements[1].string);
        }
        QCOMPARE(messages, (QByteArrayList{"a", "bb", "ccc", "split packet", "byte by byte"}));
    }

    // 19. Per-sensor stream limit.
    void streamLimit()
    {
        const auto uuid = newUuid();
        meta({"HSET", "stream_max_size_by_uuid", hex(uuid), "3"});
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(sensor->send("packet " + QByteArray::number(i)));
        }
        QVERIFY(sensor->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)), QByteArray("Error: stream exceed max entries limit"),
                                  kWait);
        QCOMPARE(streams({"XLEN", "stream:1:" + sessionOf(1, hex(uuid))}).integer, 3LL);
    }

    // 20. Error cleared, first_seen once, last_seen updated, per type too.
    void metadataFields()
    {
        const auto uuid = newUuid();
        const QByteArray key = "metadata_uuid:" + hex(uuid);
        meta({"HSET", key, "Error", "Error: old"});
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        auto sensor = connected(uuid, 8);
        QVERIFY(sensor && sensor->send("line\n"));
        QTRY_VERIFY_WITH_TIMEOUT(meta({"HEXISTS", key, "Error"}).integer == 0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!meta({"HGET", key, "last_seen"}).isNil(), kWait);
        const qint64 firstSeen = meta({"HGET", key, "first_seen"}).string.toLongLong();
        QVERIFY(firstSeen >= before && firstSeen <= QDateTime::currentSecsSinceEpoch());
        QTRY_VERIFY_WITH_TIMEOUT(
            !meta({"HGET", "metadata_type_by_uuid:" + hex(uuid) + ":8", "last_seen"}).isNil(), kWait);
        QVERIFY(!meta({"HGET", "metadata_type_by_uuid:" + hex(uuid) + ":8", "first_seen"}).isNil());
        sensor->close();
        auto again = connected(uuid, 8);
        QVERIFY(again && again->send("line\n"));
        QTest::qWait(1200);
        QCOMPARE(meta({"HGET", key, "first_seen"}).string.toLongLong(), firstSeen);
    }

    // 21. Daily statistics count packets.
    void dailyStatistics()
    {
        const auto uuid = newUuid();
        const QByteArray id = hex(uuid);
        const QByteArray date = QDate::currentDate().toString(QStringLiteral("yyyyMMdd")).toLatin1();
        auto sensor = connected(uuid, 8);
        QVERIFY(sensor);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(sensor->send("l\n"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(meta({"ZSCORE", "daily_uuid:" + date, id}).string, QByteArray("5"), kWait);
        QCOMPARE(meta({"ZSCORE", "stat_uuid_ip:" + date + ':' + id, "127.0.0.1"}).string, QByteArray("5"));
        QCOMPARE(meta({"ZSCORE", "stat_ip_uuid:" + date + ":127.0.0.1", id}).string, QByteArray("5"));
        QCOMPARE(meta({"ZSCORE", "stat_type_uuid:" + date + ":8", id}).string, QByteArray("5"));
        QCOMPARE(meta({"ZSCORE", "stat_uuid_type:" + date + ':' + id, "8"}).string, QByteArray("5"));
        QVERIFY(meta({"ZSCORE", "daily_type:" + date, "8"}).string.toLongLong() >= 5);
        QVERIFY(meta({"ZSCORE", "daily_ip:" + date, "127.0.0.1"}).string.toLongLong() >= 5);
    }

    // 22. Recent IPs: one entry per session, at most 16, IPv4 without the ::ffff: prefix.
    void recentIps()
    {
        const auto uuid = newUuid();
        for (int i = 0; i < 18; ++i) {
            auto sensor = connected(uuid, 8);
            QVERIFY(sensor && sensor->send("l\n"));
            QTRY_COMPARE_WITH_TIMEOUT(meta({"LLEN", "list_uuid_ip:" + hex(uuid)}).integer,
                                      qint64(std::min(i + 1, 16)), kWait);
            sensor->close();
            QTRY_VERIFY_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection:8", hex(uuid)}).integer == 0,
                                     kWait);
        }
        const QByteArray newest = meta({"LINDEX", "list_uuid_ip:" + hex(uuid), "0"}).string;
        QVERIFY2(QRegularExpression(QStringLiteral("^127\\.0\\.0\\.1-\\d{14}$"))
                     .match(QString::fromLatin1(newest))
                     .hasMatch(),
                 newest.constData());
    }

    // 23. Clean-up on close.
    void cleanupOnClose()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 1);
        QVERIFY(sensor && sensor->send("x"));
        const QByteArray session = sessionOf(1, hex(uuid));
        QCOMPARE(streams({"SISMEMBER", "active_connection", hex(uuid)}).integer, 1LL);
        QCOMPARE(
            streams({"SISMEMBER", "map:active_connection-uuid-session_uuid:" + hex(uuid), session}).integer,
            1LL);
        sensor->close();
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SISMEMBER", "ended_session", session}).integer, 1LL, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection", hex(uuid)}).integer, 0LL, kWait);
        QCOMPARE(streams({"SISMEMBER", "active_connection:1", hex(uuid)}).integer, 0LL);
        QCOMPARE(streams({"EXISTS", "active_connection_by_uuid:" + hex(uuid)}).integer, 0LL);
        QCOMPARE(streams({"EXISTS", "map:active_connection-uuid-session_uuid:" + hex(uuid)}).integer, 0LL);
    }

    // 24. Kick: disconnect, 30-s lock-out, Error on reconnect.
    void kick()
    {
        const auto uuid = newUuid();
        auto sensor = connected(uuid, 8);
        QVERIFY(sensor && sensor->send("l\n"));
        QVERIFY(!sessionOf(8, hex(uuid)).isEmpty());
        streams({"SADD", "server:sensor_to_kick", hex(uuid)});
        QVERIFY(sensor->waitForClose(kWait));
        const qint64 ttl = streams({"TTL", "temp_blacklist_uuid:" + hex(uuid)}).integer;
        QVERIFY2(ttl > 0 && ttl <= 30, QByteArray::number(ttl).constData());
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "server:sensor_to_kick"}).integer, 0LL, kWait);
        auto again = connected(uuid, 8);
        QVERIFY(again && again->send("l\n"));
        QVERIFY(again->waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(errorOf(hex(uuid)),
                                  QByteArray("Error: This UUID is temporarily blacklisted"), kWait);
    }
};

QTEST_GUILESS_MAIN(TestIngestChecks)
#include "tst_ingestchecks.moc"
