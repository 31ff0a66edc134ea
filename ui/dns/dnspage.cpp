// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dns/dnspage.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/pdnsanalyzer.h"
#include "analyzers/passivedns/pdnsreader.h"
#include "analyzers/passivedns/pdnsstatus.h"
#include "analyzers/passivedns/rrtypes.h"
#include "charts/qcustomplotinclude.h"
#include "dns/dnsexport.h"
#include "dns/dnsresultsmodel.h"
#include "dns/remotequeuebox.h"

namespace d4::ui {

using passivedns::PdnsTuple;

namespace {

Q_LOGGING_CATEGORY(lcDnsPage, "d4.ui.dns")

constexpr int kHistorySeconds = 300;
constexpr int kBars = 10;

QCustomPlot *makePlot(const QString &title, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumHeight(170);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title));
    return plot;
}

/**
 * Bars of @p values, in order. Vertical bars suit short labels (RR types); names are long, so
 * @p horizontal lays them out as rows read top to bottom, with labels cut to kNameLabelLength.
 */
void setBars(QCustomPlot *plot, const QList<QPair<QString, double>> &values, bool horizontal = false)
{
    constexpr qsizetype kNameLabelLength = 26;
    plot->clearPlottables();
    QCPAxis *keyAxis = horizontal ? plot->yAxis : plot->xAxis;
    QCPAxis *valueAxis = horizontal ? plot->xAxis : plot->yAxis;
    auto *bars = new QCPBars(keyAxis, valueAxis);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    QVector<double> heights;
    double maximum = 1;
    for (qsizetype i = 0; i < values.size(); ++i) {
        keys.append(double(i + 1));
        heights.append(values[i].second);
        QString label = values[i].first;
        if (horizontal && label.size() > kNameLabelLength) {
            label = label.left(kNameLabelLength - 1) + QChar(0x2026);
        }
        ticker->addTick(double(i + 1), label);
        maximum = std::max(maximum, values[i].second);
    }
    bars->setData(keys, heights);
    keyAxis->setTicker(ticker);
    if (horizontal) {
        QFont small = keyAxis->tickLabelFont();
        small.setPointSizeF(std::max(6.0, small.pointSizeF() - 2));
        keyAxis->setTickLabelFont(small);
        keyAxis->setRangeReversed(true); // the most seen name on top
        // The value axis of this narrow chart holds two or three readable numbers, not "025005000…".
        valueAxis->ticker()->setTickCount(2);
    } else {
        keyAxis->setTickLabelRotation(values.size() > 5 ? 45 : 0);
    }
    keyAxis->setRange(0, double(std::max<qsizetype>(values.size(), 1)) + 1);
    valueAxis->setRange(0, maximum * 1.1);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace

DnsPage::DnsPage(store::RedisEndpoint pdnsStore, passivedns::PdnsAnalyzer *analyzer, QWidget *parent)
    : QWidget(parent)
    , m_store(std::move(pdnsStore))
    , m_guard(this)
    , m_analyzer(analyzer)
{
    setObjectName(QStringLiteral("dnsPage"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Name, IP address, *.domain, or =rdata"));
    m_searchButton = new QPushButton(tr("&Search"), this);
    auto *exportNdjson = new QPushButton(tr("Export NDJSON…"), this);
    auto *exportCsv = new QPushButton(tr("Export CSV…"), this);
    auto *exportMisp = new QPushButton(tr("Export MISP…"), this);
    m_status = new QLabel(this);
    m_remoteQueue = new RemoteQueueBox(this);

    m_model = new DnsResultsModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *copy = new QShortcut(QKeySequence::Copy, m_table);
    connect(copy, &QShortcut::activated, this, &DnsPage::copySelection);

    m_rates = makePlot(tr("Records/s and new tuples/s"), this);
    m_rates->addGraph();
    m_rates->graph(0)->setName(tr("records/s"));
    m_rates->addGraph();
    m_rates->graph(1)->setName(tr("new tuples/s"));
    m_rates->graph(1)->setPen(QPen(Qt::red));
    m_rates->legend->setVisible(true);
    m_rates->xAxis->setLabel(tr("seconds"));
    m_types = makePlot(tr("RR type mix"), this);
    m_names = makePlot(tr("Top names"), this);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchButton);
    searchRow->addWidget(exportNdjson);
    searchRow->addWidget(exportCsv);
    searchRow->addWidget(exportMisp);
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_rates, 2);
    charts->addWidget(m_types, 1);
    charts->addWidget(m_names, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_remoteQueue);
    layout->addLayout(charts);
    layout->addLayout(searchRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::returnPressed, this, &DnsPage::search);
    connect(m_searchButton, &QPushButton::clicked, this, &DnsPage::search);
    connect(exportNdjson, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Ndjson); });
    connect(exportCsv, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Csv); });
    connect(exportMisp, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Misp); });

    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DnsPage::sample);
    m_timer.start();
}

DnsPage::~DnsPage() = default;

void DnsPage::setRemoteQueue(passivedns::RemoteQueueConsumer *consumer)
{
    m_remoteQueue->setConsumer(consumer);
}

int DnsPage::recordsRatePoints() const
{
    return m_rates->graph(0)->dataCount();
}

void DnsPage::search()
{
    const QByteArray text = m_search->text().trimmed().toUtf8();
    if (text.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Searching…"));
    const store::RedisEndpoint endpoint = m_store;
    QPointer<DnsPage> self(this);
    QThreadPool::globalInstance()->start([self, endpoint, text, generation] {
        passivedns::PdnsReader reader(endpoint);
        std::optional<QList<PdnsTuple>> found;
        const QHostAddress address(QString::fromLatin1(text));
        if (text.startsWith('=')) {
            const QByteArray value = text.mid(1);
            found = reader.byRdata({value, passivedns::LineParser::normaliseName(value)}, {});
        } else if (!address.isNull() && !text.contains('*')) {
            found = reader.byRdata({address.toString().toLatin1()},
                                   {passivedns::RrTypes::A, passivedns::RrTypes::AAAA});
        } else if (text.startsWith("*.")) {
            const auto names = reader.namesUnder(passivedns::LineParser::normaliseName(text.mid(2)), 10000);
            if (names) {
                found = reader.byNames(*names, {});
            }
        } else {
            found = reader.byName(passivedns::LineParser::normaliseName(text), {});
        }
        const QString error = found ? QString() : reader.errorString();
        QList<PdnsTuple> tuples = found ? *found : QList<PdnsTuple>();
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, tuples = std::move(tuples), error] {
                if (self) {
                    self->applyResults(generation, tuples, error);
                }
            },
            Qt::QueuedConnection);
    });
}

void DnsPage::applyResults(quint64 generation, const QList<PdnsTuple> &tuples, const QString &error)
{
    if (generation != m_generation) {
        return; // a newer search is running
    }
    m_model->setTuples(tuples);
    // Names and data readable without dragging column borders, but no column wider than a third of the table.
    const int widest = std::max(120, m_table->viewport()->width() / 3);
    for (int column = 0; column + 1 < m_model->columnCount(); ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));
    }
    m_status->setText(error.isEmpty() ? tr("%n result(s)", nullptr, int(tuples.size()))
                                      : tr("Search failed: %1").arg(error));
    Q_EMIT searchFinished(int(tuples.size()), error);
}

void DnsPage::copySelection()
{
    const QString text = m_model->copyText(m_table->selectionModel()->selectedIndexes());
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

QByteArray DnsPage::exportResults(ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Ndjson:
        return DnsExport::ndjson(m_model->tuples());
    case ExportFormat::Csv:
        return DnsExport::csv(m_model->tuples());
    case ExportFormat::Misp:
        return DnsExport::mispObjects(m_model->tuples());
    }
    return {};
}

void DnsPage::exportTo(ExportFormat format)
{
    const QString filter = format == ExportFormat::Ndjson ? tr("COF NDJSON (*.ndjson *.json)")
                           : format == ExportFormat::Csv  ? tr("CSV (*.csv)")
                                                          : tr("MISP objects (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QString(), filter);
    if (path.isEmpty()) {
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportResults(format)) < 0) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_status->setText(tr("Exported %n result(s) to %1", nullptr, int(m_model->rowCount())).arg(path));
}

void DnsPage::sample()
{
    m_remoteQueue->refresh(); // a snapshot under short locks: never waits on Redis
    if (m_analyzer) {
        Sample sample;
        const passivedns::AnalyzerCounters counters = m_analyzer->counters();
        sample.records = counters.records;
        sample.newTuples = counters.newTuples;
        const QHash<int, qint64> types = m_analyzer->typeCounts();
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            sample.types.append({it.key(), it.value()});
        }
        sample.names = m_analyzer->topNames(kBars);
        applySample(sample);
        return;
    }
    if (m_sampling) {
        return;
    }
    m_sampling = true;
    const store::RedisEndpoint endpoint = m_store;
    QPointer<DnsPage> self(this);
    QThreadPool::globalInstance()->start([self, endpoint] {
        passivedns::PdnsReader reader(endpoint);
        const auto stats = reader.stats();
        Sample sample;
        std::optional<passivedns::PdnsStatus> published;
        QString problem;
        if (stats) {
            sample.records = stats->processed;
            sample.newTuples = stats->tuples;
            sample.types = stats->typeDistribution;
            if (!stats->publishedStatus.isEmpty()) {
                published = passivedns::PdnsStatus::fromJson(stats->publishedStatus, &problem);
            }
            if (published) {
                sample.names = published->topNames;
            }
        }
        const bool ok = stats.has_value();
        QMetaObject::invokeMethod(
            qApp,
            [self, sample, ok, published, problem] {
                if (self) {
                    self->m_sampling = false;
                    if (ok) {
                        self->applySample(sample);
                        self->applyPublished(published, problem);
                    }
                }
            },
            Qt::QueuedConnection);
    });
}

void DnsPage::applyPublished(const std::optional<passivedns::PdnsStatus> &status, const QString &problem)
{
    if (!problem.isEmpty() && problem != m_publishedProblem) {
        qCWarning(lcDnsPage).noquote()
            << "the passive DNS status published in" << m_store.describe() << "is not readable:" << problem;
    }
    m_publishedProblem = problem;
    m_remoteQueue->setPublished(status ? status->remoteQueue : std::nullopt);
}

void DnsPage::applySample(const Sample &sample)
{
    const double now = double(m_clock.elapsed()) / 1000.0;
    if (m_lastRecords >= 0 && now > m_lastTime) {
        const double span = now - m_lastTime;
        m_rates->graph(0)->addData(now, double(sample.records - m_lastRecords) / span);
        m_rates->graph(1)->addData(now, double(sample.newTuples - m_lastTuples) / span);
        m_rates->graph(0)->data()->removeBefore(now - kHistorySeconds);
        m_rates->graph(1)->data()->removeBefore(now - kHistorySeconds);
        m_rates->xAxis->setRange(std::max(0.0, now - kHistorySeconds), std::max(now, 10.0));
        m_rates->rescaleAxes(true);
        m_rates->yAxis->setRangeLower(0);
        if (m_rates->yAxis->range().upper < 1) {
            m_rates->yAxis->setRangeUpper(1); // idle: 0 to 1 per second, not a range of rounding noise
        }
        m_rates->replot(QCustomPlot::rpQueuedReplot);
    }
    m_lastRecords = sample.records;
    m_lastTuples = sample.newTuples;
    m_lastTime = now;

    QList<QPair<int, qint64>> types = sample.types;
    std::sort(types.begin(), types.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QList<QPair<QString, double>> typeBars;
    for (qsizetype i = 0; i < types.size() && i < kBars; ++i) {
        typeBars.append(
            {QString::fromLatin1(passivedns::RrTypes::displayName(types[i].first)), double(types[i].second)});
    }
    setBars(m_types, typeBars);
    QList<QPair<QString, double>> nameBars;
    for (const auto &[name, count] : sample.names) {
        nameBars.append({QString::fromUtf8(name), double(count)});
    }
    setBars(m_names, nameBars, true);
}

} // namespace d4::ui
