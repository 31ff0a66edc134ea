// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <utility>

#include <QList>
#include <QStringList>

#include "charts/qcustomplotinclude.h"

namespace d4::ui {

/** A horizontal bar chart of labelled values (top N), with click-through on a bar. */
class BarChart final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BarChart)

public:
    explicit BarChart(const QString &title, QWidget *parent = nullptr);
    ~BarChart() override;

    /**
     * Replaces the bars; the first entry is drawn on top. @p keys are what barClicked() reports
     * (e.g. a sensor UUID) and @p labels what the axis shows.
     */
    void setBars(const QStringList &keys, const QStringList &labels, const QList<double> &values);
    QStringList keys() const { return m_keys; }
    QList<double> values() const { return m_values; }

Q_SIGNALS:
    void barClicked(const QString &key);

private:
    void onPlottableClick(QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *event);

    QCPBars *m_bars = nullptr;
    QStringList m_keys;
    QStringList m_labels;
    QList<double> m_values;
};

} // namespace d4::ui
