// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>
#include <QThread>

#include "ingest/lograte.h"

using d4::ingest::LogRate;
using d4::ingest::RejectionReason;

class TestLogRate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capsLinesPerReasonAndReportsSuppressed()
    {
        LogRate rate(3);
        std::uint64_t suppressed = 0;
        std::uint64_t reported = 0;
        int allowed = 0;
        for (int i = 0; i < 100; ++i) {
            if (rate.allow(RejectionReason::HmacMismatch, suppressed)) {
                ++allowed;
                reported += suppressed;
            }
        }
        // The window may roll over once during the loop on a slow machine.
        QVERIFY2(allowed >= 3 && allowed <= 6, QByteArray::number(allowed).constData());
        // Another reason has its own budget.
        QVERIFY(rate.allow(RejectionReason::BlacklistedIp, suppressed));
        QCOMPARE(suppressed, 0u);
        QThread::msleep(1100);
        QVERIFY(rate.allow(RejectionReason::HmacMismatch, suppressed));
        // Every call is either a line or counted in a later "suppressed" note.
        QCOMPARE(reported + suppressed + static_cast<std::uint64_t>(allowed), 100u);
    }
};

QTEST_APPLESS_MAIN(TestLogRate)
#include "tst_lograte.moc"
