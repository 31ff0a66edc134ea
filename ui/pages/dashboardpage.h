// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QWidget>

#include "management/overview.h"

class QLabel;
class QSpinBox;

namespace d4::ui {

class BarChart;
class RowTableModel;
class ThroughputChart;

/**
 * Home: today's packets per sensor and per type (top N bar charts, a click opens the sensor),
 * live ingest throughput, active sensors and the per-reason rejection counters.
 */
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    explicit DashboardPage(QWidget *parent = nullptr);
    ~DashboardPage() override;

    void showOverview(const std::shared_ptr<const management::Overview> &overview);
    BarChart *sensorChart() const { return m_sensors; }
    BarChart *typeChart() const { return m_types; }
    ThroughputChart *throughputChart() const { return m_throughput; }
    RowTableModel *rejectionModel() const { return m_rejections; }

Q_SIGNALS:
    void openSensor(const QByteArray &uuid);

private:
    BarChart *m_sensors = nullptr;
    BarChart *m_types = nullptr;
    ThroughputChart *m_throughput = nullptr;
    RowTableModel *m_rejections = nullptr;
    QLabel *m_active = nullptr;
    QLabel *m_packets = nullptr;
    QLabel *m_rate = nullptr;
    QSpinBox *m_topN = nullptr;
};

} // namespace d4::ui
