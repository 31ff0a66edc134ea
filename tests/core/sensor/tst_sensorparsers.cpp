// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "sensor/backoff.h"
#include "sensor/endpoint.h"
#include "sensor/fingerprint.h"

using namespace std::chrono_literals;
using d4::sensor::Backoff;
using d4::sensor::Endpoint;

class TestSensorParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:4443") << true << QStringLiteral("127.0.0.1")
                              << 4443 << QStringLiteral("127.0.0.1:4443");
        QTest::newRow("ipv6") << QStringLiteral("[fe80::1]:1") << true << QStringLiteral("fe80::1") << 1
                              << QStringLiteral("[fe80::1]:1");
        QTest::newRow("name") << QStringLiteral(" localhost:65535 ") << true << QStringLiteral("localhost")
                              << 65535 << QStringLiteral("localhost:65535");
        QTest::newRow("bare ipv6") << QStringLiteral("fe80::1:4443") << false << QString() << 0 << QString();
        QTest::newRow("brackets without ipv6")
            << QStringLiteral("[host]:4443") << false << QString() << 0 << QString();
        QTest::newRow("signed port") << QStringLiteral("host:+4443") << false << QString() << 0 << QString();
        QTest::newRow("empty port") << QStringLiteral("host:") << false << QString() << 0 << QString();
        QTest::newRow("port 0") << QStringLiteral("host:0") << false << QString() << 0 << QString();
        QTest::newRow("port 65536") << QStringLiteral("host:65536") << false << QString() << 0 << QString();
    }
    void endpoints()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto endpoint = Endpoint::parse(text);
        QCOMPARE(endpoint.has_value(), valid);
        if (valid) {
            QFETCH(QString, host);
            QFETCH(int, port);
            QFETCH(QString, canonical);
            QCOMPARE(endpoint->host, host);
            QCOMPARE(int(endpoint->port), port);
            QCOMPARE(endpoint->toString(), canonical);
        }
    }

    void fingerprints()
    {
        const QString colons = QStringLiteral("E2:70:BD:B2:25:09:88:F1:78:FF:E0:64:EB:17:8B:1E:19:81:53:9E:"
                                              "96:5C:02:60:4C:B8:19:26:66:07:06:6B");
        const auto parsed = d4::sensor::parseSha256Fingerprint(colons);
        QVERIFY(parsed);
        QCOMPARE(d4::sensor::formatFingerprint(*parsed), colons);
        QString plain = colons.toLower();
        plain.remove(u':');
        QVERIFY(d4::sensor::parseSha256Fingerprint(plain) == parsed);
        QVERIFY(d4::sensor::parseSha256Fingerprint(QString(QStringLiteral("SHA256 Fingerprint=") + colons)) ==
                parsed);
        QVERIFY(!d4::sensor::parseSha256Fingerprint(plain.left(62)));
        QVERIFY(!d4::sensor::parseSha256Fingerprint(QString(plain + QStringLiteral("00"))));
        QVERIFY(!d4::sensor::parseSha256Fingerprint(QString(plain.left(63) + u'g')));
        QVERIFY(!d4::sensor::parseSha256Fingerprint(QString()));
    }

    void backoffDoublesUpToTheMaximum()
    {
        Backoff backoff(30s);
        const std::vector<std::chrono::milliseconds> expected{0s, 1s, 2s, 4s, 8s, 16s, 30s, 30s};
        for (const auto delay : expected) {
            QCOMPARE(backoff.next().count(), delay.count());
        }
        backoff.reset();
        QCOMPARE(backoff.next().count(), 0);
        QCOMPARE(backoff.next().count(), 1000);
    }

    void backoffMaximumBelowInitial()
    {
        Backoff backoff(500ms);
        QCOMPARE(backoff.next().count(), 0);
        QCOMPARE(backoff.next().count(), 500);
        QCOMPARE(backoff.next().count(), 500);
    }
};

QTEST_APPLESS_MAIN(TestSensorParsers)
#include "tst_sensorparsers.moc"
