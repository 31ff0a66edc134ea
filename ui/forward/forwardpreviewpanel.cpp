// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardpreviewpanel.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include "forward/forwardpreviewmodel.h"
#include "forward/forwardrulesmodel.h"
#include "protocol/opensslthread.h"

namespace d4::ui {

using forward::FilterReason;
using forward::ForwardSource;

namespace {

constexpr int kMaxLines = 1000;

/** The rule's first analyzer-queue source, or empty. */
QByteArray firstQueue(const std::optional<forward::ForwardRule> &rule)
{
    if (rule) {
        for (const ForwardSource &source : rule->sources) {
            if (source.kind == ForwardSource::Kind::AnalyzerQueue) {
                return source.queueUuid;
            }
        }
    }
    return {};
}

} // namespace

ForwardPreviewPanel::ForwardPreviewPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("forwardPreviewPanel"));
    m_input = new QPlainTextEdit(this);
    m_input->setPlaceholderText(tr("Paste lines here, one item per line"));
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_run = new QPushButton(tr("Run pre&view"), this);
    m_load = new QPushButton(tr("&Load file…"), this);
    m_sample = new QPushButton(tr("Sa&mple the queue"), this);
    m_sample->setToolTip(
        tr("The next 100 items the rule would read from its analyzer queue; they stay in the queue"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model = new ForwardPreviewModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    for (const int column :
         {ForwardPreviewModel::Number, ForwardPreviewModel::Decision, ForwardPreviewModel::Reason}) {
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_view->horizontalHeader()->setDefaultSectionSize(260); // the item; what is sent takes the rest
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_load);
    buttons->addWidget(m_sample);
    buttons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_input, 1);
    left->addLayout(buttons);
    left->addWidget(m_note);
    auto *right = new QVBoxLayout;
    right->addWidget(m_view, 1);
    right->addWidget(m_totals);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addLayout(right, 2);

    connect(m_run, &QPushButton::clicked, this, &ForwardPreviewPanel::runPreview);
    connect(m_load, &QPushButton::clicked, this, &ForwardPreviewPanel::chooseFile);
    connect(m_sample, &QPushButton::clicked, this, &ForwardPreviewPanel::requestSample);
    setRule(std::nullopt);
}

ForwardPreviewPanel::~ForwardPreviewPanel() = default;

void ForwardPreviewPanel::setRule(const std::optional<forward::ForwardRule> &rule)
{
    const bool changed =
        rule.has_value() != m_rule.has_value() || (rule && m_rule && rule->name != m_rule->name);
    m_rule = rule;
    const bool lines = m_rule && !m_rule->isPcap();
    m_input->setEnabled(lines);
    m_run->setEnabled(lines);
    m_load->setEnabled(m_rule.has_value());
    m_sample->setEnabled(!firstQueue(m_rule).isEmpty());
    if (changed) {
        ++m_generation; // a preview still running belongs to the previous rule
        m_model->setItems({});
        m_totals->clear();
    }
    updateNote();
}

void ForwardPreviewPanel::updateNote()
{
    QStringList notes;
    if (!m_rule) {
        notes.append(tr("Select a rule to preview what it would send."));
    } else if (m_rule->isPcap()) {
        notes.append(tr("Load a pcap or pcapng file: its first 1,000 packets are previewed."));
    } else {
        if (!m_rule->lines.passiveDns) {
            notes.append(tr("Lines of this type are only sampled, not parsed."));
        }
        if (m_rule->lines.clientFields == forward::ClientFieldPolicy::Pseudonymise) {
            notes.append(tr("This rule pseudonymises client fields: the preview uses a random key, so "
                            "the pseudonyms differ from those the partner receives."));
        }
    }
    m_note->setText(notes.join(QLatin1Char(' ')));
}

void ForwardPreviewPanel::runPreview()
{
    if (!m_rule || m_rule->isPcap()) {
        return;
    }
    const forward::ForwardRule rule = *m_rule;
    const QByteArrayList lines = ForwardPreviewRunner::splitLines(m_input->toPlainText().toUtf8());
    start([rule, lines] { return ForwardPreviewRunner::previewLines(rule, lines); });
}

void ForwardPreviewPanel::chooseFile()
{
    if (!m_rule) {
        return;
    }
    const QString filter = m_rule->isPcap() ? tr("Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)")
                                            : tr("Text files (*.txt *.log *.json);;All files (*)");
    const QString path = QFileDialog::getOpenFileName(this, tr("Preview a file"), QString(), filter);
    if (!path.isEmpty()) {
        loadFile(path);
    }
}

void ForwardPreviewPanel::loadFile(const QString &path)
{
    if (!m_rule) {
        return;
    }
    const forward::ForwardRule rule = *m_rule;
    if (rule.isPcap()) {
        start([rule, path] { return ForwardPreviewRunner::previewCaptureFile(rule, path); });
        return;
    }
    // Text: the first lines go into the input (so they can be edited and run again).
    const quint64 generation = m_generation;
    QPointer<ForwardPreviewPanel> self(this);
    QThreadPool::globalInstance()->start([self, path, generation] {
        QFile file(path);
        QByteArray text;
        QString error;
        if (!file.open(QIODevice::ReadOnly)) {
            error = tr("Cannot open %1: %2").arg(path, file.errorString());
        } else {
            for (int lines = 0; lines < kMaxLines && !file.atEnd(); ++lines) {
                text += file.readLine(1024 * 1024);
            }
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, text, error, generation] {
                if (!self || generation != self->m_generation) {
                    return;
                }
                if (!error.isEmpty()) {
                    self->m_totals->setText(error);
                    return;
                }
                self->m_input->setPlainText(QString::fromUtf8(text));
                self->runPreview();
            },
            Qt::QueuedConnection);
    });
}

void ForwardPreviewPanel::requestSample()
{
    const QByteArray queue = firstQueue(m_rule);
    if (!queue.isEmpty()) {
        m_totals->setText(tr("Sampling the queue…"));
        Q_EMIT sampleRequested(queue);
    }
}

void ForwardPreviewPanel::showSample(const QByteArrayList &items, const QString &error)
{
    if (!m_rule) {
        return;
    }
    if (!error.isEmpty()) {
        m_totals->setText(tr("Sampling failed: %1").arg(error));
        return;
    }
    if (items.isEmpty()) {
        m_totals->setText(tr("The queue is empty."));
        return;
    }
    if (m_rule->isPcap()) {
        // Type 1 queues carry the paths of capture files; the newest one still on disk is previewed.
        for (qsizetype i = items.size() - 1; i >= 0; --i) {
            const QString path = QString::fromUtf8(items[i]);
            if (QFileInfo(path).isFile()) {
                loadFile(path);
                return;
            }
        }
        m_totals->setText(tr("None of the queued capture files is readable from this computer."));
        return;
    }
    m_input->setPlainText(QString::fromUtf8(items.join('\n')));
    runPreview();
}

void ForwardPreviewPanel::start(std::function<ForwardPreviewResult()> job)
{
    const quint64 generation = ++m_generation;
    m_totals->setText(tr("Running the preview…"));
    QPointer<ForwardPreviewPanel> self(this);
    QThreadPool::globalInstance()->start([self, job = std::move(job), generation] {
        ForwardPreviewResult result = job();
        // The job's filter may have used OpenSSL (a pseudonymising rule's HMAC) on this pool thread.
        protocol::releaseOpenSslThreadState();
        QMetaObject::invokeMethod(
            qApp,
            [self, result = std::move(result), generation] {
                if (self) {
                    self->showResult(generation, result);
                }
            },
            Qt::QueuedConnection);
    });
}

void ForwardPreviewPanel::showResult(quint64 generation, const ForwardPreviewResult &result)
{
    if (generation != m_generation) {
        return; // a newer preview or another rule
    }
    m_model->setItems(result.items);
    if (!result.error.isEmpty()) {
        m_totals->setText(result.error);
        Q_EMIT previewFinished();
        return;
    }
    QStringList parts;
    parts.append(tr("%n kept", nullptr, result.totals[int(FilterReason::None)]));
    for (int reason = int(FilterReason::None) + 1; reason < int(FilterReason::Count_); ++reason) {
        if (result.totals[reason] > 0) {
            parts.append(tr("%1: %2")
                             .arg(ForwardRulesModel::reasonText(FilterReason(reason)))
                             .arg(result.totals[reason]));
        }
    }
    QString text = tr("%n item(s): ", nullptr, int(result.items.size())) + parts.join(QStringLiteral(", "));
    if (result.truncated) {
        text += QLatin1Char(' ') + tr("(first %1 packets only)").arg(ForwardPreviewRunner::kMaxPackets);
    }
    m_totals->setText(text);
    Q_EMIT previewFinished();
}

} // namespace d4::ui
