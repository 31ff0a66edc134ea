// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The Backscatter page, offscreen: the attacks table (checked by QAbstractItemModelTester), the
// live chart on capture time, the per-victim timeline, presets and the three exports.

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "backscatter/attacktablemodel.h"
#include "backscatter/backscatterpage.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"
#include "charts/qcustomplotinclude.h"
#include "testenvironment.h"

using namespace d4::analyzers::backscatter;
using d4::ui::AttackTableModel;
using d4::ui::BackscatterPage;

namespace {

void feed(BackscatterAnalyzer &analyzer, const char *name)
{
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&analyzer);
    d4::capture::CaptureFileReader::read(
        d4::test::testDataPath(QStringLiteral("pcap/") + QLatin1String(name)),
        [&](const d4::capture::CapturePacket &p) { pipeline.onPacket(p); });
}

} // namespace

class TestBackscatterPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attacksChartsAndExports()
    {
        BackscatterSettings settings;
        MonitoredPrefix prefix;
        QVERIFY(MonitoredPrefix::parse(QStringLiteral("203.0.113.0/24"), prefix));
        settings.monitoredPrefixes = {prefix};
        BackscatterAnalyzer analyzer(settings);
        BackscatterPage page(&analyzer);
        QAbstractItemModelTester tester(page.attackModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1000, 800);
        page.show();
        QCOMPARE(page.attackModel()->rowCount(), 0);

        // Data arrives (as from a live tap); the next refresh shows it.
        feed(analyzer, "backscatter-synthetic.pcap");
        page.refresh();
        AttackTableModel *model = page.attackModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->columnCount(), int(AttackTableModel::ColumnCount));
        QCOMPARE(model->index(0, AttackTableModel::Victim).data().toString(),
                 QStringLiteral("198.51.100.10"));
        QCOMPARE(model->index(0, AttackTableModel::Protocol).data().toString(), QStringLiteral("TCP"));
        QCOMPARE(model->index(0, AttackTableModel::TargetPorts).data().toString(), QStringLiteral("80, 443"));
        QCOMPARE(model->index(0, AttackTableModel::Packets).data(Qt::UserRole).toULongLong(), 270ULL);
        QCOMPARE(model->index(0, AttackTableModel::MaxPpm).data().toString(), QStringLiteral("135"));
        QCOMPARE(model->index(0, AttackTableModel::SensorAddresses).data().toString(), QStringLiteral("241"));
        QCOMPARE(model->index(0, AttackTableModel::Start).data().toString(),
                 QStringLiteral("2023-11-14T22:13:20.000000000Z"));
        QVERIFY(model->index(0, AttackTableModel::EstimatedPps).data(Qt::UserRole).toDouble() > 1e7);
        QCOMPARE(model->headerData(AttackTableModel::Victim, Qt::Horizontal).toString(),
                 QStringLiteral("Victim"));

        // The rate chart is on capture time (2023-11-14), not wall-clock time.
        QCustomPlot *rates = page.ratePlot();
        QCOMPARE(rates->graphCount(), 5);
        QVERIFY(rates->graph(0)->data()->size() > 100); // SYN/ACK seconds
        QCOMPARE(rates->graph(0)->data()->constBegin()->key, 1700000000.0);
        int icmpSeconds = 0; // every class has a point per second; ICMP errors are non-zero in 90
        for (auto it = rates->graph(3)->data()->constBegin(); it != rates->graph(3)->data()->constEnd();
             ++it) {
            icmpSeconds += it->value > 0 ? 1 : 0;
        }
        QCOMPARE(icmpSeconds, 90);

        // Selecting an attack draws its timeline; the selection survives a refresh.
        page.attackView()->selectRow(1);
        auto *bars = qobject_cast<QCPBars *>(page.timelinePlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->name(), QStringLiteral("192.0.2.30"));
        QCOMPARE(bars->data()->size(), 10); // errors at +2.2 s … +91.2 s: slides 0 to 9
        page.refresh();
        QCOMPARE(page.attackView()->selectionModel()->selectedRows().constFirst().row(), 1);
        QVERIFY(page.countersText().contains(QStringLiteral("2 attacks")));

        // Exports.
        QTemporaryDir dir;
        QString error;
        const QString csv = dir.filePath(QStringLiteral("a.csv"));
        QVERIFY2(page.exportTo(BackscatterPage::ExportFormat::Csv, csv, error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("victim,protocol,start_ns,end_ns,packets,bytes,max_ppm,estimated_pps"));
        QVERIFY(lines[1].startsWith(
            "198.51.100.10,TCP,1700000000000000000,1700000119500000000,270,10800,135.0,"));
        const QString json = dir.filePath(QStringLiteral("a.json"));
        QVERIFY(page.exportTo(BackscatterPage::ExportFormat::Json, json, error));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(report.value(QStringLiteral("attacks")).toArray().size(), 2);
        const QString misp = dir.filePath(QStringLiteral("a.misp.json"));
        QVERIFY(page.exportTo(BackscatterPage::ExportFormat::Misp, misp, error));
        QFile mispFile(misp);
        QVERIFY(mispFile.open(QIODevice::ReadOnly));
        const QJsonArray objects =
            QJsonDocument::fromJson(mispFile.readAll()).object().value(QStringLiteral("Object")).toArray();
        QCOMPARE(objects.size(), 2);
        const QJsonObject ddos = objects[0].toObject();
        QCOMPARE(ddos.value(QStringLiteral("name")).toString(), QStringLiteral("ddos"));
        QCOMPARE(ddos.value(QStringLiteral("template_uuid")).toString(),
                 QStringLiteral("e2f124d6-f57c-4f93-99e6-8450545fa05d"));
        QStringList relations;
        for (const QJsonValue &attribute : ddos.value(QStringLiteral("Attribute")).toArray()) {
            relations << attribute.toObject().value(QStringLiteral("object_relation")).toString();
        }
        for (const char *required :
             {"ip-dst", "dst-port", "protocol", "first-seen", "last-seen", "total-pps"}) {
            QVERIFY2(relations.contains(QLatin1String(required)), required);
        }
        QVERIFY(!page.exportTo(BackscatterPage::ExportFormat::Csv,
                               dir.filePath(QStringLiteral("no/such/dir.csv")), error));

        // A preset re-applies thresholds without re-reading: Moore keeps only the 270-packet attack.
        page.presetBox()->setCurrentIndex(1);
        Q_EMIT page.presetBox()->activated(1);
        QCOMPARE(model->rowCount(), 1);
    }
};

QTEST_MAIN(TestBackscatterPage)
#include "tst_backscatterpage.moc"
