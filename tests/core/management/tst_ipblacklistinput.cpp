// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The console's input checks that need no Redis: IP/CIDR expansion with its size guard, UUID
// normalisation (spec §9 #16), the escaped-key warning (§9 #6) and the status precedence.

#include <QTest>

#include "management/ipblacklistinput.h"
#include "management/sensorinput.h"
#include "management/sensorsummary.h"

using d4::management::IpBlacklistInput;
using d4::management::SensorInput;
using d4::management::SensorSummary;

class TestIpBlacklistInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleAddresses()
    {
        const auto v4 = IpBlacklistInput::parse(QStringLiteral(" 192.0.2.7 "));
        QVERIFY(v4.isValid());
        QVERIFY(!v4.isRange());
        QCOMPARE(v4.addresses(), QByteArrayList{"192.0.2.7"});
        const auto v6 = IpBlacklistInput::parse(QStringLiteral("2001:DB8::1"));
        QVERIFY(v6.isValid());
        QCOMPARE(v6.addresses(), QByteArrayList{"2001:db8::1"});
    }

    void cidrIsExpandedToEveryAddress()
    {
        const auto range = IpBlacklistInput::parse(QStringLiteral("10.1.2.0/30"));
        QVERIFY(range.isValid());
        QVERIFY(range.isRange());
        QCOMPARE(range.addresses(), (QByteArrayList{"10.1.2.0", "10.1.2.1", "10.1.2.2", "10.1.2.3"}));
        const auto v6 = IpBlacklistInput::parse(QStringLiteral("2001:db8::fe/127"));
        QVERIFY(v6.isValid());
        QCOMPARE(v6.addresses(), (QByteArrayList{"2001:db8::fe", "2001:db8::ff"}));
        const auto carry = IpBlacklistInput::parse(QStringLiteral("2001:db8::100/120"));
        QCOMPARE(carry.addressCount(), 256);
        QCOMPARE(carry.addresses().last(), QByteArray("2001:db8::1ff"));
        // A host part in the prefix is masked as QHostAddress::parseSubnet does.
        QCOMPARE(IpBlacklistInput::parse(QStringLiteral("10.1.2.3/31")).addresses(),
                 (QByteArrayList{"10.1.2.2", "10.1.2.3"}));
    }

    void hugeRangesAreRefused()
    {
        const auto slash16 = IpBlacklistInput::parse(QStringLiteral("172.16.0.0/16"));
        QVERIFY(slash16.isValid());
        QCOMPARE(slash16.addresses().size(), 65536);
        const auto slash15 = IpBlacklistInput::parse(QStringLiteral("172.16.0.0/15"));
        QVERIFY(!slash15.isValid());
        QCOMPARE(slash15.addressCount(), 131072);
        QVERIFY(slash15.error().contains(QStringLiteral("131072")));
        QVERIFY(slash15.addresses().isEmpty());
        const auto v6 = IpBlacklistInput::parse(QStringLiteral("2001:db8::/32"));
        QVERIFY(!v6.isValid());
        QVERIFY(v6.error().contains(QStringLiteral("2^96")));
        QVERIFY(!IpBlacklistInput::parse(QStringLiteral("10.0.0.0/24"), 100).isValid());
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("word") << QStringLiteral("localhost");
        QTest::newRow("bad octet") << QStringLiteral("300.1.1.1");
        QTest::newRow("bad prefix") << QStringLiteral("10.0.0.0/33");
        QTest::newRow("no prefix") << QStringLiteral("10.0.0.0/");
        QTest::newRow("negative") << QStringLiteral("10.0.0.0/-1");
    }
    void garbageIsRefused()
    {
        QFETCH(QString, text);
        const auto input = IpBlacklistInput::parse(text);
        QVERIFY(!input.isValid());
        QVERIFY(!input.error().isEmpty());
    }

    void uuidsAreNormalised()
    {
        QCOMPARE(SensorInput::normalizeUuid("3B5C4F3E-1D2A-4B6C-8D9E-0F1A2B3C4D5E"),
                 QByteArray("3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e"));
        QCOMPARE(SensorInput::normalizeUuid("3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e"),
                 QByteArray("3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e"));
        QVERIFY(SensorInput::normalizeUuid("3b5c4f3e1d2a1b6c8d9e0f1a2b3c4d5e").isEmpty()); // version 1
        QVERIFY(SensorInput::normalizeUuid("not a uuid").isEmpty());
    }

    void escapedKeysAreDetected()
    {
        QVERIFY(!SensorInput::keyHasEscapedCharacters("private key to change"));
        QVERIFY(SensorInput::keyHasEscapedCharacters("a&amp;b"));
        QVERIFY(SensorInput::keyHasEscapedCharacters("a<b"));
        QVERIFY(SensorInput::keyHasEscapedCharacters("it's"));
    }

    void statusPrecedence()
    {
        SensorSummary sensor;
        QCOMPARE(sensor.statusText(), QStringLiteral("OK"));
        sensor.error = QStringLiteral("Error: HMAC don't match");
        QCOMPARE(sensor.statusText(), sensor.error);
        sensor.ipBlacklisted = true;
        QCOMPARE(sensor.statusText(), QStringLiteral("All IP using this UUID are Blacklisted"));
        sensor.blacklisted = true;
        QCOMPARE(sensor.statusText(), QStringLiteral("Blacklisted UUID"));
    }
};

QTEST_GUILESS_MAIN(TestIpBlacklistInput)
#include "tst_ipblacklistinput.moc"
