// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "backscatter/backscatterpage.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscatterexport.h"
#include "backscatter/attacktablemodel.h"
#include "charts/qcustomplotinclude.h"

namespace d4::ui {

namespace {

using namespace analyzers::backscatter;

constexpr BackscatterClass kChartedClasses[] = {BackscatterClass::SynAck, BackscatterClass::Rst,
                                                BackscatterClass::IcmpReply, BackscatterClass::IcmpError,
                                                BackscatterClass::UdpResponse};
const QColor kClassColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd)};

void setUpTimeAxis(QCustomPlot *plot)
{
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeSpec(Qt::UTC); // charts use capture time, shown in UTC
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss\nyyyy-MM-dd"));
    plot->xAxis->setTicker(ticker);
}

} // namespace

BackscatterPage::BackscatterPage(BackscatterAnalyzer *analyzer, QWidget *parent)
    : QWidget(parent)
    , m_analyzer(analyzer)
    , m_model(new AttackTableModel(this))
    , m_table(new QTableView(this))
    , m_rates(new QCustomPlot(this))
    , m_timeline(new QCustomPlot(this))
    , m_counters(new QLabel(this))
    , m_preset(new QComboBox(this))
{
    m_rates->xAxis->setLabel(tr("Capture time (UTC)"));
    m_rates->yAxis->setLabel(tr("Backscatter packets/s"));
    setUpTimeAxis(m_rates);
    for (size_t i = 0; i < std::size(kChartedClasses); ++i) {
        QCPGraph *graph = m_rates->addGraph();
        graph->setName(backscatterClassLabel(kChartedClasses[i]));
        graph->setPen(QPen(kClassColours[i], 1.5));
    }
    m_rates->legend->setVisible(true);
    m_timeline->xAxis->setLabel(tr("Capture time (UTC)"));
    m_timeline->yAxis->setLabel(tr("Packets per slide"));
    setUpTimeAxis(m_timeline);
    auto *bars = new QCPBars(m_timeline->xAxis, m_timeline->yAxis);
    bars->setName(tr("Selected victim"));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { showTimeline(); });

    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Corsaro));
    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Moore));
    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Sensitive));
    connect(m_preset, &QComboBox::activated, this, [this](int index) { applyPreset(index); });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("Thresholds:"), this));
    toolbar->addWidget(m_preset);
    toolbar->addStretch();
    const auto addExport = [&](const QString &label, ExportFormat format) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, format] { exportWithDialog(format); });
        toolbar->addWidget(button);
    };
    addExport(tr("Export CSV…"), ExportFormat::Csv);
    addExport(tr("Export JSON…"), ExportFormat::Json);
    addExport(tr("Export MISP…"), ExportFormat::Misp);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_rates);
    splitter->addWidget(m_table);
    splitter->addWidget(m_timeline);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);
    m_counters->setWordWrap(true);
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_counters);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    m_timer.start();
    refresh();
}

void BackscatterPage::refresh()
{
    if (!m_analyzer) {
        return;
    }
    // Keep the selected attack selected across the model reset.
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const QVariant victim =
        selected.isEmpty() ? QVariant() : m_model->index(selected.first().row(), 0).data(Qt::UserRole);
    const QVariant protocol =
        selected.isEmpty() ? QVariant() : m_model->index(selected.first().row(), 1).data(Qt::UserRole);
    const BackscatterSnapshot snapshot = m_analyzer->snapshot();
    m_model->setSnapshot(snapshot);
    if (victim.isValid()) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(Qt::UserRole) == victim &&
                m_model->index(row, 1).data(Qt::UserRole) == protocol) {
                m_table->selectRow(row);
                break;
            }
        }
    }
    for (size_t i = 0; i < std::size(kChartedClasses); ++i) {
        QVector<double> keys;
        QVector<double> values;
        keys.reserve(snapshot.perSecond.size());
        values.reserve(snapshot.perSecond.size());
        for (const auto &[second, counts] : snapshot.perSecond) {
            keys.append(static_cast<double>(second));
            values.append(counts[static_cast<size_t>(kChartedClasses[i])]);
        }
        m_rates->graph(static_cast<int>(i))->setData(keys, values, true);
    }
    m_rates->rescaleAxes();
    m_rates->replot(QCustomPlot::rpQueuedReplot);
    m_counters->setText(countersText());
    showTimeline();
}

QString BackscatterPage::countersText() const
{
    const BackscatterSnapshot &s = m_model->snapshot();
    const BackscatterCounters &c = s.counters;
    QString text = tr("%1 packets, %2 backscatter (%3 SYN/ACK, %4 RST, %5 ICMP error, %6 ICMP reply); "
                      "%7 attacks, %8 vectors below thresholds; %9 ICMP mismatches; evicted: %10 vectors, "
                      "%11 SYN-seen entries")
                       .arg(c.packets)
                       .arg(c.backscatter())
                       .arg(c.classes[static_cast<size_t>(BackscatterClass::SynAck)])
                       .arg(c.classes[static_cast<size_t>(BackscatterClass::Rst)])
                       .arg(c.classes[static_cast<size_t>(BackscatterClass::IcmpError)])
                       .arg(c.classes[static_cast<size_t>(BackscatterClass::IcmpReply)])
                       .arg(s.attacks.size())
                       .arg(s.nonAttackVectors)
                       .arg(c.icmpMismatches)
                       .arg(c.vectorsEvicted + c.closedEvicted)
                       .arg(c.synSeenEvicted);
    for (const QString &warning : s.settings.warnings()) {
        text += QLatin1Char('\n') + warning;
    }
    return text;
}

void BackscatterPage::showTimeline()
{
    auto *bars = qobject_cast<QCPBars *>(m_timeline->plottable(0));
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QVector<double> keys;
    QVector<double> values;
    const BackscatterSnapshot &snapshot = m_model->snapshot();
    if (!selected.isEmpty() && selected.first().row() < snapshot.attacks.size()) {
        const AttackRecord &attack = snapshot.attacks.at(selected.first().row());
        for (const auto &[startNs, packets] : attack.timeline) {
            keys.append(static_cast<double>(startNs) / 1e9);
            values.append(packets);
        }
        bars->setName(BackscatterExport::ipv4Text(attack.victim));
    }
    bars->setWidth(static_cast<double>(snapshot.settings.thresholds.slideNs) / 1e9);
    bars->setData(keys, values, true);
    m_timeline->rescaleAxes();
    m_timeline->replot(QCustomPlot::rpQueuedReplot);
}

void BackscatterPage::applyPreset(int index)
{
    const auto preset = static_cast<BackscatterSettings::Preset>(index);
    m_analyzer->setThresholds(BackscatterSettings::fromPreset(preset).thresholds);
    refresh();
}

bool BackscatterPage::exportTo(ExportFormat format, const QString &path, QString &error) const
{
    const BackscatterSnapshot &snapshot = m_model->snapshot();
    QByteArray bytes;
    switch (format) {
    case ExportFormat::Csv:
        bytes = BackscatterExport::attacksToCsv(snapshot);
        break;
    case ExportFormat::Json:
        bytes = QJsonDocument(BackscatterExport::snapshotToJson(snapshot)).toJson(QJsonDocument::Indented);
        break;
    case ExportFormat::Misp:
        bytes = QJsonDocument(BackscatterExport::attacksToMisp(snapshot)).toJson(QJsonDocument::Indented);
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = file.errorString();
        return false;
    }
    return true;
}

void BackscatterPage::exportWithDialog(ExportFormat format)
{
    const QString filter = format == ExportFormat::Csv ? tr("CSV (*.csv)") : tr("JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export attacks"), {}, filter);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(format, path, error)) {
        m_counters->setText(tr("Export failed: %1").arg(error));
    }
}

} // namespace d4::ui
