// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "backscatter/backscatterpage.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
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
#include "analyzers/backscatter/evidencewriter.h"
#include "backscatter/attacktablemodel.h"
#include "backscatter/backscattersourcebox.h"
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

/** Identifies an attack across snapshots: victim, protocol and start. */
using AttackKey = std::tuple<quint32, quint8, qint64>;

AttackKey keyOf(const AttackRecord &attack)
{
    return {attack.victim, attack.protocol, attack.startNs};
}

QString attackName(const AttackRecord &attack)
{
    return BackscatterExport::ipv4Text(attack.victim) + QLatin1Char(' ') +
           BackscatterExport::protocolName(attack.protocol);
}

} // namespace

BackscatterPage::BackscatterPage(BackscatterAnalyzer *live, QWidget *parent)
    : QWidget(parent)
    , m_sources(new BackscatterSourceBox(this))
    , m_model(new AttackTableModel(this))
    , m_table(new QTableView(this))
    , m_rates(new QCustomPlot(this))
    , m_timeline(new QCustomPlot(this))
    , m_message(new QLabel(this))
    , m_counters(new QLabel(this))
    , m_preset(new QComboBox(this))
    , m_saveButton(new QPushButton(tr("Save &evidence pcap…"), this))
    , m_saveEvidence(new QAction(tr("Save evidence pcap…"), this))
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
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { showTimeline(); });

    // Evidence: a button (Alt+E), the table's context menu and Ctrl+Shift+E anywhere in the page.
    m_saveEvidence->setObjectName(QStringLiteral("saveEvidenceAction"));
    m_saveEvidence->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_saveEvidence->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_saveEvidence->setToolTip(
        tr("Write the kept packets of the selected attacks as pcap files (Ctrl+Shift+E)"));
    addAction(m_saveEvidence);
    m_table->addAction(m_saveEvidence);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_saveEvidence, &QAction::triggered, this, [this] { saveEvidenceWithDialog(); });
    m_saveButton->setToolTip(m_saveEvidence->toolTip());
    connect(m_saveButton, &QPushButton::clicked, m_saveEvidence, &QAction::trigger);

    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Corsaro));
    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Moore));
    m_preset->addItem(BackscatterSettings::presetName(BackscatterSettings::Preset::Sensitive));
    connect(m_preset, &QComboBox::activated, this, [this](int index) { applyPreset(index); });

    auto *toolbar = new QHBoxLayout;
    auto *sourceLabel = new QLabel(tr("&Source:"), this);
    sourceLabel->setBuddy(m_sources);
    toolbar->addWidget(sourceLabel);
    toolbar->addWidget(m_sources);
    toolbar->addWidget(new QLabel(tr("Thresholds:"), this));
    toolbar->addWidget(m_preset);
    toolbar->addStretch();
    toolbar->addWidget(m_saveButton);
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
    m_message->setObjectName(QStringLiteral("backscatterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    m_counters->setWordWrap(true);
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_counters);

    m_sources->setLive(live);
    connect(m_sources, &QComboBox::currentIndexChanged, this, [this] { sourceChanged(); });

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    m_timer.start();
    refresh();
}

int BackscatterPage::addImportedSource(const QString &name, std::shared_ptr<BackscatterAnalyzer> analyzer)
{
    const bool hadLive = m_sources->isLive(0);
    const int index = m_sources->addImport(name, std::move(analyzer));
    // Without live traffic to watch, show what was just imported.
    if (index >= 0 && !hadLive) {
        m_sources->setCurrentIndex(index);
    }
    return index;
}

void BackscatterPage::renameImportedSource(const BackscatterAnalyzer *analyzer, const QString &name)
{
    m_sources->renameImport(analyzer, name);
}

void BackscatterPage::sourceChanged()
{
    m_table->clearSelection();
    m_message->hide();
    if (const BackscatterAnalyzer *analyzer = m_sources->currentAnalyzer()) {
        const AttackThresholds thresholds = analyzer->settings().thresholds;
        for (int i = 0; i < m_preset->count(); ++i) {
            if (BackscatterSettings::fromPreset(static_cast<BackscatterSettings::Preset>(i)).thresholds ==
                thresholds) {
                m_preset->setCurrentIndex(i);
            }
        }
    }
    refresh();
}

void BackscatterPage::refresh()
{
    BackscatterAnalyzer *analyzer = m_sources->currentAnalyzer();
    m_preset->setEnabled(analyzer != nullptr);
    if (!analyzer) {
        m_model->setSnapshot({});
        m_counters->setText(tr("No source: import captures (File › Import Captures…) to see their "
                               "backscatter here."));
        return;
    }
    // Keep the selected attacks selected across the model reset.
    std::set<AttackKey> selected;
    for (const AttackRecord &attack : selectedAttacks()) {
        selected.insert(keyOf(attack));
    }
    const BackscatterSnapshot snapshot = analyzer->snapshot();
    m_model->setSnapshot(snapshot);
    if (!selected.empty()) {
        QItemSelection selection;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (selected.count(keyOf(snapshot.attacks.at(row))) > 0) {
                selection.select(m_model->index(row, 0),
                                 m_model->index(row, AttackTableModel::ColumnCount - 1));
            }
        }
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
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
    if (s.settings.evidence.enabled()) {
        text +=
            QLatin1Char('\n') +
            tr("Evidence: %1 KiB held of %2 KiB; %3 packets refused by that budget; %4 vectors ended below "
               "the thresholds and released theirs; %5 ended attacks gave theirs to newer ones")
                .arg(c.evidenceBytes / 1024)
                .arg(s.settings.evidenceMaxBytes / 1024)
                .arg(c.evidenceRefused)
                .arg(c.evidenceReleased)
                .arg(c.evidenceReclaimed);
    }
    for (const QString &warning : s.settings.warnings()) {
        text += QLatin1Char('\n') + warning;
    }
    return text;
}

QString BackscatterPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void BackscatterPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828; font-weight: bold") : QString());
    m_message->setVisible(!text.isEmpty());
}

QList<AttackRecord> BackscatterPage::selectedAttacks() const
{
    QList<AttackRecord> attacks;
    const BackscatterSnapshot &snapshot = m_model->snapshot();
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &row : std::as_const(rows)) {
        if (row.row() < snapshot.attacks.size()) {
            attacks.append(snapshot.attacks.at(row.row()));
        }
    }
    return attacks;
}

void BackscatterPage::showTimeline()
{
    auto *bars = qobject_cast<QCPBars *>(m_timeline->plottable(0));
    const QList<AttackRecord> selected = selectedAttacks();
    QVector<double> keys;
    QVector<double> values;
    const BackscatterSnapshot &snapshot = m_model->snapshot();
    if (!selected.isEmpty()) {
        const AttackRecord &attack = selected.constFirst();
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
    BackscatterAnalyzer *analyzer = m_sources->currentAnalyzer();
    if (!analyzer) {
        return;
    }
    const auto preset = static_cast<BackscatterSettings::Preset>(index);
    analyzer->setThresholds(BackscatterSettings::fromPreset(preset).thresholds);
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
        showMessage(tr("Export failed: %1").arg(error), true);
    }
}

QStringList BackscatterPage::saveEvidence(const QString &target, QString &error)
{
    error.clear();
    const QList<AttackRecord> attacks = selectedAttacks();
    QStringList written;
    QStringList problems;
    if (attacks.isEmpty()) {
        problems << tr("Select one or more attacks first.");
    }
    const bool intoDirectory = attacks.size() > 1 || QFileInfo(target).isDir();
    for (const AttackRecord &attack : attacks) {
        const QString path = intoDirectory ? QDir(target).filePath(EvidenceWriter::fileName(attack)) : target;
        QString why;
        if (EvidenceWriter::write(attack, path, why)) {
            written << path;
        } else {
            problems << why;
        }
    }
    error = problems.join(QLatin1Char('\n'));
    QString text =
        written.isEmpty() ? QString() : tr("Evidence saved: %1").arg(written.join(QStringLiteral(", ")));
    if (!error.isEmpty()) {
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + error;
    }
    showMessage(text, !error.isEmpty());
    return written;
}

void BackscatterPage::saveEvidenceWithDialog()
{
    const QList<AttackRecord> attacks = selectedAttacks();
    if (attacks.isEmpty()) {
        showMessage(tr("Select one or more attacks first."), true);
        return;
    }
    // Say at once when nothing can be saved, rather than after a file dialog.
    QStringList unavailable;
    const AttackRecord *withEvidence = nullptr;
    for (const AttackRecord &attack : attacks) {
        const QString reason = EvidenceWriter::unavailableReason(attack);
        if (reason.isEmpty()) {
            withEvidence = withEvidence ? withEvidence : &attack;
        } else {
            unavailable << tr("%1: %2").arg(attackName(attack), reason);
        }
    }
    if (!withEvidence) {
        showMessage(
            tr("No evidence pcap available for the selection.\n%1").arg(unavailable.join(QLatin1Char('\n'))),
            true);
        return;
    }
    auto *dialog = new QFileDialog(this);
    dialog->setObjectName(QStringLiteral("evidenceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (attacks.size() == 1) {
        dialog->setWindowTitle(tr("Save evidence pcap"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setNameFilter(tr("Captures (*.pcap *.pcapng)"));
        dialog->selectFile(EvidenceWriter::fileName(*withEvidence));
    } else {
        dialog->setWindowTitle(tr("Save evidence pcaps into a folder"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
    }
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &target) {
        QString error;
        saveEvidence(target, error);
    });
    dialog->open();
}

} // namespace d4::ui
