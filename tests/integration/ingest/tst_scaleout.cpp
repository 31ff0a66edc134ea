// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Two d4-server nodes on one Redis (docs/security.md, "Scale-out"): the state that must hold across
// nodes lives in Redis, so one connection per (UUID, type), kicks and blacklists hold whichever
// node a sensor reaches, and both nodes' sensors are visible in the shared keys.

#include <memory>

#include <QTest>

#include "ingesttestbase.h"

using namespace d4::test;

namespace {

constexpr int kWait = 5000;

} // namespace

class TestScaleOut : public IngestTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        m_a = std::make_unique<D4ServerProcess>();
        m_b = std::make_unique<D4ServerProcess>();
        QVERIFY2(m_a->start(m_redis), qPrintable(m_a->errorString()));
        QVERIFY2(m_b->start(m_redis), qPrintable(m_b->errorString()));
        QVERIFY(m_a->port() != m_b->port());
    }
    void cleanup()
    {
        m_a.reset();
        m_b.reset();
        m_redis.stop();
    }

    void oneConnectionPerUuidAndTypeAcrossNodes()
    {
        const auto uuid = newUuid();
        TestSensor onA(uuid, 8);
        QVERIFY(onA.connectTo(m_a->port()) && onA.send("first\n"));
        QVERIFY(!sessionOf(8, hex(uuid)).isEmpty());
        TestSensor onB(uuid, 8);
        QVERIFY(onB.connectTo(m_b->port()));
        onB.send("second\n");
        QVERIFY(onB.waitForClose(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(meta({"HGET", "metadata_uuid:" + hex(uuid), "Error"}).string,
                                  QByteArray("Error: This UUID is using the same UUID for one type=8"),
                                  kWait);
        QVERIFY(onA.send("first again\n"));
        QVERIFY(onA.isConnected());
        // Another type of the same sensor may use the other node.
        TestSensor otherType(uuid, 4);
        QVERIFY(otherType.connectTo(m_b->port()) && otherType.send("[1] dnscap record\n"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection"}).integer, 1LL, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(streams({"SISMEMBER", "active_connection:4", hex(uuid)}).integer == 1,
                                 kWait);
        QVERIFY(!otherType.waitForClose(500));
    }

    // Each node polls server:sensor_to_kick; whichever takes the UUID sets the lock-out, and the
    // node holding the connection drops it at its next access check.
    void kickReachesTheOtherNode()
    {
        const auto uuid = newUuid();
        TestSensor onA(uuid, 8);
        QVERIFY(onA.connectTo(m_a->port()) && onA.send("l\n"));
        QVERIFY(!sessionOf(8, hex(uuid)).isEmpty());
        streams({"SADD", "server:sensor_to_kick", hex(uuid)});
        QVERIFY(onA.waitForClose(kWait));
        TestSensor again(uuid, 8);
        QVERIFY(again.connectTo(m_b->port()));
        again.send("l\n");
        QVERIFY(again.waitForClose(kWait));
    }

    void blacklistHoldsOnBothNodes()
    {
        const auto uuid = newUuid();
        meta({"SADD", "blacklist_uuid", hex(uuid)});
        for (D4ServerProcess *node : {m_a.get(), m_b.get()}) {
            TestSensor sensor(uuid, 8);
            QVERIFY(sensor.connectTo(node->port()));
            sensor.send("l\n");
            QVERIFY(sensor.waitForClose(kWait));
        }
        QCOMPARE(streams({"EXISTS", "active_connection_by_uuid:" + hex(uuid)}).integer, 0LL);
    }

    // What a console attached to the shared Redis sees: the sensors of both nodes.
    void bothNodesSensorsAreShared()
    {
        const auto first = newUuid();
        const auto second = newUuid();
        TestSensor onA(first, 8);
        TestSensor onB(second, 8);
        QVERIFY(onA.connectTo(m_a->port()) && onA.send("a\n"));
        QVERIFY(onB.connectTo(m_b->port()) && onB.send("b\n"));
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "active_connection:8"}).integer, 2LL, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(streams({"SCARD", "session_uuid:8"}).integer, 2LL, kWait);
    }

private:
    std::unique_ptr<D4ServerProcess> m_a;
    std::unique_ptr<D4ServerProcess> m_b;
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
