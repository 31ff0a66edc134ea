// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableView;

namespace d4::analyzers::backscatter {
class BackscatterAnalyzer;
}

namespace d4::ui {

class AttackTableModel;

/**
 * The Backscatter page: a live chart of backscatter packets per second by class on capture time,
 * the table of attacks, a per-victim timeline of the selected attack, the counters (evictions,
 * mismatches), a thresholds preset, and exports to CSV, JSON and MISP `ddos` objects. It reads
 * the analyzer's snapshot() every second (the analyzer is thread-safe, fed by live taps or an
 * import); @p analyzer must outlive the page.
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

    explicit BackscatterPage(analyzers::backscatter::BackscatterAnalyzer *analyzer,
                             QWidget *parent = nullptr);

    /** Takes a new snapshot and redraws (the timer does it every second while visible). */
    void refresh();
    /** Writes the current attacks to @p path; false with @p error on failure. */
    bool exportTo(ExportFormat format, const QString &path, QString &error) const;

    AttackTableModel *attackModel() const noexcept { return m_model; }
    QTableView *attackView() const noexcept { return m_table; }
    QCustomPlot *ratePlot() const noexcept { return m_rates; }
    QCustomPlot *timelinePlot() const noexcept { return m_timeline; }
    QComboBox *presetBox() const noexcept { return m_preset; }
    QString countersText() const;

private:
    void showTimeline();
    void applyPreset(int index);
    void exportWithDialog(ExportFormat format);

    analyzers::backscatter::BackscatterAnalyzer *m_analyzer;
    AttackTableModel *m_model;
    QTableView *m_table;
    QCustomPlot *m_rates;
    QCustomPlot *m_timeline;
    QLabel *m_counters;
    QComboBox *m_preset;
    QTimer m_timer;
};

} // namespace d4::ui
