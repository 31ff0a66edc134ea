// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QWidget>

#include "forward/forwardpreviewrunner.h"
#include "forward/forwardrule.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace d4::ui {

class ForwardPreviewModel;

/**
 * The dry-run preview of one rule: the analyst pastes lines, loads a file (text lines for line
 * rules, a capture for pcap rules, first 1,000 packets) or takes a sample of the rule's analyzer
 * queue, and sees for each item whether the rule keeps it, why not, and what would be sent, with
 * totals per reason. Filtering and file reading run on a thread-pool thread.
 */
class ForwardPreviewPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ForwardPreviewPanel(QWidget *parent = nullptr);
    ~ForwardPreviewPanel() override;

    /** The rule to preview; nullopt disables the panel. */
    void setRule(const std::optional<forward::ForwardRule> &rule);
    /** Runs the rule on the pasted text (line rules). */
    void runPreview();
    /** Line rules: the file's first lines into the input, then a preview; pcap rules: the capture. */
    void loadFile(const QString &path);
    /** The answer to sampleRequested(): queue items (lines, or capture paths for pcap rules). */
    void showSample(const QByteArrayList &items, const QString &error);

    QPlainTextEdit *input() const noexcept { return m_input; }
    ForwardPreviewModel *model() const noexcept { return m_model; }
    QTableView *view() const noexcept { return m_view; }
    QLabel *totalsLabel() const noexcept { return m_totals; }
    QLabel *noteLabel() const noexcept { return m_note; }
    QPushButton *sampleButton() const noexcept { return m_sample; }
    QPushButton *runButton() const noexcept { return m_run; }

Q_SIGNALS:
    /** The analyst asked for the newest items of the rule's analyzer queue @p queueUuid. */
    void sampleRequested(const QByteArray &queueUuid);
    /** A preview's rows are shown (for tests and the status line). */
    void previewFinished();

private:
    void chooseFile();
    void requestSample();
    void start(std::function<ForwardPreviewResult()> job);
    void showResult(quint64 generation, const ForwardPreviewResult &result);
    void updateNote();

    std::optional<forward::ForwardRule> m_rule;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_sample = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_totals = nullptr;
    QTableView *m_view = nullptr;
    ForwardPreviewModel *m_model = nullptr;
    quint64 m_generation = 0;
};

} // namespace d4::ui
