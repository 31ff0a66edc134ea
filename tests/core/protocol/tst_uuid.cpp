// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "protocol/uuid.h"

using namespace d4::protocol;

class TestUuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDashedAndPlain()
    {
        const auto dashed = parseUuid("1D940331-9FC9-4381-8FC9-3B624DB66025");
        const auto plain = parseUuid(" 1d9403319fc943818fc93b624db66025\n");
        QVERIFY(dashed && plain);
        QVERIFY(*dashed == *plain);
        QCOMPARE(uuidToDashed(*plain), std::string("1d940331-9fc9-4381-8fc9-3b624db66025"));
        QCOMPARE(uuidToHex(*plain), std::string("1d9403319fc943818fc93b624db66025"));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray("1d9403319fc943818fc93b624db6602");
        QTest::newRow("long") << QByteArray("1d9403319fc943818fc93b624db660255");
        QTest::newRow("non-hex") << QByteArray("1d9403319fc943818fc93b624db6602g");
        QTest::newRow("misplaced dash") << QByteArray("1d94033-19fc9-4381-8fc9-3b624db66025");
    }
    void rejectsMalformed()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseUuid(text.toStdString()));
    }

    void version4Check_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("v4");
        QTest::newRow("v4 variant 8") << QByteArray("1d940331-9fc9-4381-8fc9-3b624db66025") << true;
        QTest::newRow("v4 variant b") << QByteArray("1d940331-9fc9-4381-bfc9-3b624db66025") << true;
        QTest::newRow("v1") << QByteArray("1d940331-9fc9-1381-8fc9-3b624db66025") << false;
        QTest::newRow("variant c") << QByteArray("1d940331-9fc9-4381-cfc9-3b624db66025") << false;
        QTest::newRow("variant 7") << QByteArray("1d940331-9fc9-4381-7fc9-3b624db66025") << false;
    }
    void version4Check()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, v4);
        QCOMPARE(isUuidV4(*parseUuid(text.toStdString())), v4);
    }

    void generatedAreV4AndDistinct()
    {
        const Uuid a = generateUuidV4();
        const Uuid b = generateUuidV4();
        QVERIFY(isUuidV4(a));
        QVERIFY(isUuidV4(b));
        QVERIFY(a != b);
    }
};

QTEST_APPLESS_MAIN(TestUuid)
#include "tst_uuid.moc"
