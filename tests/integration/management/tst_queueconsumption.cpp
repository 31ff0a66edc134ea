// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Per-queue consumption against a real redis-server: a producer pushes through the workers' real
// fan-out (AnalyzerQueues, which counts its pushes) while a consumer RPOPs at a known rate, and the
// ManagementService must report that rate, not the net change of the length; with a queue at its
// maximum size (LTRIM drops), after a flush, and for a d4-core-style queue without counters.

#include <algorithm>
#include <functional>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "management/managementservice.h"
#include "redisserverfixture.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"
#include "testenvironment.h"
#include "workers/analyzerqueues.h"
#include "workers/queuemanager.h"

using namespace d4::test;
using namespace d4::management;
namespace storekeys = d4::store::keys;

namespace {

constexpr int kMetadataDb = 0;
constexpr int kAnalyzerDb = 2;
constexpr int kStreamDb = 4;
const QByteArray kSensor = "3b5c4f3e1d2a4b6c8d9e0f1a2b3c4d5e";
const QByteArray kQueue = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";

/**
 * Pushes (through the fan-out) or pops (RPOP with a count) so that the total done follows
 * rate × elapsed time, whatever the timer's jitter on a loaded machine.
 */
class PacedLoad final
{
public:
    PacedLoad(double perSecond, std::function<void(qint64)> step)
        : m_perSecond(perSecond)
        , m_step(std::move(step))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 done() const { return m_done; }

private:
    void tick()
    {
        const qint64 due = qint64(m_perSecond * double(m_clock.elapsed()) / 1000.0) - m_done;
        if (due > 0) {
            m_step(due);
            m_done += due;
        }
    }

    double m_perSecond;
    std::function<void(qint64)> m_step;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_done = 0;
};

QByteArrayList items(qint64 count)
{
    QByteArrayList result;
    for (qint64 i = 0; i < count; ++i) {
        result.append("/data/" + QByteArray::number(i) + ".gz");
    }
    return result;
}

/** The median of @p figure of the queue over the snapshots from the @p from-th on. */
double median(QSignalSpy &overviews, qsizetype from,
              const std::function<double(const QueueSummary &)> &figure)
{
    QList<double> rates;
    for (qsizetype i = from; i < overviews.size(); ++i) {
        const auto overview = overviews.at(i).at(0).value<std::shared_ptr<const Overview>>();
        if (!overview->queues.isEmpty()) {
            rates.append(figure(overview->queues.first()));
        }
    }
    if (rates.isEmpty()) {
        return -1;
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

double medianConsumption(QSignalSpy &overviews, qsizetype from)
{
    return median(overviews, from, [](const QueueSummary &queue) { return queue.consumedPerSecond; });
}

} // namespace

class TestQueueConsumption : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;

    ManagementOptions options(int notConsumedAfterMs = 60000)
    {
        ManagementOptions o;
        o.roles.metadata = m_redis.endpoint(kMetadataDb);
        o.roles.analyzer = m_redis.endpoint(kAnalyzerDb);
        o.roles.stream = m_redis.endpoint(kStreamDb);
        o.refreshIntervalMs = 100;
        o.monitoringIntervalMs = 0;
        o.rateWindowMs = 2000;
        o.notConsumedAfterMs = notConsumedAfterMs;
        return o;
    }
    bool createQueue(qint64 maxSize)
    {
        d4::workers::QueueManager manager(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
        QString error;
        return manager.create(3, {}, QStringLiteral("rate"), {}, kQueue, error).has_value() &&
               manager.setMaxSize(kQueue, maxSize, error);
    }
    QueueSummary latest(ManagementService &service)
    {
        const auto overview = service.latestOverview();
        return overview && !overview->queues.isEmpty() ? overview->queues.first() : QueueSummary();
    }

private Q_SLOTS:
    void init() { D4_START_REDIS(m_redis); }
    void cleanup() { m_redis.stop(); }

    // Filled at 300/s, consumed at 150/s: the length grows by 150/s, which is all the net change
    // of the length could show; the counted consumption must say 150/s.
    void consumptionWhileTheQueueIsFilled()
    {
        QVERIFY(createQueue(100000));
        d4::workers::AnalyzerQueues fanOut(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb),
                                           100000, 0);
        d4::store::RedisSyncClient consumer(m_redis.endpoint(kAnalyzerDb));
        const QByteArray list = storekeys::analyzerList("3", kQueue);
        qint64 popped = 0;
        PacedLoad producer(300,
                           [&](qint64 count) { QVERIFY(fanOut.push(kSensor, "3", false, items(count))); });
        PacedLoad consuming(150, [&](qint64 count) {
            popped += consumer.command({"RPOP", list, QByteArray::number(count)}).elements.size();
        });

        ManagementService service(options());
        QSignalSpy overviews(&service, &ManagementService::overviewUpdated);
        service.start();
        QTRY_VERIFY(service.latestOverview());
        producer.start();
        QTest::qWait(300); // something to consume first
        consuming.start();
        QTest::qWait(3000);
        const qsizetype from = overviews.size();
        QTest::qWait(1500);
        const double reported = medianConsumption(overviews, from);
        const double netGrowth = median(
            overviews, from, [](const QueueSummary &queue) { return queue.fillRate - queue.drainRate; });
        producer.stop();
        consuming.stop();

        QVERIFY2(popped > 0, "the consumer took nothing");
        qInfo("filled at 300/s, consumed at 150/s: reported %.1f/s, net length change %+.1f/s", reported,
              netGrowth);
        QVERIFY2(reported > 150 * 0.8 && reported < 150 * 1.2,
                 qPrintable(QStringLiteral("reported %1/s for a consumer at 150/s").arg(reported)));
        // What the length alone shows: it grows, as if nothing were consumed.
        QVERIFY2(netGrowth > 75, qPrintable(QStringLiteral("net change %1/s").arg(netGrowth)));
        QTRY_COMPARE(latest(service).pushedTotal.value_or(-1), producer.done());
        const QueueSummary last = latest(service);
        QVERIFY(!last.consumptionEstimated);
        QCOMPARE(last.droppedTotal, qint64(0));
        QCOMPARE(last.info.length, producer.done() - popped);
        QVERIFY(!last.notConsumed);
        QVERIFY(!last.nearFull);
        service.stop();
    }

    // A queue at its maximum size: LTRIM drops what consumers do not take, and those entries are
    // not counted as consumed; the near-max warning shows, and "not consumed" once the consumer stops.
    void consumptionOfAFullQueueAndTheWarnings()
    {
        QVERIFY(createQueue(100));
        d4::workers::AnalyzerQueues fanOut(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb),
                                           100000, 0);
        d4::store::RedisSyncClient consumer(m_redis.endpoint(kAnalyzerDb));
        const QByteArray list = storekeys::analyzerList("3", kQueue);
        PacedLoad producer(400,
                           [&](qint64 count) { QVERIFY(fanOut.push(kSensor, "3", false, items(count))); });
        qint64 popped = 0;
        PacedLoad consuming(100, [&](qint64 count) {
            popped += consumer.command({"RPOP", list, QByteArray::number(count)}).elements.size();
        });

        ManagementService service(options(1500));
        QSignalSpy overviews(&service, &ManagementService::overviewUpdated);
        service.start();
        producer.start();
        consuming.start();
        QTRY_VERIFY(latest(service).nearFull);
        QTest::qWait(2500);
        const qsizetype from = overviews.size();
        QTest::qWait(1500);
        const double reported = medianConsumption(overviews, from);
        qInfo("max_size 100, filled at 400/s, consumed at 100/s: reported %.1f/s", reported);
        QVERIFY2(reported > 100 * 0.8 && reported < 100 * 1.2,
                 qPrintable(QStringLiteral("reported %1/s for a consumer at 100/s").arg(reported)));
        QVERIFY(latest(service).droppedTotal > 0);
        // LTRIM 0 max_size keeps at most max_size + 1; the consumer takes one now and then.
        QVERIFY(latest(service).info.length <= 101 && latest(service).info.length >= 90);
        QVERIFY(!latest(service).notConsumed);

        // The consumer stops; the producer goes on: every push is dropped, nothing is consumed.
        consuming.stop();
        QTRY_VERIFY_WITH_TIMEOUT(latest(service).notConsumed, 10000);
        QTRY_COMPARE(latest(service).consumedPerSecond, 0.0);
        // It stays flagged while the fan-out keeps overflowing the queue.
        const qsizetype flagged = overviews.size();
        QTest::qWait(1500);
        for (qsizetype i = flagged; i < overviews.size(); ++i) {
            QVERIFY(
                overviews.at(i).at(0).value<std::shared_ptr<const Overview>>()->queues.first().notConsumed);
        }
        producer.stop();
        const qsizetype stopped = overviews.size();
        QTRY_VERIFY(overviews.size() > stopped + 1); // a snapshot taken after the last push

        // A flush removes entries nobody consumed: counted as dropped, not as consumption.
        const qint64 droppedBefore = latest(service).droppedTotal;
        QCOMPARE(*latest(service).pushedTotal - droppedBefore - popped, qint64(101));
        QSignalSpy actions(&service, &ManagementService::actionFinished);
        service.perform(QStringLiteral("flush"),
                        [](ManagementActions &management) { return management.flushQueue(kQueue); });
        QTRY_COMPARE(actions.size(), 1);
        QVERIFY(actions.at(0).at(1).value<ActionResult>().ok);
        QTRY_COMPARE(latest(service).info.length, 0);
        QCOMPARE(latest(service).droppedTotal, droppedBefore + 101);
        const qsizetype flushed = overviews.size();
        QTest::qWait(500);
        for (qsizetype i = flushed; i < overviews.size(); ++i) {
            QCOMPARE(overviews.at(i)
                         .at(0)
                         .value<std::shared_ptr<const Overview>>()
                         ->queues.first()
                         .consumedPerSecond,
                     0.0);
        }

        // Deleting the queue deletes its counters.
        service.perform(QStringLiteral("remove"),
                        [](ManagementActions &management) { return management.removeQueue(kQueue); });
        QTRY_COMPARE(actions.size(), 2);
        QVERIFY(m_redis.command({"HEXISTS", storekeys::analyzerQueuePushed(), kQueue}, kAnalyzerDb).integer ==
                0);
        QVERIFY(
            m_redis.command({"HEXISTS", storekeys::analyzerQueueDropped(), kQueue}, kAnalyzerDb).integer ==
            0);
        service.stop();
    }

    // d4-core's workers LPUSH and LTRIM without counting: the figure is the net decrease of the
    // length, marked as an estimate; a flush of such a queue writes no counter.
    void withoutCountersTheFigureIsAnEstimate()
    {
        QVERIFY(createQueue(100000));
        const QByteArray list = storekeys::analyzerList("3", kQueue);
        QByteArrayList fill{"LPUSH", list};
        fill += items(2000);
        m_redis.command(fill, kAnalyzerDb);
        d4::store::RedisSyncClient consumer(m_redis.endpoint(kAnalyzerDb));
        PacedLoad consuming(200, [&](qint64 count) {
            consumer.command({"RPOP", list, QByteArray::number(count)});
        });
        ManagementService service(options());
        QSignalSpy overviews(&service, &ManagementService::overviewUpdated);
        service.start();
        QTRY_VERIFY(service.latestOverview());
        consuming.start();
        QTest::qWait(2500);
        const qsizetype from = overviews.size();
        QTest::qWait(1500);
        const double reported = medianConsumption(overviews, from);
        consuming.stop();
        qInfo("no counters, drained at 200/s: estimate %.1f/s", reported);
        QVERIFY2(reported > 200 * 0.8 && reported < 200 * 1.2,
                 qPrintable(QStringLiteral("reported %1/s for a consumer at 200/s").arg(reported)));
        QVERIFY(latest(service).consumptionEstimated);
        QVERIFY(!latest(service).pushedTotal.has_value());

        QSignalSpy actions(&service, &ManagementService::actionFinished);
        service.perform(QStringLiteral("flush"),
                        [](ManagementActions &management) { return management.flushQueue(kQueue); });
        QTRY_COMPARE(actions.size(), 1);
        QVERIFY(actions.at(0).at(1).value<ActionResult>().ok);
        QCOMPARE(m_redis.command({"EXISTS", storekeys::analyzerQueueDropped()}, kAnalyzerDb).integer, 0);
        service.stop();
    }
};

QTEST_GUILESS_MAIN(TestQueueConsumption)
#include "tst_queueconsumption.moc"
