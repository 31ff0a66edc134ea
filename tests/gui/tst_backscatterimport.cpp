// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Imported captures on the Backscatter page, through the main window as the console assembles it:
// a real drop of tests/data captures, the import's source on the page with its attacks and its
// chart on capture time, and the evidence pcap of the selected attacks saved from the keyboard
// (re-read with the capture reader), or refused with a clear message when there is none.

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "backscatter/attacktablemodel.h"
#include "backscatter/backscatterpage.h"
#include "backscatter/backscattersourcebox.h"
#include "backscatter/importbackscatterlink.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "charts/qcustomplotinclude.h"
#include "import/importcontroller.h"
#include "import/importpage.h"
#include "mainwindow/mainwindow.h"
#include "testenvironment.h"

using namespace d4::analyzers::backscatter;
using d4::ui::AttackTableModel;
using d4::ui::BackscatterPage;

namespace {

QString dataFile(const char *name)
{
    return d4::test::testDataPath(QStringLiteral("pcap/") + QLatin1String(name));
}

void feed(BackscatterAnalyzer &analyzer, const char *name)
{
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&analyzer);
    d4::capture::CaptureFileReader::read(dataFile(name),
                                         [&](const d4::capture::CapturePacket &p) { pipeline.onPacket(p); });
}

struct ReadBack
{
    bool ok = false;
    QList<qint64> times;
    QList<quint32> linkTypes;
};

ReadBack readCapture(const QString &path)
{
    ReadBack read;
    const auto summary =
        d4::capture::CaptureFileReader::read(path, [&read](const d4::capture::CapturePacket &p) {
            read.times.append(p.timestampNs);
            read.linkTypes.append(p.linkType);
        });
    read.ok = summary.ok() && summary.truncatedBytes == 0;
    return read;
}

/** Selects @p rows of @p table (as a click and Ctrl+clicks would). */
void selectRows(QTableView *table, const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows) {
        selection.select(table->model()->index(row, 0),
                         table->model()->index(row, table->model()->columnCount() - 1));
    }
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

/** The console's assembly of the window, import and Backscatter pages (app/console/main.cpp). */
struct Console
{
    explicit Console(BackscatterAnalyzer *live)
    {
        importPage = new d4::ui::ImportPage(&importer);
        backscatterPage = new BackscatterPage(live);
        window.addPage(QStringLiteral("Backscatter"), QIcon(), backscatterPage);
        window.addPage(QStringLiteral("Import"), QIcon(), importPage);
        d4::ui::linkImportsToBackscatterPage(&importer, backscatterPage);
        window.setDropHandlers([this](const QMimeData *mime) { return importer.canImport(mime); },
                               [this](const QMimeData *mime) {
                                   window.showPage(importPage);
                                   return importer.importMimeData(mime);
                               });
        window.resize(1200, 800);
        window.show();
    }

    /** Drops @p files on the window like a file manager does; true once the import finished. */
    bool drop(const QStringList &files)
    {
        QSignalSpy finished(&importer, &d4::ui::ImportController::importFinished);
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &file : files) {
            urls.append(QUrl::fromLocalFile(file));
        }
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        if (!enter.isAccepted()) {
            return false;
        }
        QDropEvent dropEvent(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &dropEvent);
        return dropEvent.isAccepted() && finished.wait(30000);
    }

    d4::ui::MainWindow window;
    d4::ui::ImportController importer;
    d4::ui::ImportPage *importPage = nullptr;
    BackscatterPage *backscatterPage = nullptr;
};

} // namespace

class TestBackscatterImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_backscatterimport"));
    }

    // A drop of two real captures: the import becomes a source of the Backscatter page next to
    // Live; selecting it shows its attacks and its chart on capture time; Live is unchanged.
    void droppedCaptureAppearsAsASource()
    {
        BackscatterAnalyzer live;
        Console console(&live);
        BackscatterPage *page = console.backscatterPage;
        d4::ui::BackscatterSourceBox *sources = page->sourceBox();
        QCOMPARE(sources->count(), 1);
        QCOMPARE(sources->itemText(0), QStringLiteral("Live"));

        QVERIFY(console.drop({dataFile("backscatter-synthetic.pcap"), dataFile("tcp-handshake-nano.pcap")}));
        QCOMPARE(console.window.currentPageIndex(), 1); // the drop showed the import page
        QCOMPARE(sources->count(), 2);
        QCOMPARE(sources->itemText(1), QStringLiteral("Import: backscatter-synthetic (+1 files)"));
        QCOMPARE(sources->currentIndex(), 0); // live traffic stays in view until the analyst switches

        console.window.showPage(page);
        page->refresh();
        QCOMPARE(page->attackModel()->rowCount(), 0); // nothing live

        // The analyst picks the import from the keyboard: focus the box, arrow down.
        sources->setFocus();
        QTest::keyClick(sources, Qt::Key_Down);
        QCOMPARE(sources->currentIndex(), 1);
        AttackTableModel *model = page->attackModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, AttackTableModel::Victim).data().toString(),
                 QStringLiteral("198.51.100.10"));
        QCOMPARE(model->index(1, AttackTableModel::Victim).data().toString(), QStringLiteral("192.0.2.30"));
        QCOMPARE(model->index(0, AttackTableModel::Packets).data(Qt::UserRole).toULongLong(), 270ULL);
        // Charts on capture time, not on the time of the import: the SYN/ACK of
        // tcp-handshake-nano.pcap (2014-12-09T17:16:10Z) first, then the synthetic attacks from
        // 2023-11-14T22:13:20Z.
        const QSharedPointer<QCPGraphDataContainer> synAcks = page->ratePlot()->graph(0)->data();
        QCOMPARE(synAcks->constBegin()->key, 1418145370.0);
        QVERIFY(synAcks->findBegin(1700000000.0, false)->key == 1700000000.0);
        QCOMPARE((synAcks->constEnd() - 1)->key, 1700000119.0);
        QVERIFY(page->countersText().contains(QStringLiteral("2 attacks")));

        // Back to Live: its own (empty) view.
        QTest::keyClick(sources, Qt::Key_Up);
        QCOMPARE(page->attackModel()->rowCount(), 0);
        // A second import is listed too; the first stays selectable.
        QVERIFY(console.drop({dataFile("amp.TCP.reflection.SYNACK.pcap")}));
        QCOMPARE(sources->count(), 3);
        QCOMPARE(sources->itemText(2), QStringLiteral("Import: amp.TCP.reflection.SYNACK"));
        sources->setCurrentIndex(1);
        QCOMPARE(page->attackModel()->rowCount(), 2);
    }

    // Attached to a remote server there is no Live source: the page says so, then shows an import
    // as soon as it starts.
    void withoutLiveTheImportIsShown()
    {
        Console console(nullptr);
        BackscatterPage *page = console.backscatterPage;
        QCOMPARE(page->sourceBox()->count(), 0);
        bool saysNoSource = false;
        for (const QLabel *label : page->findChildren<QLabel *>()) {
            saysNoSource =
                saysNoSource || label->text().startsWith(QStringLiteral("No source: import captures"));
        }
        QVERIFY(saysNoSource);
        QVERIFY(!page->presetBox()->isEnabled());
        QVERIFY(console.drop({dataFile("backscatter-synthetic.pcap")}));
        QCOMPARE(page->sourceBox()->count(), 1);
        QCOMPARE(page->sourceBox()->currentIndex(), 0);
        page->refresh();
        QCOMPARE(page->attackModel()->rowCount(), 2);
        QVERIFY(page->presetBox()->isEnabled());
    }

    // Save evidence pcap… from the keyboard for two selected attacks of an import: a folder dialog,
    // then one pcap per attack holding its first 25 and last 25 packets in capture order.
    void evidenceOfSelectedAttacksFromTheKeyboard()
    {
        Console console(nullptr);
        BackscatterPage *page = console.backscatterPage;
        QVERIFY(console.drop({dataFile("backscatter-synthetic.pcap")}));
        console.window.showPage(page);
        console.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&console.window));
        page->refresh();
        QTableView *table = page->attackView();
        table->setFocus();
        selectRows(table, {0, 1});
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QTest::keyClick(table, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = page->findChild<QFileDialog *>(QStringLiteral("evidenceDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
        QSignalSpy selected(dialog, &QFileDialog::fileSelected);
        dialog->setDirectory(dir.path());
        dialog->selectFile(dir.path());
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
        QCOMPARE(selected.size(), 1);
        const QString tcp = dir.filePath(QStringLiteral("198.51.100.10-tcp-20231114T221320.000000000Z.pcap"));
        const QString udp = dir.filePath(QStringLiteral("192.0.2.30-udp-20231114T221322.200000000Z.pcap"));
        QTRY_VERIFY(QFile::exists(tcp));
        QVERIFY(QFile::exists(udp));
        QVERIFY2(page->messageText().contains(tcp), qPrintable(page->messageText()));

        const ReadBack read = readCapture(tcp);
        QVERIFY(read.ok);
        QCOMPARE(read.times.size(), 50); // 270 packets: the first 25 and the last 25
        QCOMPARE(read.times.constFirst(), 1700000000LL * 1000000000LL);
        QCOMPARE(read.times.constLast(), 1700000119500000000LL); // the last SYN/ACK, +119.5 s
        QVERIFY(std::is_sorted(read.times.cbegin(), read.times.cend()));
        QCOMPARE(read.linkTypes, QList<quint32>(50, 1U));
        QCOMPARE(readCapture(udp).times.size(), 50); // 90 ICMP errors

        // One attack into a file of the analyst's choosing (the API the dialog ends in).
        selectRows(table, {1});
        QString error;
        const QString chosen = dir.filePath(QStringLiteral("chosen.pcap"));
        QCOMPARE(page->saveEvidence(chosen, error), QStringList{chosen});
        QVERIFY(error.isEmpty());
        QCOMPARE(readCapture(chosen).times.size(), 50);
    }

    // No evidence kept (here: capture off for the live analyzer): a clear message, no dialog.
    void noEvidenceIsSaidPlainly()
    {
        BackscatterSettings settings;
        settings.evidence = EvidenceLimits{0, 0};
        BackscatterAnalyzer live(settings);
        feed(live, "backscatter-synthetic.pcap");
        Console console(&live);
        BackscatterPage *page = console.backscatterPage;
        console.window.showPage(page);
        console.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&console.window));
        page->refresh();
        QCOMPARE(page->attackModel()->rowCount(), 2);

        // Nothing selected yet.
        page->saveEvidenceAction()->trigger();
        QVERIFY2(page->messageText().contains(QStringLiteral("Select one or more attacks")),
                 qPrintable(page->messageText()));

        page->attackView()->setFocus();
        selectRows(page->attackView(), {0});
        QTest::keyClick(page->attackView(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!page->findChild<QFileDialog *>(QStringLiteral("evidenceDialog")));
        const QString message = page->messageText();
        QVERIFY2(message.contains(QStringLiteral("No evidence pcap available")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("198.51.100.10 TCP")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("evidence capture off")), qPrintable(message));

        QTemporaryDir dir;
        QString error;
        QVERIFY(page->saveEvidence(dir.filePath(QStringLiteral("x.pcap")), error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("No evidence for 198.51.100.10 TCP")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pcap"))));
    }

    // The source box keeps at most kMaxImports imports, dropping the oldest; Live stays first.
    void importsAreBounded()
    {
        BackscatterAnalyzer live;
        BackscatterPage page(&live);
        QList<std::weak_ptr<BackscatterAnalyzer>> added;
        for (int i = 0; i < d4::ui::BackscatterSourceBox::kMaxImports + 2; ++i) {
            auto analyzer = std::make_shared<BackscatterAnalyzer>();
            added.append(analyzer);
            page.addImportedSource(QStringLiteral("capture %1").arg(i), std::move(analyzer));
        }
        d4::ui::BackscatterSourceBox *sources = page.sourceBox();
        QCOMPARE(sources->count(), 1 + d4::ui::BackscatterSourceBox::kMaxImports);
        QCOMPARE(sources->itemText(0), QStringLiteral("Live"));
        QCOMPARE(sources->itemText(1), QStringLiteral("capture 2"));
        // The two oldest were dropped and freed; the others are held by the page.
        QVERIFY(added[0].expired());
        QVERIFY(added[1].expired());
        QVERIFY(!added[2].expired());
        QCOMPARE(sources->indexOf(added.last().lock().get()), sources->count() - 1);
        page.renameImportedSource(added.last().lock().get(), QStringLiteral("renamed"));
        QCOMPARE(sources->itemText(sources->count() - 1), QStringLiteral("renamed"));
    }
};

QTEST_MAIN(TestBackscatterImport)
#include "tst_backscatterimport.moc"
