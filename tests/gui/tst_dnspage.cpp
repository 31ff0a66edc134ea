// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The DNS page offscreen, against a real redis-server filled by the real analyzer: search on a
// worker thread, the results model (QAbstractItemModelTester), sorting, copying, the three exports,
// the live charts, and the remote analyzer queue box fed by a real consumer of a second redis-server.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnsstatuspublisher.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "api/cofformat.h"
#include "charts/qcustomplotinclude.h"
#include "dns/dnspage.h"
#include "dns/dnsresultsmodel.h"
#include "dns/remotequeuebox.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "theme/palette.h"

using namespace d4;
using namespace d4::test;

class TestDnsPage : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    RedisServerFixture m_remote; ///< the remote D4 server's ANALYZER Redis (remote queue test)
    std::unique_ptr<passivedns::PdnsAnalyzer> m_analyzer;
    std::unique_ptr<passivedns::RemoteQueueConsumer> m_consumer;

    void feed(const QByteArrayList &lines)
    {
        m_analyzer->onLines("0123456789abcdef0123456789abcdef", "8", lines);
        QVERIFY(m_analyzer->waitIdle(20000));
    }
    static QByteArray line(const QByteArray &name, const QByteArray &type, const QByteArray &answer,
                           int count, qint64 seconds = 1700000000)
    {
        return QByteArray::number(seconds) + ".000001||10.0.0.2||10.0.0.1||IN||" + name + "||" + type + "||" +
               answer + "||300||" + QByteArray::number(count);
    }
    bool searchFor(ui::DnsPage &page, const QString &text, int expected)
    {
        QSignalSpy finished(&page, &ui::DnsPage::searchFinished);
        page.searchBox()->setText(text);
        QTest::keyClick(page.searchBox(), Qt::Key_Return);
        if (!finished.wait(10000)) {
            return false;
        }
        return finished.first().at(0).toInt() == expected && finished.first().at(1).toString().isEmpty();
    }

private Q_SLOTS:
    void init()
    {
        D4_START_REDIS(m_redis);
        passivedns::AnalyzerSettings settings;
        settings.redis = m_redis.endpoint(3);
        m_analyzer = std::make_unique<passivedns::PdnsAnalyzer>(settings);
        QString error;
        QVERIFY2(m_analyzer->start(error), qPrintable(error));
    }
    void cleanup()
    {
        m_consumer.reset();
        m_analyzer.reset();
        m_remote.stop();
        m_redis.stop();
    }

    void searchSortCopyExport()
    {
        feed({line("www.example.com.", "A", "192.0.2.10", 5, 1700000100),
              line("www.example.com.", "AAAA", "2001:db8::10", 2),
              line("www.example.com.", "TXT", "\"a,b \"\"q\"\"\"", 9),
              line("mail.example.com.", "A", "192.0.2.10", 1)});
        ui::DnsPage page(m_redis.endpoint(3), m_analyzer.get());
        page.resize(1000, 700);
        page.show();
        QAbstractItemModelTester tester(page.resultsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(searchFor(page, QStringLiteral("WWW.example.com."), 3));
        ui::DnsResultsModel *model = page.resultsModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(ui::DnsResultsModel::ColumnCount));
        // Sort by count, descending, through the view's header.
        page.resultsView()->sortByColumn(ui::DnsResultsModel::Count, Qt::DescendingOrder);
        QCOMPARE(model->index(0, ui::DnsResultsModel::Count).data().toLongLong(), 9);
        QCOMPARE(model->index(2, ui::DnsResultsModel::Count).data().toLongLong(), 2);
        page.resultsView()->sortByColumn(ui::DnsResultsModel::RrType, Qt::AscendingOrder);
        QCOMPARE(model->index(0, ui::DnsResultsModel::RrType).data().toString(), QStringLiteral("A"));
        QCOMPARE(model->index(0, ui::DnsResultsModel::TimeLast).data().toString(),
                 QStringLiteral("2023-11-14T22:15:00Z"));
        // Copy: the selected cells as tab-separated text.
        page.resultsView()->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(0, 2)),
                                                     QItemSelectionModel::Select);
        page.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("www.example.com\tA\t192.0.2.10"));

        // Exports.
        const QByteArray ndjson = page.exportResults(ui::DnsPage::ExportFormat::Ndjson);
        QCOMPARE(ndjson.count('\n'), 3);
        for (const QByteArray &cof : ndjson.split('\n')) {
            if (!cof.isEmpty()) {
                QVERIFY(api::CofFormat::parse(cof));
            }
        }
        const QByteArray csv = page.exportResults(ui::DnsPage::ExportFormat::Csv);
        QVERIFY(csv.startsWith("rrname,rrtype,rdata,time_first,time_last,count,sensor_id\r\n"));
        QVERIFY(csv.contains("www.example.com,TXT,\"\"\"a,b \"\"\"\"q\"\"\"\"\"\"\",2023-11-14T22:13:20Z"));
        const QJsonObject misp =
            QJsonDocument::fromJson(page.exportResults(ui::DnsPage::ExportFormat::Misp)).object();
        const QJsonArray objects = misp.value(QLatin1String("Object")).toArray();
        QCOMPARE(objects.size(), 3);
        QCOMPARE(objects[0].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("passive-dns"));
        QStringList relations;
        for (const QJsonValue &attribute :
             objects[0].toObject().value(QLatin1String("Attribute")).toArray()) {
            relations.append(attribute.toObject().value(QLatin1String("object_relation")).toString());
        }
        for (const char *relation :
             {"rrname", "rrtype", "rdata", "time_first", "time_last", "count", "sensor_id"}) {
            QVERIFY2(relations.contains(QLatin1String(relation)), relation);
        }

        // Address, wildcard and rdata searches.
        QVERIFY(searchFor(page, QStringLiteral("192.0.2.10"), 2));
        QVERIFY(searchFor(page, QStringLiteral("*.example.com"), 4));
        QVERIFY(searchFor(page, QStringLiteral("=2001:db8::10"), 1));
        QVERIFY(searchFor(page, QStringLiteral("nothing.example"), 0));
    }

    void searchWithoutRedisReportsError()
    {
        store::RedisEndpoint nowhere;
        nowhere.host = QStringLiteral("127.0.0.1");
        nowhere.port = 1;
        ui::DnsPage page(nowhere);
        QSignalSpy finished(&page, &ui::DnsPage::searchFinished);
        page.searchBox()->setText(QStringLiteral("www.example.com"));
        page.search();
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().at(1).toString().isEmpty());
        QCOMPARE(page.resultsModel()->rowCount(), 0);
    }

    void liveCharts()
    {
        ui::DnsPage page(m_redis.endpoint(3), m_analyzer.get());
        page.show();
        page.sample();
        feed({line("a.example.", "A", "192.0.2.1", 1), line("b.example.", "AAAA", "2001:db8::1", 1),
              line("a.example.", "A", "192.0.2.2", 1)});
        QTest::qWait(50);
        page.sample();
        QCOMPARE(page.recordsRatePoints(), 1);
        QVERIFY(page.ratesPlot()->graph(0)->data()->at(0)->value > 0);
        QCOMPARE(page.typesPlot()->plottableCount(), 1);
        auto *types = qobject_cast<QCPBars *>(page.typesPlot()->plottable(0));
        QVERIFY(types);
        QCOMPARE(types->data()->size(), 2); // A and AAAA
        auto *names = qobject_cast<QCPBars *>(page.namesPlot()->plottable(0));
        QVERIFY(names);
        QCOMPARE(names->data()->size(), 2);
        QCOMPARE(names->data()->at(0)->value, 2.0); // a.example first
        // Without an analyzer the page reads the store's counters in the background.
        ui::DnsPage storeOnly(m_redis.endpoint(3));
        storeOnly.sample();
        QTRY_VERIFY_WITH_TIMEOUT(storeOnly.typesPlot()->plottableCount() == 1, 5000);
    }

    // The remote analyzer queue box: hidden without a consumer; with one, the queue and endpoint, the
    // state, the lines consumed, their rate, batches, in flight, rejected by reason (the queue's
    // only); the error when the remote Redis goes away; stopped.
    void remoteQueueBox()
    {
        ui::DnsPage storeOnly(m_redis.endpoint(3), m_analyzer.get());
        storeOnly.show();
        QVERIFY(!storeOnly.remoteQueueBox()->isVisible());

        D4_START_REDIS(m_remote);
        const QByteArray queue = QByteArrayLiteral("d42967c1-f7ad-464e-bbc7-4464c653d7a6");
        const QByteArray queueKey = "analyzer:8:" + queue;
        passivedns::RemoteQueueSettings settings;
        settings.redis = m_remote.endpoint(2);
        settings.queueUuid = queue;
        settings.sensorId = "remote-a";
        settings.batchSize = 100;
        m_consumer = std::make_unique<passivedns::RemoteQueueConsumer>(settings, *m_analyzer);
        m_consumer->start();

        ui::DnsPage page(m_redis.endpoint(3), m_analyzer.get());
        page.resize(1100, 700);
        page.setRemoteQueue(m_consumer.get());
        page.show();
        ui::RemoteQueueBox *box = page.remoteQueueBox();
        QVERIFY(box->isVisible());
        QCOMPARE(
            box->queueText(),
            QStringLiteral("%1 on 127.0.0.1:%2/2").arg(QString::fromLatin1(queueKey)).arg(m_remote.port()));
        QCOMPARE(box->rateText(), QString(QChar(0x2014))); // one reading: no rate yet
        const auto refreshed = [&page, box] {
            page.sample(); // what the page's timer does every second
            return box;
        };
        QTRY_COMPARE_WITH_TIMEOUT(refreshed()->stateText(), QStringLiteral("Connected"), 5000);
        QTest::qWait(50);
        refreshed();
        const QLocale locale;
        QCOMPARE(box->consumedText(), QStringLiteral("0"));
        QCOMPARE(box->rejectedText(), QStringLiteral("0"));
        QCOMPARE(box->linesPerSecond(), 0.0);
        QCOMPARE(box->rateText(), QStringLiteral("%1 lines/s").arg(locale.toString(0.0, 'f', 1)));

        QByteArrayList command{"LPUSH", queueKey};
        for (int i = 0; i < 1000; ++i) {
            command.append(line("n" + QByteArray::number(i) + ".example.", "A",
                                "192.0.2." + QByteArray::number(i % 250 + 1), 1));
        }
        command.append({"garbage", "", line("bad.example.", "NOPE", "192.0.2.1", 1)});
        QVERIFY(!m_remote.command(command, 2).isError());
        feed({"sensor garbage"}); // a sensor's bad line: not the queue's
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 1003, 20000);
        QVERIFY(m_analyzer->waitIdle(10000));
        refreshed();
        QCOMPARE(box->consumedText(), locale.toString(1003));
        QVERIFY(box->batchesText().toInt() >= 2); // batches of 100
        QCOMPARE(box->inFlightText(), QStringLiteral("0"));
        QCOMPARE(box->rejectedText(), QStringLiteral("3 (empty line: 1, too few fields: 1, bad type: 1)"));
        QVERIFY2(box->linesPerSecond() > 0, qPrintable(box->rateText()));
        QCOMPARE(box->rateText(),
                 QStringLiteral("%1 lines/s")
                     .arg(locale.toString(box->linesPerSecond(), 'f', box->linesPerSecond() < 10 ? 1 : 0)));
        QCOMPARE(box->stateText(), QStringLiteral("Connected"));
        auto *state = box->findChild<QLabel *>(QStringLiteral("remoteQueueState"));
        QVERIFY(state);
        QVERIFY(state->styleSheet().isEmpty());

        // The remote Redis goes away: retrying, with the consumer's last error, in the error colour.
        m_remote.stop();
        QTRY_VERIFY_WITH_TIMEOUT(
            refreshed()->stateText().startsWith(QStringLiteral("Retrying (")) &&
                box->stateText().endsWith(QStringLiteral("): ") + m_consumer->counters().lastError) &&
                !m_consumer->counters().lastError.isEmpty(),
            10000);
        // The consumer's message names the key it was reading (the queue or its in-flight list).
        QVERIFY2(box->stateText().contains(QString::fromLatin1(queue)), qPrintable(box->stateText()));
        QCOMPARE(state->styleSheet(), ui::errorTextStyle());
        QVERIFY2(state->toolTip().startsWith(QStringLiteral("Last error at ")), qPrintable(state->toolTip()));
        QCOMPARE(box->consumedText(), locale.toString(1003)); // kept

        m_consumer->stop();
        page.sample();
        QCOMPARE(box->stateText(), QStringLiteral("Stopped"));
        page.setRemoteQueue(nullptr);
        QVERIFY(!box->isVisible());
    }

    // A console attached to a server's store (no analyzer in the process) shows the top names and the
    // remote queue consumer that the server publishes there (PdnsStatusPublisher, pdns:status); no
    // status, or one it cannot read (logged), hides the box.
    void attachedPageShowsPublishedStatus()
    {
        D4_START_REDIS(m_remote);
        const QByteArray queue = QByteArrayLiteral("5d3f2a9e-3c1b-4d7e-9f60-2b7c1e0a4d11");
        passivedns::RemoteQueueSettings settings;
        settings.redis = m_remote.endpoint(2);
        settings.queueUuid = queue;
        settings.batchSize = 100;
        m_consumer = std::make_unique<passivedns::RemoteQueueConsumer>(settings, *m_analyzer);
        m_consumer->start();
        QByteArrayList command{"LPUSH", "analyzer:8:" + queue};
        for (int i = 0; i < 300; ++i) {
            command.append(line("q" + QByteArray::number(i % 3) + ".example.", "A",
                                "192.0.2." + QByteArray::number(i % 250 + 1), 1));
        }
        command.append("garbage");
        QVERIFY(!m_remote.command(command, 2).isError());
        QTRY_COMPARE_WITH_TIMEOUT(m_consumer->counters().lines, 301, 20000);
        QVERIFY(m_analyzer->waitIdle(10000));

        ui::DnsPage page(m_redis.endpoint(3)); // what an attached console makes: no analyzer
        page.resize(1100, 700);
        page.show();
        ui::RemoteQueueBox *box = page.remoteQueueBox();
        page.sample();
        QTest::qWait(200);
        page.sample();
        QVERIFY(!box->isVisible()); // nothing published yet

        auto publisher = std::make_unique<passivedns::PdnsStatusPublisher>(m_redis.endpoint(3), *m_analyzer,
                                                                           m_consumer.get());
        publisher->start();
        const auto sampled = [&page, box] {
            page.sample(); // the page's timer does it every second
            QTest::qWait(20);
            return box;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sampled()->isVisible(), 5000);
        QCOMPARE(box->queueText(), QStringLiteral("analyzer:8:%1 on 127.0.0.1:%2/2")
                                       .arg(QString::fromLatin1(queue))
                                       .arg(m_remote.port()));
        QCOMPARE(box->stateText(), QStringLiteral("Connected"));
        QCOMPARE(box->consumedText(), QLocale().toString(301));
        QCOMPARE(box->rejectedText(), QStringLiteral("1 (too few fields: 1)"));
        const qint64 ttl = m_redis.command({"TTL", "pdns:status"}, 3).integer;
        QVERIFY2(ttl > 0 && ttl <= passivedns::PdnsStatusPublisher::kTtlSeconds,
                 qPrintable(QString::number(ttl)));
        // The top names chart: the three names, 100 records each.
        const auto namesShown = [&] {
            sampled();
            auto *bars = qobject_cast<QCPBars *>(page.namesPlot()->plottable(0));
            return bars ? bars->data()->size() : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(namesShown(), 3, 5000);
        QCOMPARE(qobject_cast<QCPBars *>(page.namesPlot()->plottable(0))->data()->at(0)->value, 100.0);

        // The consumer stops: the next publication says so.
        m_consumer->stop();
        publisher->publish();
        QTRY_COMPARE_WITH_TIMEOUT(sampled()->stateText(), QStringLiteral("Stopped"), 5000);

        // The server goes away: its status expires (DEL does now what the TTL does later), the box goes.
        publisher.reset();
        QVERIFY(!m_redis.command({"DEL", "pdns:status"}, 3).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!sampled()->isVisible(), 5000);

        // Back; then a status this version cannot read: logged, the box hidden.
        publisher = std::make_unique<passivedns::PdnsStatusPublisher>(m_redis.endpoint(3), *m_analyzer,
                                                                      m_consumer.get());
        publisher->start();
        QTRY_VERIFY_WITH_TIMEOUT(sampled()->isVisible(), 5000);
        publisher.reset();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "status published in .* is not readable: not JSON")));
        QVERIFY(!m_redis.command({"SET", "pdns:status", "{not json", "EX", "60"}, 3).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!sampled()->isVisible(), 5000);
    }
};

QTEST_MAIN(TestDnsPage)
#include "tst_dnspage.moc"
