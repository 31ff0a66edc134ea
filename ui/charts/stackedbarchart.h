// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>

#include <QStringList>

#include "charts/qcustomplotinclude.h"

namespace d4::ui {

/** Vertical bars per day, stacked by series (types): the sensor page's 7-day charts. */
class StackedBarChart final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackedBarChart)

public:
    explicit StackedBarChart(const QString &title, const QString &unit, QWidget *parent = nullptr);
    ~StackedBarChart() override;

    /** @p series maps a series name to one value per day label. */
    void setData(const QStringList &dayLabels, const std::map<QString, QList<double>> &series);
    int seriesCount() const { return int(m_series.size()); }

private:
    QStringList m_days;
    std::map<QString, QList<double>> m_series;
};

} // namespace d4::ui
