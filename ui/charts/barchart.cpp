// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "charts/barchart.h"

#include <algorithm>

namespace d4::ui {

BarChart::BarChart(const QString &title, QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumHeight(220);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, new QCPTextElement(this, title, QFont(font().family(), 10, QFont::Bold)));
    m_bars = new QCPBars(yAxis, xAxis); // horizontal: keys on the y axis
    m_bars->setWidth(0.7);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x1e, 0x88, 0xe5));
    m_bars->setSelectable(QCP::stWhole);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    yAxis->setSubTicks(false);
    yAxis->grid()->setVisible(false);
    xAxis->setLabel(tr("packets"));
    setInteractions(QCP::iSelectPlottables);
    connect(this, &QCustomPlot::plottableClick, this, &BarChart::onPlottableClick);
}

BarChart::~BarChart() = default;

void BarChart::setBars(const QStringList &keys, const QStringList &labels, const QList<double> &values)
{
    if (keys == m_keys && labels == m_labels && values == m_values) {
        return;
    }
    m_keys = keys;
    m_labels = labels;
    m_values = values;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> positions;
    QVector<double> heights;
    const int count = int(values.size());
    for (int i = 0; i < count; ++i) {
        const double position = count - i; // the first entry on top
        positions.append(position);
        heights.append(values[i]);
        ticker->addTick(position, labels.value(i));
    }
    yAxis->setTicker(ticker);
    m_bars->setData(positions, heights, false); // positions descend: let QCP sort them
    yAxis->setRange(0.3, count + 0.7);
    const double maximum = values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end());
    xAxis->setRange(0, std::max(1.0, maximum * 1.1));
    replot(QCustomPlot::rpQueuedReplot);
}

void BarChart::onPlottableClick(QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *)
{
    if (plottable != m_bars || dataIndex < 0) {
        return;
    }
    // Data are sorted by position (ascending): index 0 is the bottom bar, the last entry.
    const int entry = int(m_keys.size()) - 1 - dataIndex;
    if (entry >= 0 && entry < m_keys.size()) {
        Q_EMIT barClicked(m_keys[entry]);
    }
}

} // namespace d4::ui
