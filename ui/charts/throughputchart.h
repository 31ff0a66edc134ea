// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "charts/qcustomplotinclude.h"

namespace d4::ui {

/** Live ingest throughput over the last minutes: packets/s (left axis) and MB/s (right axis). */
class ThroughputChart final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputChart)

public:
    explicit ThroughputChart(QWidget *parent = nullptr);
    ~ThroughputChart() override;

    /** Adds one sample; @p megabytesPerSecond < 0 means unknown (attached mode). */
    void addSample(double epochSeconds, double packetsPerSecond, double megabytesPerSecond);
    int sampleCount() const;
    void setWindowSeconds(int seconds) { m_windowSeconds = seconds; }

private:
    QCPGraph *m_packets = nullptr;
    QCPGraph *m_bytes = nullptr;
    int m_windowSeconds = 600;
};

} // namespace d4::ui
