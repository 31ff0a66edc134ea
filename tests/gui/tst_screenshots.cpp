// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The Passive DNS and Backscatter pages in the main window, offscreen, with real data: the
// passivedns output of the test captures (tests/data/pdns) stored in a real redis-server by the real
// analyzer (one sensor's lines through a second redis-server's analyzer queue, read by the real
// remote queue consumer, whose box the page shows), and tests/data/pcap/backscatter-synthetic.pcap through
// the real capture reader and backscatter analyzer. Each window is grabbed and checked (size, content drawn);
// with D4_SCREENSHOT_DIR set, the grabs are saved there as dns.png and backscatter.png (docs/console.md).

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/remotequeueconsumer.h"
#include "backscatter/attacktablemodel.h"
#include "backscatter/backscatterpage.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "dns/dnspage.h"
#include "dns/dnsresultsmodel.h"
#include "dns/remotequeuebox.h"
#include "mainwindow/mainwindow.h"
#include "redisserverfixture.h"
#include "testenvironment.h"

using namespace d4;
using namespace d4::test;

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;
    RedisServerFixture m_remote; ///< another D4 server's ANALYZER Redis, with a type-8 queue
    QTemporaryDir m_fallbackDir;

    /** Where the grabs go: D4_SCREENSHOT_DIR, or a temporary directory (the check still runs). */
    QString outputDirectory() const
    {
        const QString directory = qEnvironmentVariable("D4_SCREENSHOT_DIR");
        return directory.isEmpty() ? m_fallbackDir.path() : directory;
    }

    static QByteArrayList logLines(const char *name)
    {
        QFile file(testDataPath(QStringLiteral("pdns/") + QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        QByteArrayList lines;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty()) {
                lines << line;
            }
        }
        return lines;
    }

    /**
     * Saves @p window's grab as @p name and checks it: the window's size, and more than a handful
     * of colours (a blank or unpainted grab has one or two).
     */
    void saveAndCheck(QWidget &window, const QString &name)
    {
        const QImage image = window.grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 860));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height() && colours.size() <= 64; y += 7) {
            for (int x = 0; x < image.width() && colours.size() <= 64; x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 64, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
        QVERIFY(QDir().mkpath(outputDirectory()));
        const QString path = QDir(outputDirectory()).filePath(name);
        QVERIFY2(image.save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fallbackDir.isValid()); }

    void passiveDnsPage()
    {
        D4_START_REDIS(m_redis);
        passivedns::AnalyzerSettings settings;
        settings.redis = m_redis.endpoint(3);
        passivedns::PdnsAnalyzer analyzer(settings);
        QString error;
        QVERIFY2(analyzer.start(error), qPrintable(error));
        D4_START_REDIS(m_remote);
        passivedns::RemoteQueueSettings remote;
        remote.redis = m_remote.endpoint(2);
        remote.queueUuid = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";
        remote.sensorId = "fedcba9876543210fedcba9876543210";
        remote.batchSize = 50;
        passivedns::RemoteQueueConsumer consumer(remote, analyzer);
        consumer.start();

        QByteArrayList lines;
        for (const char *log : {"passivedns-synth-alltypes.log", "passivedns-synth-alltypes-nxd.log",
                                "passivedns-tcpdump-dns_udp.log", "passivedns-tcpdump-dns_tcp.log",
                                "passivedns-tcpdump-dns-uri-nxd.log"}) {
            const QByteArrayList fileLines = logLines(log);
            QVERIFY2(!fileLines.isEmpty(), log);
            lines += fileLines;
        }

        ui::MainWindow window;
        window.setWindowTitle(QStringLiteral("D4 Console"));
        window.resize(1280, 860);
        auto *page = new ui::DnsPage(m_redis.endpoint(3), &analyzer);
        page->setRemoteQueue(&consumer);
        window.addPage(QStringLiteral("Passive DNS"),
                       window.style()->standardIcon(QStyle::SP_FileDialogListView), page);
        window.addPage(QStringLiteral("Backscatter"),
                       window.style()->standardIcon(QStyle::SP_MessageBoxWarning), new QWidget);
        window.showPage(page);
        window.show();
        // Two sensors deliver the logs a few times over some seconds, so that the live charts
        // (records/s, new tuples/s, types, top names) have something to draw: one connected here,
        // the other to a D4 server whose analyzer queue this one reads.
        qint64 fromQueue = 0;
        for (int round = 0; round < 6; ++round) {
            if (round % 2 == 0) {
                analyzer.onLines("0123456789abcdef0123456789abcdef", "8", lines);
            } else {
                const QByteArrayList part = lines.mid(0, lines.size() / 2);
                QVERIFY(!m_remote.command(QByteArrayList{"LPUSH", consumer.queueKey()} + part, 2).isError());
                fromQueue += part.size();
                QTRY_COMPARE_WITH_TIMEOUT(consumer.counters().lines, fromQueue, 20000);
            }
            QVERIFY(analyzer.waitIdle(20000));
            QTest::qWait(1100);
        }

        QSignalSpy finished(page, &ui::DnsPage::searchFinished);
        page->searchBox()->setText(QStringLiteral("*.example.com"));
        QTest::keyClick(page->searchBox(), Qt::Key_Return);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(finished.first().at(0).toInt() >= 10, qPrintable(finished.first().at(0).toString()));
        QCOMPARE(page->resultsModel()->rowCount(), finished.first().at(0).toInt());
        page->resultsView()->sortByColumn(ui::DnsResultsModel::Count, Qt::DescendingOrder);
        page->resultsView()->selectRow(0);
        // As a user would: widen the name and first-seen columns to their contents.
        page->resultsView()->resizeColumnToContents(ui::DnsResultsModel::RrName);
        page->resultsView()->resizeColumnToContents(ui::DnsResultsModel::TimeFirst);
        page->resultsView()->resizeColumnToContents(ui::DnsResultsModel::TimeLast);
        QVERIFY(page->recordsRatePoints() > 3);
        page->sample();
        QCOMPARE(page->remoteQueueBox()->stateText(), QStringLiteral("Connected"));
        QVERIFY(page->remoteQueueBox()->linesPerSecond() > 0);
        QTest::qWait(300);
        saveAndCheck(window, QStringLiteral("dns.png"));
        consumer.stop();
        m_remote.stop();
        m_redis.stop();
    }

    void backscatterPage()
    {
        analyzers::backscatter::BackscatterSettings settings;
        analyzers::backscatter::MonitoredPrefix prefix;
        QVERIFY(analyzers::backscatter::MonitoredPrefix::parse(QStringLiteral("203.0.113.0/24"), prefix));
        settings.monitoredPrefixes = {prefix};
        analyzers::backscatter::BackscatterAnalyzer analyzer(settings);

        ui::MainWindow window;
        window.setWindowTitle(QStringLiteral("D4 Console"));
        window.resize(1280, 860);
        window.addPage(QStringLiteral("Passive DNS"),
                       window.style()->standardIcon(QStyle::SP_FileDialogListView), new QWidget);
        auto *page = new ui::BackscatterPage(&analyzer);
        window.addPage(QStringLiteral("Backscatter"),
                       window.style()->standardIcon(QStyle::SP_MessageBoxWarning), page);
        window.showPage(page);
        window.show();

        capture::PacketPipeline pipeline;
        pipeline.addSink(&analyzer);
        const capture::CaptureSummary summary = capture::CaptureFileReader::read(
            testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap")),
            [&](const capture::CapturePacket &packet) { pipeline.onPacket(packet); });
        QVERIFY(summary.ok());
        page->refresh();
        QCOMPARE(page->attackModel()->rowCount(), 2);
        page->attackView()->selectRow(0);
        // As a user would: drag the splitter to give the rate chart more room than the table needs.
        auto *splitter = page->findChild<QSplitter *>();
        QVERIFY(splitter);
        splitter->setSizes({330, 150, 230});
        QVERIFY(page->countersText().contains(QStringLiteral("2 attacks")));
        QTest::qWait(300);
        saveAndCheck(window, QStringLiteral("backscatter.png"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
