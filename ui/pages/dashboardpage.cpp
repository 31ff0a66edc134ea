// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "pages/dashboardpage.h"

#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "charts/barchart.h"
#include "charts/throughputchart.h"
#include "models/rowtablemodel.h"
#include "protocol/d4types.h"

namespace d4::ui {

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("DashboardPage"));
    const auto figure = [this](const QString &caption, QLabel *&value, const QString &name) {
        auto *box = new QGroupBox(caption, this);
        auto *layout = new QVBoxLayout(box);
        value = new QLabel(QStringLiteral("—"), box);
        value->setObjectName(name);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.8);
        font.setBold(true);
        value->setFont(font);
        layout->addWidget(value);
        return box;
    };
    auto *figures = new QHBoxLayout;
    figures->addWidget(figure(tr("Active sensors"), m_active, QStringLiteral("activeSensors")));
    figures->addWidget(figure(tr("Packets today"), m_packets, QStringLiteral("packetsToday")));
    figures->addWidget(figure(tr("Ingest rate"), m_rate, QStringLiteral("ingestRate")));
    m_topN = new QSpinBox(this);
    m_topN->setObjectName(QStringLiteral("topN"));
    m_topN->setRange(1, 100);
    m_topN->setValue(15);
    m_topN->setPrefix(tr("top "));
    figures->addWidget(m_topN);

    m_sensors = new BarChart(tr("Packets per sensor today"), this);
    m_sensors->setObjectName(QStringLiteral("sensorChart"));
    m_types = new BarChart(tr("Packets per type today"), this);
    m_types->setObjectName(QStringLiteral("typeChart"));
    m_throughput = new ThroughputChart(this);
    m_throughput->setObjectName(QStringLiteral("throughputChart"));
    m_rejections = new RowTableModel({tr("Rejection reason"), tr("Connections refused")}, this);
    auto *rejectionView = new QTableView(this);
    rejectionView->setObjectName(QStringLiteral("rejectionTable"));
    rejectionView->setModel(m_rejections);
    rejectionView->verticalHeader()->hide();
    rejectionView->horizontalHeader()->setStretchLastSection(true);
    rejectionView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *grid = new QGridLayout;
    grid->addWidget(m_sensors, 0, 0);
    grid->addWidget(m_types, 0, 1);
    grid->addWidget(m_throughput, 1, 0);
    grid->addWidget(rejectionView, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(figures);
    layout->addLayout(grid, 1);

    connect(m_sensors, &BarChart::barClicked, this,
            [this](const QString &key) { Q_EMIT openSensor(key.toLatin1()); });
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::showOverview(const std::shared_ptr<const management::Overview> &overview)
{
    const int top = m_topN->value();
    QStringList keys;
    QStringList labels;
    QList<double> values;
    std::map<QByteArray, QString> names;
    for (const management::SensorSummary &sensor : overview->sensors) {
        names[sensor.uuid] = !sensor.name.isEmpty() ? sensor.name : sensor.description;
    }
    for (const auto &[uuid, packets] : overview->packetsPerSensorToday.mid(0, top)) {
        keys.append(QString::fromLatin1(uuid));
        const QString name = names[uuid];
        labels.append(name.isEmpty() ? QString::fromLatin1(uuid.left(8)) + QStringLiteral("…")
                                     : name.left(24));
        values.append(double(packets));
    }
    m_sensors->setBars(keys, labels, values);
    keys.clear();
    labels.clear();
    values.clear();
    for (const auto &[type, packets] : overview->packetsPerTypeToday.mid(0, top)) {
        keys.append(QString::fromLatin1(type));
        const protocol::TypeInfo *info = protocol::findType(type.toInt());
        labels.append(info ? QString::fromLatin1(type) + QStringLiteral(": ") +
                                 QString::fromUtf8(info->name.data(), qsizetype(info->name.size()))
                           : QString::fromLatin1(type));
        values.append(double(packets));
    }
    m_types->setBars(keys, labels, values);
    m_active->setText(QString::number(overview->activeSensors));
    m_packets->setText(QLocale().toString(overview->packetsToday));
    const double megabytes = overview->bytesPerSecond >= 0 ? overview->bytesPerSecond / 1e6 : -1.0;
    m_rate->setText(
        megabytes >= 0
            ? tr("%1 pkt/s, %2 MB/s").arg(overview->packetsPerSecond, 0, 'f', 0).arg(megabytes, 0, 'f', 2)
            : tr("%1 pkt/s").arg(overview->packetsPerSecond, 0, 'f', 0));
    m_throughput->addSample(double(overview->taken.toMSecsSinceEpoch()) / 1000.0, overview->packetsPerSecond,
                            megabytes);
    QList<TableRow> rejections;
    for (const auto &[reason, count] : overview->rejections) {
        rejections.append({{QString::fromLatin1(reason), QLocale().toString(count)}, reason, false});
    }
    m_rejections->setRows(rejections);
}

} // namespace d4::ui
