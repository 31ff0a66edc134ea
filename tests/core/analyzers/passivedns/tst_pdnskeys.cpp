// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Key builders of the passive DNS store: analyzer-d4-passivedns' layout, escaping, wildcard index.

#include <QTest>

#include "analyzers/passivedns/pdnskeys.h"

using namespace d4::passivedns;

class TestPdnsKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void d4Compatible()
    {
        QCOMPARE(keys::forward("www.example.com", 1), QByteArray("r:www.example.com:1"));
        QCOMPARE(keys::inverse("192.0.2.10", 1), QByteArray("v:192.0.2.10:1"));
        QCOMPARE(keys::firstSeen("www.example.com", "2001:db8::10", 28),
                 QByteArray("s:www.example.com:2001:db8::10:28"));
        QCOMPARE(keys::lastSeen("a", "b", 5), QByteArray("l:a:b:5"));
        QCOMPARE(keys::occurrences("a", "b", 5), QByteArray("o:a:b:5"));
        QCOMPARE(keys::processed(), QByteArray("stats:processed"));
        QCOMPARE(keys::sensorCounts(), QByteArray("stats:sensors"));
    }

    void namesWithColonsCannotCollide()
    {
        // ("a:b", "c") and ("a", "b:c") would both be s:a:b:c:1 without escaping.
        QVERIFY(keys::firstSeen("a:b", "c", 1) != keys::firstSeen("a", "b:c", 1));
        QCOMPARE(keys::keyName("a:b%c"), QByteArray("a%3Ab%25c"));
        QCOMPARE(keys::keyName("plain.example"), QByteArray("plain.example"));
    }

    void reversedNames()
    {
        QCOMPARE(keys::reversedName("www.example.com"), QByteArray("com.example.www."));
        QCOMPARE(keys::reversedName("com"), QByteArray("com."));
        QCOMPARE(keys::reversedName(""), QByteArray(""));
    }
};

QTEST_GUILESS_MAIN(TestPdnsKeys)
#include "tst_pdnskeys.moc"
