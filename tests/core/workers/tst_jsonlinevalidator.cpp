// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The type-6 (NDJSON) line check: every JSON text passes, everything else is refused with a reason.
// (No raw string literals here: moc does not read them.)

#include <QTest>

#include "workers/jsonlinevalidator.h"

using d4::workers::JsonLineValidator;

class TestJsonLineValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("object") << QByteArray("{\"a\":1,\"b\":[true,null,\"x\"]}");
        QTest::newRow("array") << QByteArray("[1, 2.5e3, -0]");
        QTest::newRow("string") << QByteArray("\"text with \\\"quotes\\\"\"");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("literal") << QByteArray("null");
        QTest::newRow("crlf") << QByteArray("{\"a\":1}\r");
        QTest::newRow("spaces") << QByteArray("  {}  ");
        QTest::newRow("utf8") << QByteArray("{\"n\":\"\xc3\xa9t\xc3\xa9\"}");
    }
    void accepted()
    {
        QFETCH(QByteArray, line);
        QString reason;
        QVERIFY2(JsonLineValidator::isJsonText(line, reason), qPrintable(reason));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("text") << QByteArray("not json at all");
        QTest::newRow("unterminated object") << QByteArray("{\"open\": ");
        QTest::newRow("two values") << QByteArray("{} {}");
        QTest::newRow("trailing comma") << QByteArray("[1,]");
        QTest::newRow("blank") << QByteArray("   ");
        QTest::newRow("two scalars") << QByteArray("1 2");
        QTest::newRow("bare word") << QByteArray("true false");
    }
    void refused()
    {
        QFETCH(QByteArray, line);
        QString reason;
        QVERIFY(!JsonLineValidator::isJsonText(line, reason));
        QVERIFY(!reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonLineValidator)
#include "tst_jsonlinevalidator.moc"
