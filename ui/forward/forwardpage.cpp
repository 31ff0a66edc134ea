// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardpage.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "charts/qcustomplotinclude.h"
#include "forward/forwardpreviewpanel.h"
#include "forward/forwardruleconfigwriter.h"
#include "forward/forwardruledialog.h"
#include "forward/forwardrulesmodel.h"
#include "forward/forwardstatusreader.h"

namespace d4::ui {

using forward::ForwardRuleStatus;
using forward::ForwardStatusReader;

namespace {
constexpr int kSampleItems = 100;
constexpr double kHistorySeconds = 300;
} // namespace

ForwardPage::ForwardPage(store::RedisEndpoint metadata, store::RedisEndpoint analyzer, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::make_shared<ForwardStatusReader>(std::move(metadata), std::move(analyzer)))
{
    setObjectName(QStringLiteral("forwardPage"));
    m_model = new ForwardRulesModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("forwardRules"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The last error takes the room left; long partner names and source lists are elided (tooltips).
    m_table->horizontalHeader()->setSectionResizeMode(ForwardRulesModel::Sources, QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(80);
    m_table->horizontalHeader()->resizeSection(ForwardRulesModel::Sources, 150);
    m_table->horizontalHeader()->setSectionResizeMode(ForwardRulesModel::Partner, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(ForwardRulesModel::Partner, 170);
    m_table->horizontalHeader()->setSectionResizeMode(ForwardRulesModel::LastError, QHeaderView::Interactive);

    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setEnabled(false);
    m_new = new QPushButton(tr("&New rule…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("Rem&ove"), this);
    m_apply = new QLabel(this);
    m_apply->setObjectName(QStringLiteral("forwardApply"));
    m_apply->setWordWrap(true);
    m_apply->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *intro =
        new QLabel(tr("Rules are defined in the server's configuration ([Forward:<name>] sections); "
                      "here they can be watched, paused and previewed."),
                   this);
    intro->setWordWrap(true);

    m_chart = new QCustomPlot(this);
    m_chart->setMinimumHeight(160);
    m_chart->plotLayout()->insertRow(0);
    m_chart->plotLayout()->addElement(0, 0, new QCPTextElement(m_chart, tr("Sent to the partner")));
    m_chart->addGraph();
    m_chart->graph(0)->setName(tr("records/s"));
    m_chart->addGraph(m_chart->xAxis, m_chart->yAxis2);
    m_chart->graph(1)->setName(tr("MB/s"));
    m_chart->graph(1)->setPen(QPen(Qt::red));
    m_chart->yAxis->setLabel(tr("records/s"));
    m_chart->yAxis2->setLabel(tr("MB/s"));
    m_chart->yAxis2->setVisible(true);
    m_chart->xAxis->setLabel(tr("seconds"));
    m_chart->legend->setVisible(true);
    m_breakdown = new QLabel(this);
    m_breakdown->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_breakdown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_breakdown->setMinimumWidth(220);
    m_breakdown->setWordWrap(true);
    auto *details = new QWidget(this);
    auto *detailsLayout = new QHBoxLayout(details);
    detailsLayout->addWidget(m_chart, 3);
    detailsLayout->addWidget(m_breakdown, 1);
    m_preview = new ForwardPreviewPanel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_preview, tr("&Dry-run preview"));
    m_tabs->addTab(details, tr("&Throughput and filters"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_status, 1);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(intro);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_apply);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_pause, &QPushButton::clicked, this, &ForwardPage::togglePause);
    connect(m_new, &QPushButton::clicked, this, [this] { editRule(QString()); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editRule(selectedRule()); });
    connect(m_remove, &QPushButton::clicked, this, &ForwardPage::confirmRemove);
    updateEditButtons();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ForwardPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ForwardPage::selectionChanged);
    connect(m_preview, &ForwardPreviewPanel::sampleRequested, this, &ForwardPage::requestSample);

    m_thread.setObjectName(QStringLiteral("forward-status"));
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_threadContext, &QObject::deleteLater);
    m_thread.start();

    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ForwardPage::refresh);
    m_timer.start();
    refresh();
}

ForwardPage::~ForwardPage()
{
    m_timer.stop();
    m_thread.quit();
    m_thread.wait(); // the reader is only used on that thread; after this nothing touches it
}

template <typename Job> void ForwardPage::post(Job &&job)
{
    QMetaObject::invokeMethod(
        m_threadContext, [reader = m_reader, job = std::forward<Job>(job)] { job(*reader); },
        Qt::QueuedConnection);
}

void ForwardPage::refresh()
{
    if (m_refreshing) {
        return; // Redis is slow: skip this tick rather than queue reads
    }
    m_refreshing = true;
    QPointer<ForwardPage> self(this);
    post([self](ForwardStatusReader &reader) {
        QString error;
        const auto rules = reader.readAll(error);
        QMetaObject::invokeMethod(
            qApp,
            [self, rules, error] {
                if (self) {
                    self->m_refreshing = false;
                    self->applyRules(rules.value_or(QList<ForwardRuleStatus>()), rules ? QString() : error);
                }
            },
            Qt::QueuedConnection);
    });
}

void ForwardPage::applyRules(const QList<ForwardRuleStatus> &rules, const QString &error)
{
    if (!error.isEmpty()) {
        m_readFailed = true;
        m_status->setText(tr("Cannot read the forwarding rules: %1").arg(error));
        Q_EMIT refreshed(error);
        return;
    }
    const QString selected = selectedRule();
    m_model->setRules(rules);
    if (!selected.isEmpty() && selectedRule() != selected) {
        selectRule(selected); // the rows were rebuilt (a rule came or went)
    }
    if (rules.isEmpty()) {
        m_status->setText(
            tr("No forwarding rule: add [Forward:<name>] sections to the server's configuration."));
        m_readFailed = true;
    } else if (m_readFailed) {
        m_status->clear();
        m_readFailed = false;
    }
    updateDetails();
    Q_EMIT refreshed(QString());
}

bool ForwardPage::selectRule(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0) {
        return false;
    }
    m_table->selectRow(row);
    return true;
}

QString ForwardPage::selectedRule() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const ForwardRuleStatus *status = rows.isEmpty() ? nullptr : m_model->ruleAt(rows.first().row());
    return status ? status->name : QString();
}

void ForwardPage::selectionChanged()
{
    updateDetails();
    updateEditButtons();
}

void ForwardPage::setConfigFile(const QString &path)
{
    m_configFile = path;
    updateEditButtons();
}

void ForwardPage::updateEditButtons()
{
    const bool canEdit = !m_configFile.isEmpty();
    const QString why = canEdit ? QString()
                                : tr("Rules are edited in the embedded server's server.conf: choose one in "
                                     "File > Settings (or start with --config) to edit them here.");
    for (QPushButton *button : {m_new, m_edit, m_remove}) {
        button->setToolTip(why);
    }
    m_new->setEnabled(canEdit);
    m_edit->setEnabled(canEdit && !selectedRule().isEmpty());
    m_remove->setEnabled(canEdit && !selectedRule().isEmpty());
}

void ForwardPage::editRule(const QString &name)
{
    ForwardRuleDialog dialog(m_configFile, name, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_apply->setText(tr("Rule %1 saved in %2. The change applies when the server restarts: restart "
                            "D4 Console to apply.")
                             .arg(dialog.ruleName(), m_configFile));
        m_apply->show();
    }
}

void ForwardPage::confirmRemove()
{
    const QString name = selectedRule();
    if (name.isEmpty() ||
        QMessageBox::question(this, tr("Remove rule"),
                              tr("Remove rule %1 from %2?").arg(name, m_configFile)) != QMessageBox::Yes) {
        return;
    }
    removeRule(name);
}

bool ForwardPage::removeRule(const QString &name)
{
    config::ConfigError error;
    const bool removed =
        forward::ForwardRuleConfigWriter::updateFile(m_configFile, name, std::nullopt, error);
    m_apply->setText(removed ? tr("Rule %1 removed from %2. The change applies when the server restarts: "
                                  "restart D4 Console to apply.")
                                   .arg(name, m_configFile)
                             : error.toString());
    m_apply->show();
    return removed;
}

void ForwardPage::updateDetails()
{
    const ForwardRuleStatus *status = m_model->ruleAt(m_model->rowOf(selectedRule()));
    m_preview->setRule(status ? status->rule : std::nullopt); // follows configuration changes too
    m_pause->setEnabled(status != nullptr && !(status->rule && !status->rule->enabled));
    m_pause->setText(status && status->paused ? tr("&Resume") : tr("&Pause"));
    if (!status) {
        m_breakdown->setText(tr("Select a rule."));
        return;
    }
    const QLocale locale;
    QStringList lines;
    lines.append(tr("Read: %1").arg(locale.toString(status->read)));
    lines.append(tr("Filtered: %1").arg(locale.toString(status->filteredTotal())));
    for (auto it = status->filtered.cbegin(); it != status->filtered.cend(); ++it) {
        lines.append(QStringLiteral("    %1: %2")
                         .arg(ForwardRulesModel::reasonTextForName(it.key()), locale.toString(it.value())));
    }
    lines.append(
        tr("Sent: %1 (%2)").arg(locale.toString(status->sent), locale.formattedDataSize(status->bytesSent)));
    lines.append(tr("Connections: %1").arg(locale.toString(status->connections)));
    if (status->lastAck > 0) {
        lines.append(
            tr("Last acknowledgement: %1")
                .arg(locale.toString(QDateTime::fromSecsSinceEpoch(status->lastAck), QLocale::ShortFormat)));
    }
    m_breakdown->setText(lines.join(QLatin1Char('\n')));

    // The chart follows the selected rule: records/s and MB/s sent, from successive refreshes.
    const double now = double(m_clock.elapsed()) / 1000.0;
    if (m_chartRule != status->name) {
        m_chartRule = status->name;
        m_lastSent = -1;
        m_chart->graph(0)->data()->clear();
        m_chart->graph(1)->data()->clear();
    }
    if (m_lastSent >= 0 && now > m_lastTime + 0.5) {
        const double span = now - m_lastTime;
        m_chart->graph(0)->addData(now, double(std::max<qint64>(0, status->sent - m_lastSent)) / span);
        m_chart->graph(1)->addData(now,
                                   double(std::max<qint64>(0, status->bytesSent - m_lastBytes)) / span / 1e6);
        for (int i = 0; i < 2; ++i) {
            m_chart->graph(i)->data()->removeBefore(now - kHistorySeconds);
            m_chart->graph(i)->rescaleValueAxis(false, true);
        }
        m_chart->yAxis->setRangeLower(0);
        m_chart->yAxis2->setRangeLower(0);
        m_chart->xAxis->setRange(std::max(0.0, now - kHistorySeconds), std::max(now, 10.0));
        m_chart->replot(QCustomPlot::rpQueuedReplot);
    }
    if (m_lastSent < 0 || now > m_lastTime + 0.5) {
        m_lastSent = status->sent;
        m_lastBytes = status->bytesSent;
        m_lastTime = now;
    }
}

void ForwardPage::togglePause()
{
    const ForwardRuleStatus *status = m_model->ruleAt(m_model->rowOf(selectedRule()));
    if (!status) {
        return;
    }
    const QString name = status->name;
    const bool pause = !status->paused;
    m_pause->setEnabled(false);
    m_new = new QPushButton(tr("&New rule…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("Rem&ove"), this);
    m_apply = new QLabel(this);
    m_apply->setObjectName(QStringLiteral("forwardApply"));
    m_apply->setWordWrap(true);
    m_apply->hide();
    m_status->setText(pause ? tr("Pausing %1…").arg(name) : tr("Resuming %1…").arg(name));
    QPointer<ForwardPage> self(this);
    post([self, name, pause](ForwardStatusReader &reader) {
        QString error;
        const bool ok = reader.setPaused(name, pause, error);
        QMetaObject::invokeMethod(
            qApp,
            [self, name, pause, ok, error] {
                if (!self) {
                    return;
                }
                self->m_status->setText(!ok ? tr("Cannot change %1: %2").arg(name, error)
                                        : pause
                                            ? tr("%1 paused: the server stops reading its sources.").arg(name)
                                            : tr("%1 resumed.").arg(name));
                self->refresh();
                Q_EMIT self->pauseFinished(name, pause, ok ? QString() : error);
            },
            Qt::QueuedConnection);
    });
}

void ForwardPage::requestSample(const QByteArray &queueUuid)
{
    QPointer<ForwardPage> self(this);
    post([self, queueUuid](ForwardStatusReader &reader) {
        QString error;
        const auto items = reader.sampleQueue(queueUuid, kSampleItems, error);
        QMetaObject::invokeMethod(
            qApp,
            [self, items, error] {
                if (self) {
                    self->m_preview->showSample(items.value_or(QByteArrayList()), items ? QString() : error);
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace d4::ui
