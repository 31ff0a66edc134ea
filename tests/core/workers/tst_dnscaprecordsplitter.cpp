// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "workers/dnscaprecordsplitter.h"

using d4::workers::DnscapRecordSplitter;

class TestDnscapRecordSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findRecordStart_data()
    {
        QTest::addColumn<bool>("afterNewline");
        QTest::addColumn<QByteArray>("chunk");
        QTest::addColumn<qsizetype>("start");
        QTest::newRow("empty") << false << QByteArray() << qsizetype(-1);
        QTest::newRow("empty after newline") << true << QByteArray() << qsizetype(-1);
        QTest::newRow("no record") << false << QByteArray("a line\nanother line\n") << qsizetype(-1);
        QTest::newRow("bracket not at a line start") << false << QByteArray("x [y]\n") << qsizetype(-1);
        QTest::newRow("record in the middle") << false << QByteArray("end\n[56] rec\n[57]") << qsizetype(4);
        QTest::newRow("stream starts with a record") << false << QByteArray("[1] rec\n") << qsizetype(-1);
        QTest::newRow("newline ended the previous chunk") << true << QByteArray("[1] rec\n") << qsizetype(0);
        QTest::newRow("previous newline, no bracket") << true << QByteArray("x\n[2]") << qsizetype(2);
        QTest::newRow("newline at the end only") << false << QByteArray("text\n") << qsizetype(-1);
        QTest::newRow("bracket alone after newline") << false << QByteArray("\n[") << qsizetype(1);
    }

    void findRecordStart()
    {
        QFETCH(bool, afterNewline);
        QFETCH(QByteArray, chunk);
        QFETCH(qsizetype, start);
        DnscapRecordSplitter splitter;
        splitter.setAfterNewline(afterNewline);
        QCOMPARE(splitter.findRecordStart(chunk), start);
        QCOMPARE(splitter.afterNewline(), afterNewline); // finding does not consume
    }

    // The '\n' of "\n[" ends one stream entry and the '[' starts the next.
    void boundaryAcrossChunks()
    {
        DnscapRecordSplitter splitter;
        QCOMPARE(splitter.findRecordStart("[1] first record\nsecond line\n"), qsizetype(-1));
        splitter.advance("[1] first record\nsecond line\n");
        QVERIFY(splitter.afterNewline());
        QCOMPARE(splitter.findRecordStart("[2] next"), qsizetype(0));
        splitter.advance("[2] next");
        QVERIFY(!splitter.afterNewline());
        QCOMPARE(splitter.findRecordStart("[not a start"), qsizetype(-1));
        splitter.advance("");
        QVERIFY(!splitter.afterNewline()); // an empty chunk changes nothing
        splitter.advance("\n");
        QCOMPARE(splitter.findRecordStart("[3]"), qsizetype(0));
    }
};

QTEST_APPLESS_MAIN(TestDnscapRecordSplitter)
#include "tst_dnscaprecordsplitter.moc"
