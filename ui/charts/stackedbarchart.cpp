// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "charts/stackedbarchart.h"

namespace d4::ui {

namespace {
QColor seriesColor(int index)
{
    static const QColor palette[] = {QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47),
                                     QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa),
                                     QColor(0xe5, 0x39, 0x35), QColor(0x00, 0xac, 0xc1),
                                     QColor(0x6d, 0x4c, 0x41), QColor(0x54, 0x6e, 0x7a)};
    return palette[index % int(std::size(palette))];
}
} // namespace

StackedBarChart::StackedBarChart(const QString &title, const QString &unit, QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumHeight(220);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, new QCPTextElement(this, title, QFont(font().family(), 10, QFont::Bold)));
    yAxis->setLabel(unit);
    legend->setVisible(false); // shown once there is a series to name: an empty legend is a stray box
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

StackedBarChart::~StackedBarChart() = default;

void StackedBarChart::setData(const QStringList &dayLabels, const std::map<QString, QList<double>> &series)
{
    if (dayLabels == m_days && series == m_series) {
        return;
    }
    m_days = dayLabels;
    m_series = series;
    clearPlottables();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> positions;
    for (int i = 0; i < dayLabels.size(); ++i) {
        positions.append(i + 1);
        ticker->addTick(i + 1, dayLabels[i]);
    }
    xAxis->setTicker(ticker);
    xAxis->setRange(0.3, dayLabels.size() + 0.7);
    QCPBars *below = nullptr;
    QVector<double> totals(dayLabels.size(), 0.0);
    int index = 0;
    for (const auto &[name, values] : series) {
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(name);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(seriesColor(index++));
        bars->setData(positions, QVector<double>(values.begin(), values.end()), true);
        if (below) {
            bars->moveAbove(below);
        }
        below = bars;
        for (int i = 0; i < values.size() && i < totals.size(); ++i) {
            totals[i] += values[i];
        }
    }
    legend->setVisible(!series.empty());
    const double maximum = totals.isEmpty() ? 1.0 : *std::max_element(totals.begin(), totals.end());
    yAxis->setRange(0, std::max(1.0, maximum * 1.15));
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace d4::ui
