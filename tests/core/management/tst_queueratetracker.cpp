// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Queue rates from successive snapshots: consumption from the push and drop counters when the
// workers keep them, the net length change otherwise (marked as an estimate), the "not consumed"
// flag in both cases, and histories that restart when a counter goes backwards.

#include <optional>

#include <QTest>

#include "management/queueratetracker.h"

using d4::management::QueueRateTracker;
using d4::management::QueueSummary;

namespace {

QueueSummary queue(qint64 length, std::optional<qint64> pushed, qint64 dropped = 0)
{
    QueueSummary q;
    q.info.uuid = "d42967c1f7ad464ebbc74464c653d7a6";
    q.info.type = 3;
    q.info.length = length;
    q.effectiveMaxSize = 100;
    q.pushedTotal = pushed;
    q.droppedTotal = dropped;
    return q;
}

/** Feeds one snapshot of one queue at @p ms and returns what the tracker derived. */
QueueSummary feed(QueueRateTracker &tracker, qint64 ms, QueueSummary q)
{
    QList<QueueSummary> queues{q};
    tracker.update(queues, ms);
    return queues.first();
}

} // namespace

class TestQueueRateTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countedConsumptionWhileTheQueueGrows()
    {
        QueueRateTracker tracker(2000, 60000);
        QCOMPARE(feed(tracker, 0, queue(0, 0)).consumedPerSecond, 0.0);
        feed(tracker, 1000, queue(50, 100));
        const QueueSummary now = feed(tracker, 2000, queue(100, 200));
        // 200 pushed, the length grew by 100: 100 consumed in 2 s, while the length only grew.
        QCOMPARE(now.consumedPerSecond, 50.0);
        QVERIFY(!now.consumptionEstimated);
        QCOMPARE(now.fillRate, 50.0);
        QCOMPARE(now.drainRate, 0.0);
    }

    void rateWindowUsesTheNewestOldEnoughSnapshot()
    {
        QueueRateTracker tracker(1000, 60000);
        feed(tracker, 0, queue(0, 0));
        feed(tracker, 500, queue(0, 1000)); // a burst consumed at once, before the window
        feed(tracker, 1000, queue(0, 1100));
        const QueueSummary now = feed(tracker, 2000, queue(0, 1300));
        QCOMPARE(now.consumedPerSecond, 200.0); // from the 1000 ms snapshot, not the 0 ms one
    }

    void droppedEntriesAreNotConsumption()
    {
        QueueRateTracker tracker(1000, 60000);
        feed(tracker, 0, queue(101, 500, 0));
        // 300 pushed into a full queue, 200 trimmed beyond max_size: 100 consumed.
        const QueueSummary now = feed(tracker, 1000, queue(101, 800, 200));
        QCOMPARE(now.consumedPerSecond, 100.0);
        // Nobody consumes: everything pushed is dropped.
        QCOMPARE(feed(tracker, 2000, queue(101, 1100, 500)).consumedPerSecond, 0.0);
    }

    void withoutCountersTheNetDecreaseIsAnEstimate()
    {
        QueueRateTracker tracker(1000, 60000);
        feed(tracker, 0, queue(100, std::nullopt));
        const QueueSummary down = feed(tracker, 1000, queue(40, std::nullopt));
        QVERIFY(down.consumptionEstimated);
        QCOMPARE(down.consumedPerSecond, 60.0);
        QCOMPARE(down.drainRate, 60.0);
        const QueueSummary up = feed(tracker, 2000, queue(90, std::nullopt));
        QCOMPARE(up.consumedPerSecond, 0.0); // filled faster than consumed: nothing can be seen
        QCOMPARE(up.fillRate, 50.0);
    }

    void aCounterGoingBackwardsRestartsTheHistory()
    {
        QueueRateTracker tracker(1000, 60000);
        feed(tracker, 0, queue(10, 1000));
        const QueueSummary again = feed(tracker, 1000, queue(0, 5)); // deleted and made again
        QCOMPARE(again.consumedPerSecond, 0.0);
        QCOMPARE(again.drainRate, 0.0);
        QCOMPARE(feed(tracker, 2000, queue(0, 25)).consumedPerSecond, 20.0);
        // Counters disappearing (a d4-core server now writes the queue) restart it as well.
        QCOMPARE(feed(tracker, 3000, queue(0, std::nullopt)).consumedPerSecond, 0.0);
    }

    void aSecondSnapshotInTheSameMillisecondKeepsTheHistory()
    {
        QueueRateTracker tracker(1000, 60000);
        feed(tracker, 0, queue(0, 0));
        feed(tracker, 1000, queue(0, 100));
        QCOMPARE(feed(tracker, 1000, queue(0, 100)).consumedPerSecond, 100.0);
    }

    void notConsumedWithCounters()
    {
        QueueRateTracker tracker(500, 1000);
        qint64 pushed = 0;
        qint64 length = 0;
        QueueSummary q;
        for (qint64 ms = 0; ms <= 900; ms += 100) {
            pushed += 10;
            length += 10;
            q = feed(tracker, ms, queue(length, pushed));
            QVERIFY(!q.notConsumed); // not held for a whole second yet
        }
        q = feed(tracker, 1000, queue(length += 10, pushed += 10));
        QVERIFY(q.notConsumed);
        // A snapshot between an overflow's transaction and its dropped count shows a consumption
        // that the next snapshot takes back: the flag holds through it.
        q = feed(tracker, 1100, queue(length, pushed += 10));
        QVERIFY(q.notConsumed);
        q = feed(tracker, 1200, queue(length, pushed, 10));
        QVERIFY(q.notConsumed);
        // Real consumption clears it (confirmed by two snapshots).
        feed(tracker, 1300, queue(length - 5, pushed, 10));
        q = feed(tracker, 1400, queue(length - 5, pushed, 10));
        QVERIFY(!q.notConsumed);
        // An empty queue is never flagged.
        QVERIFY(!feed(tracker, 1500, queue(0, pushed, 10 + length - 5)).notConsumed);
    }

    void notConsumedWithoutCountersIsAboutShrinking()
    {
        QueueRateTracker tracker(500, 1000);
        QVERIFY(!feed(tracker, 0, queue(3, std::nullopt)).notConsumed);
        QVERIFY(!feed(tracker, 600, queue(3, std::nullopt)).notConsumed);
        QVERIFY(feed(tracker, 1000, queue(4, std::nullopt)).notConsumed);
        QVERIFY(!feed(tracker, 1100, queue(1, std::nullopt)).notConsumed);
        QVERIFY(!feed(tracker, 2000, queue(1, std::nullopt)).notConsumed);
        QVERIFY(feed(tracker, 2100, queue(1, std::nullopt)).notConsumed);
    }

    void queuesAreTrackedApart()
    {
        QueueRateTracker tracker(1000, 60000);
        QueueSummary a = queue(0, 0);
        QueueSummary b = queue(0, 0);
        b.info.uuid = "7f0e9d8c7b6a4a5b9c8d7e6f5a4b3c2d";
        QList<QueueSummary> queues{a, b};
        tracker.update(queues, 0);
        a.pushedTotal = 10;
        b.pushedTotal = 30;
        queues = {a, b};
        tracker.update(queues, 1000);
        QCOMPARE(queues[0].consumedPerSecond, 10.0);
        QCOMPARE(queues[1].consumedPerSecond, 30.0);
        queues = {b}; // a deleted: b goes on
        b.pushedTotal = 60;
        queues = {b};
        tracker.update(queues, 2000);
        QCOMPARE(queues[0].consumedPerSecond, 30.0);
    }
};

QTEST_APPLESS_MAIN(TestQueueRateTracker)
#include "tst_queueratetracker.moc"
