// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QList>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableView;

namespace d4::analyzers::backscatter {
class BackscatterAnalyzer;
struct AttackRecord;
} // namespace d4::analyzers::backscatter

namespace d4::ui {

class AttackTableModel;
class BackscatterSourceBox;

/**
 * The Backscatter page: a chart of backscatter packets per second by class on capture time, the
 * table of attacks, a per-victim timeline of the selected attack, the counters (evictions,
 * mismatches, evidence), a thresholds preset, exports to CSV, JSON and MISP `ddos` objects, and
 * the evidence pcap of the selected attacks. A source box chooses what is shown: "Live" (@p live,
 * the embedded server's analyzer fed by the sensors; nullptr when attached to a remote server) or
 * an imported capture (addImportedSource()). It reads the analyzer's snapshot() every second while
 * visible (analyzers are thread-safe); @p live must outlive the page.
 */
class BackscatterPage final : public QWidget
{
    Q_OBJECT

public:
    enum class ExportFormat
    {
        Csv,
        Json,
        Misp
    };

    explicit BackscatterPage(analyzers::backscatter::BackscatterAnalyzer *live, QWidget *parent = nullptr);

    /**
     * Lists an imported capture's analyzer as a source named @p name (the page shares it). It is
     * selected when there is no live source; returns its index in sourceBox().
     */
    int addImportedSource(const QString &name,
                          std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> analyzer);
    /** Renames the imported source of @p analyzer (e.g. once its import has finished). */
    void renameImportedSource(const analyzers::backscatter::BackscatterAnalyzer *analyzer,
                              const QString &name);

    /** Takes a new snapshot of the current source and redraws (the timer does it every second). */
    void refresh();
    /** Writes the current attacks to @p path; false with @p error on failure. */
    bool exportTo(ExportFormat format, const QString &path, QString &error) const;
    /**
     * Writes the evidence of the selected attacks: into the file @p target when one attack is
     * selected and @p target is not a directory, else one file per attack into the directory
     * @p target, named by victim, protocol and start. Returns the files written; @p error lists
     * the attacks without evidence and the write failures (empty when all were written). The
     * result is also shown on the page (messageText()).
     */
    QStringList saveEvidence(const QString &target, QString &error);

    AttackTableModel *attackModel() const noexcept { return m_model; }
    QTableView *attackView() const noexcept { return m_table; }
    QCustomPlot *ratePlot() const noexcept { return m_rates; }
    QCustomPlot *timelinePlot() const noexcept { return m_timeline; }
    QComboBox *presetBox() const noexcept { return m_preset; }
    BackscatterSourceBox *sourceBox() const noexcept { return m_sources; }
    /** Save evidence pcap… (Ctrl+Shift+E in the page, also in the table's context menu). */
    QAction *saveEvidenceAction() const noexcept { return m_saveEvidence; }
    QString countersText() const;
    /** The last result or error shown above the counters (evidence, exports). */
    QString messageText() const;

private:
    void showTimeline();
    void applyPreset(int index);
    void sourceChanged();
    void exportWithDialog(ExportFormat format);
    void saveEvidenceWithDialog();
    void showMessage(const QString &text, bool error);
    QList<analyzers::backscatter::AttackRecord> selectedAttacks() const;

    BackscatterSourceBox *m_sources;
    AttackTableModel *m_model;
    QTableView *m_table;
    QCustomPlot *m_rates;
    QCustomPlot *m_timeline;
    QLabel *m_message;
    QLabel *m_counters;
    QComboBox *m_preset;
    QPushButton *m_saveButton;
    QAction *m_saveEvidence;
    QTimer m_timer;
};

} // namespace d4::ui
