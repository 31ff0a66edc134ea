// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The import page, offscreen: real drag-and-drop events carrying file URLs of tests/data captures
// (and a file that is no capture), progress, cancellation and results.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

#include "capturefiles.h"
#include "import/importcontroller.h"
#include "import/importdnsmodel.h"
#include "import/importpage.h"
#include "testenvironment.h"

using namespace d4;
using d4::ui::ImportController;
using d4::ui::ImportDnsModel;
using d4::ui::ImportPage;

namespace {

/** Drags @p mime over @p target and drops it, as the platform's drag-and-drop would. */
bool dragAndDrop(QWidget *target, QMimeData *mime, bool *enterAccepted = nullptr)
{
    const QPoint point = target->rect().center();
    QDragEnterEvent enter(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (enterAccepted) {
        *enterAccepted = enter.isAccepted();
    }
    if (!enter.isAccepted()) {
        return false;
    }
    QDragMoveEvent move(point, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(point), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QMimeData *urlsOf(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime->setUrls(urls);
    return mime;
}

} // namespace

class TestImportPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropImportsCapturesAndRefusesTheRest()
    {
        ImportController controller;
        ImportPage page(&controller);
        page.resize(900, 700);
        page.show();
        QSignalSpy finished(&controller, &ImportController::importFinished);
        std::unique_ptr<QMimeData> mime(urlsOf({test::testDataPath(QStringLiteral("pdns/dns_udp.pcap")),
                                                test::testDataPath(QStringLiteral("pdns/dns_tcp.pcap")),
                                                test::testDataPath(QStringLiteral("SOURCES.md"))}));
        QVERIFY(dragAndDrop(&page, mime.get()));
        QVERIFY(finished.wait(30000));

        auto *files = page.findChild<QTreeWidget *>(QStringLiteral("importFiles"));
        QCOMPARE(files->topLevelItemCount(), 2);
        QCOMPARE(files->topLevelItem(0)->text(0), QStringLiteral("dns_udp.pcap"));
        bool packets = false;
        for (int i = 0; i < files->topLevelItem(0)->childCount(); ++i) {
            const QTreeWidgetItem *row = files->topLevelItem(0)->child(i);
            packets =
                packets || (row->text(0) == QStringLiteral("Packets") && row->text(1) == QStringLiteral("2"));
        }
        QVERIFY(packets);
        auto *warnings = page.findChild<QListWidget *>(QStringLiteral("importWarnings"));
        QCOMPARE(warnings->count(), 1);
        QVERIFY2(warnings->item(0)->text().contains(QStringLiteral("SOURCES.md is not a capture file")),
                 qPrintable(warnings->item(0)->text()));
        // Both captures answer the same question: 4 tuples seen twice each, merged.
        const QAbstractItemModel *dns = page.findChild<QTableView *>(QStringLiteral("importDns"))->model();
        QAbstractItemModelTester tester(const_cast<QAbstractItemModel *>(dns),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dns->rowCount(), 4);
        const auto cell = [dns](int row, int column) { return dns->index(row, column).data().toString(); };
        bool a = false;
        for (int row = 0; row < dns->rowCount(); ++row) {
            if (cell(row, 0) == QStringLiteral("www.tcpdump.org") &&
                cell(row, 2) == QStringLiteral("192.139.46.66")) {
                a = cell(row, 1) == QStringLiteral("A") && cell(row, 5) == QStringLiteral("2");
            }
        }
        QVERIFY(a);
        QCOMPARE(page.findChild<QProgressBar *>(QStringLiteral("importProgress"))->value(), 1000);
        const QString summary = page.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("2 file(s), ")) &&
                     summary.contains(QStringLiteral("; 4 DNS tuples")) &&
                     summary.contains(QStringLiteral("1 refused")),
                 qPrintable(summary));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("importCancel"))->isEnabled());
        QVERIFY(!controller.isRunning());
    }

    void fragmentedDnsAndTheNextImportReleasesTheLastOffTheGuiThread()
    {
        ImportController controller;
        ImportPage page(&controller);
        page.show();
        QSignalSpy finished(&controller, &ImportController::importFinished);
        const QString fragments = test::testDataPath(QStringLiteral("fragments/dns-fragments.pcap"));
        QVERIFY(controller.importPaths({fragments}));
        QVERIFY(finished.wait(30000));
        // The records of the responses carried in IP fragments are listed, and the drops are warned.
        const QAbstractItemModel *dns = page.findChild<QTableView *>(QStringLiteral("importDns"))->model();
        QCOMPARE(dns->rowCount(), 180);
        auto *warnings = page.findChild<QListWidget *>(QStringLiteral("importWarnings"));
        QCOMPARE(warnings->count(), 1);
        QVERIFY2(warnings->item(0)->text().contains(QStringLiteral("1 overlap, 2 unfinished")),
                 qPrintable(warnings->item(0)->text()));

        // Freeing a large import's results takes seconds: the next import must not do it on the GUI
        // thread.
        QThread *deletedOn = nullptr;
        connect(
            controller.job(), &QObject::destroyed, this, [&] { deletedOn = QThread::currentThread(); },
            Qt::DirectConnection);
        QVERIFY(controller.importPaths({test::testDataPath(QStringLiteral("pdns/dns_udp.pcap"))}));
        QVERIFY(finished.wait(30000));
        QTRY_VERIFY(deletedOn != nullptr);
        QVERIFY(deletedOn != QThread::currentThread());
        QCOMPARE(dns->rowCount(), 4);
        QCOMPARE(warnings->count(), 0);
    }

    void dnsModelListsAtMostItsRowLimit()
    {
        ImportDnsModel model(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<import::DnsTuple> tuples;
        for (int i = 0; i < 5; ++i) {
            tuples.append(import::DnsTuple{"host" + QByteArray::number(i) + ".example", 28,
                                           "2001:db8::" + QByteArray::number(i), false, 1700000000 + i,
                                           1700000060 + i, i + 1, 300});
        }
        model.setTuples(tuples);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ImportDnsModel::ColumnCount));
        const auto cell = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(2, ImportDnsModel::Name), QStringLiteral("host2.example"));
        QCOMPARE(cell(2, ImportDnsModel::Type), QStringLiteral("AAAA"));
        QCOMPARE(cell(2, ImportDnsModel::Data), QStringLiteral("2001:db8::2"));
        QCOMPARE(cell(2, ImportDnsModel::First), QStringLiteral("2023-11-14T22:13:22+00:00"));
        QCOMPARE(cell(2, ImportDnsModel::Last), QStringLiteral("2023-11-14T22:14:22+00:00"));
        QCOMPARE(cell(2, ImportDnsModel::Count), QStringLiteral("3"));
        QCOMPARE(model.headerData(ImportDnsModel::Data, Qt::Horizontal).toString(), QStringLiteral("Data"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void dragWithoutFilesIsNotAccepted()
    {
        ImportController controller;
        ImportPage page(&controller);
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        bool accepted = true;
        QVERIFY(!dragAndDrop(&page, &text, &accepted));
        QVERIFY(!accepted);
        QVERIFY(!controller.isRunning());
        QVERIFY(controller.job() == nullptr);
    }

    void progressAndCancel()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.pcap"));
        const quint64 total =
            test::writeRepeatedPcap(big, test::readTestCapture(QStringLiteral("pdns/pdns-synthetic.pcap")),
                                    150ULL * 1024 * 1024, 1000000000LL);
        QVERIFY(total > 100000);

        ImportController controller;
        ImportPage page(&controller);
        page.show();
        auto *packetsLabel = page.findChild<QLabel *>(QStringLiteral("importPackets"));
        auto *elapsedLabel = page.findChild<QLabel *>(QStringLiteral("importElapsed"));
        auto *cancel = page.findChild<QPushButton *>(QStringLiteral("importCancel"));
        QSignalSpy finished(&controller, &ImportController::importFinished);
        QSignalSpy progress(&controller, &ImportController::progress);

        // The event loop's longest pause while importing (printed; the benchmark figure).
        QElapsedTimer tick;
        qint64 longestStall = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            if (tick.isValid()) {
                longestStall = qMax(longestStall, tick.elapsed());
            }
            tick.start();
        });
        probe.start();

        std::unique_ptr<QMimeData> mime(urlsOf({big}));
        QVERIFY(dragAndDrop(&page, mime.get()));
        QVERIFY(controller.isRunning());
        QVERIFY(cancel->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(elapsedLabel->text() != QStringLiteral("0.0 s") &&
                                     packetsLabel->text() != QStringLiteral("0") && progress.size() >= 3,
                                 20000);
        if (!finished.isEmpty()) {
            QSKIP("the import finished before it could be cancelled");
        }
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        const qint64 stopMs = sinceCancel.elapsed();
        QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
        const auto result = finished[0][0].value<import::ImportResult>();
        QVERIFY(result.cancelled);
        QVERIFY(result.packets > 0 && result.packets < total);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("importSummary"))
                    ->text()
                    .contains(QStringLiteral("(cancelled)")));
        QVERIFY(page.findChild<QTableView *>(QStringLiteral("importDns"))->model()->rowCount() > 10);
        QVERIFY(page.findChild<QProgressBar *>(QStringLiteral("importProgress"))->value() < 1000);
        // ≥ 4 progress reports a second reached the page.
        const qint64 elapsedMs = result.elapsedMs;
        QVERIFY2(progress.size() >= elapsedMs / 250,
                 qPrintable(QStringLiteral("%1 reports in %2 ms").arg(progress.size()).arg(elapsedMs)));
        qInfo("import: %llu packets in %lld ms before cancel, %lld progress reports, stopped %lld ms after "
              "Cancel, "
              "longest event-loop stall %lld ms",
              static_cast<unsigned long long>(result.packets), static_cast<long long>(elapsedMs),
              static_cast<long long>(progress.size()), static_cast<long long>(stopMs),
              static_cast<long long>(longestStall));
    }
};

QTEST_MAIN(TestImportPage)
#include "tst_importpage.moc"
