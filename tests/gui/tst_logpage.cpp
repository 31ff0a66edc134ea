// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The log view offscreen: what LogSink collects shows up filtered by level, long lines never scroll
// the view sideways, and the view follows the tail only while the reader is at the bottom.

#include <QComboBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>

#include "log/logpage.h"
#include "log/logsink.h"

using d4::ui::LogEntry;
using d4::ui::LogPage;
using d4::ui::LogSink;

namespace {

void log(QtMsgType type, const QString &message)
{
    LogSink::instance().append(
        LogEntry{QDateTime::currentDateTime(), type, QStringLiteral("d4.test"), message});
}

} // namespace

class TestLogPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { LogSink::instance().take(); }

    void levelFilter()
    {
        LogPage page;
        log(QtDebugMsg, QStringLiteral("a debug line"));
        log(QtWarningMsg, QStringLiteral("a warning line"));
        page.drain();
        QVERIFY(page.text().contains(QStringLiteral("warning d4.test: a warning line")));
        QVERIFY(!page.text().contains(QStringLiteral("a debug line"))); // "Info and above" by default
    }

    void longLinesDoNotScrollSideways()
    {
        // As in the console: lines arrive while the page is hidden behind another one, then it is shown.
        LogPage page;
        page.resize(500, 300);
        auto *text = page.findChild<QPlainTextEdit *>(QStringLiteral("logText"));
        QVERIFY(text);
        for (int i = 0; i < 100; ++i) {
            log(QtInfoMsg, QStringLiteral("line %1 ").arg(i) + QString(400, QLatin1Char('x')));
            page.drain();
        }
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCoreApplication::processEvents();
        QVERIFY(text->horizontalScrollBar()->maximum() > 0); // the lines are wider than the view
        QCOMPARE(text->horizontalScrollBar()->value(), 0);
        QCOMPARE(text->verticalScrollBar()->value(), text->verticalScrollBar()->maximum());

        // Following the tail: at the bottom, new lines keep the view at the bottom.
        log(QtInfoMsg, QStringLiteral("one more ") + QString(400, QLatin1Char('y')));
        page.drain();
        QCoreApplication::processEvents();
        QCOMPARE(text->verticalScrollBar()->value(), text->verticalScrollBar()->maximum());
        QCOMPARE(text->horizontalScrollBar()->value(), 0);

        // A reader who scrolled up keeps reading where they are.
        text->verticalScrollBar()->setValue(10);
        log(QtInfoMsg, QStringLiteral("and another"));
        page.drain();
        QCoreApplication::processEvents();
        QCOMPARE(text->verticalScrollBar()->value(), 10);
        QVERIFY(page.text().endsWith(QStringLiteral("d4.test: and another")));
    }
};

QTEST_MAIN(TestLogPage)
#include "tst_logpage.moc"
