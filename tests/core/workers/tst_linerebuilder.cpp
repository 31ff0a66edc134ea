// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "workers/linerebuilder.h"

using d4::workers::LineRebuilder;

class TestLineRebuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Checklist 28: "a\nb" then "c\n" gives exactly "a" and "bc".
    void acrossChunks()
    {
        LineRebuilder rebuilder(10000);
        QByteArrayList lines;
        rebuilder.feed("a\nb", lines);
        QCOMPARE(lines, QByteArrayList{"a"});
        QCOMPARE(rebuilder.pending(), QByteArray("b"));
        rebuilder.feed("c\n", lines);
        QCOMPARE(lines, (QByteArrayList{"a", "bc"}));
        QVERIFY(rebuilder.pending().isEmpty());
    }

    void emptyLinesAndManyInOneChunk()
    {
        LineRebuilder rebuilder(10000);
        QByteArrayList lines;
        rebuilder.feed("x\n\ny\nz", lines);
        QCOMPARE(lines, (QByteArrayList{"x", "", "y"}));
        rebuilder.feed("", lines);
        QCOMPARE(lines.size(), 3);
        rebuilder.feed("\n", lines);
        QCOMPARE(lines.constLast(), QByteArray("z"));
    }

    void splitEverywhere()
    {
        const QByteArray text = "first line\nsecond||line\n\nthird\n";
        for (int cut = 0; cut <= text.size(); ++cut) {
            LineRebuilder rebuilder(10000);
            QByteArrayList lines;
            rebuilder.feed(text.left(cut), lines);
            rebuilder.feed(text.mid(cut), lines);
            QCOMPARE(lines, (QByteArrayList{"first line", "second||line", "", "third"}));
            QVERIFY(rebuilder.pending().isEmpty());
        }
    }

    // The reference's forced newline: a line without '\n' is cut at the limit.
    void forcedNewline()
    {
        LineRebuilder rebuilder(10);
        QByteArrayList lines;
        rebuilder.feed("12345", lines);
        QVERIFY(lines.isEmpty());
        rebuilder.feed("67890ab", lines);
        QCOMPARE(lines, QByteArrayList{"1234567890"});
        QCOMPARE(rebuilder.pending(), QByteArray("ab"));
        rebuilder.feed(QByteArray(25, 'z'), lines);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[1], QByteArray("ab") + QByteArray(8, 'z'));
        QCOMPARE(lines[2], QByteArray(10, 'z'));
        QCOMPARE(rebuilder.pending(), QByteArray(7, 'z'));
    }

    void restoredPending()
    {
        LineRebuilder rebuilder(10000);
        rebuilder.setPending("half ");
        QByteArrayList lines;
        rebuilder.feed("line\n", lines);
        QCOMPARE(lines, QByteArrayList{"half line"});
    }
};

QTEST_APPLESS_MAIN(TestLineRebuilder)
#include "tst_linerebuilder.moc"
