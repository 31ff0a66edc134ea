// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "charts/throughputchart.h"

namespace d4::ui {

ThroughputChart::ThroughputChart(QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumHeight(200);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(
        0, 0, new QCPTextElement(this, tr("Ingest throughput"), QFont(font().family(), 10, QFont::Bold)));
    m_packets = addGraph(xAxis, yAxis);
    m_packets->setName(tr("packets/s"));
    m_packets->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    m_bytes = addGraph(xAxis, yAxis2);
    m_bytes->setName(tr("MB/s"));
    m_bytes->setPen(QPen(QColor(0xfb, 0x8c, 0x00), 2));
    yAxis->setLabel(tr("packets/s"));
    yAxis2->setLabel(tr("MB/s"));
    yAxis2->setVisible(true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    xAxis->setTicker(ticker);
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

ThroughputChart::~ThroughputChart() = default;

void ThroughputChart::addSample(double epochSeconds, double packetsPerSecond, double megabytesPerSecond)
{
    m_packets->addData(epochSeconds, packetsPerSecond);
    if (megabytesPerSecond >= 0) {
        m_bytes->addData(epochSeconds, megabytesPerSecond);
    }
    const double oldest = epochSeconds - m_windowSeconds;
    m_packets->data()->removeBefore(oldest);
    m_bytes->data()->removeBefore(oldest);
    xAxis->setRange(oldest, epochSeconds);
    bool found = false;
    const QCPRange packets = m_packets->getValueRange(found);
    yAxis->setRange(0, std::max(1.0, found ? packets.upper * 1.15 : 1.0));
    const QCPRange bytes = m_bytes->getValueRange(found);
    yAxis2->setRange(0, std::max(0.1, found ? bytes.upper * 1.15 : 0.1));
    replot(QCustomPlot::rpQueuedReplot);
}

int ThroughputChart::sampleCount() const
{
    return m_packets->dataCount();
}

} // namespace d4::ui
