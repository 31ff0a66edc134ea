// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "backscatter/attacktablemodel.h"

#include <QStringList>

#include "analyzers/backscatter/backscatterexport.h"

namespace d4::ui {

using analyzers::backscatter::AttackRecord;
using analyzers::backscatter::BackscatterExport;

void AttackTableModel::setSnapshot(const analyzers::backscatter::BackscatterSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    endResetModel();
}

int AttackTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_snapshot.attacks.size());
}

int AttackTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttackTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_snapshot.attacks.size() || index.column() >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::TextAlignmentRole)) {
        return {};
    }
    const AttackRecord &a = m_snapshot.attacks.at(index.row());
    const bool display = role == Qt::DisplayRole;
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= Duration ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    const double windowNs = static_cast<double>(m_snapshot.settings.thresholds.windowNs);
    switch (index.column()) {
    case Victim:
        return display ? QVariant(BackscatterExport::ipv4Text(a.victim)) : QVariant(a.victim);
    case Protocol:
        return display ? QVariant(BackscatterExport::protocolName(a.protocol)) : QVariant(a.protocol);
    case TargetPorts: {
        if (!display) {
            return a.targetPorts;
        }
        QStringList ports;
        for (const auto &[port, packets] : a.topTargetPorts) {
            Q_UNUSED(packets)
            ports << QString::number(port);
        }
        if (a.targetPorts > static_cast<quint32>(a.topTargetPorts.size())) {
            ports << tr("… (%1)").arg(a.targetPorts);
        }
        return ports.join(QStringLiteral(", "));
    }
    case Start:
        return display ? QVariant(BackscatterExport::isoTime(a.startNs)) : QVariant(a.startNs);
    case Duration:
        return display ? QVariant(QString::number(static_cast<double>(a.durationNs()) / 1e9, 'f', 1))
                       : QVariant(a.durationNs());
    case Packets:
        return display ? QVariant(QString::number(a.packets)) : QVariant(a.packets);
    case Bytes:
        return display ? QVariant(QString::number(a.bytes)) : QVariant(a.bytes);
    case MaxPpm: {
        const double ppm = windowNs > 0 ? static_cast<double>(a.maxWindowPackets) * 60e9 / windowNs : 0.0;
        return display ? QVariant(QString::number(ppm, 'f', 0)) : QVariant(ppm);
    }
    case EstimatedPps: {
        const double estimated = m_snapshot.estimatedPps(a);
        if (!display) {
            return estimated;
        }
        return estimated < 0 ? tr("n/a") : QString::number(estimated, 'g', 4);
    }
    case SpoofedPorts:
        return display ? QVariant(QString::number(a.attackerPorts)) : QVariant(a.attackerPorts);
    case AttackerSlash16s:
        return display ? QVariant(QString::number(a.attackerSlash16s)) : QVariant(a.attackerSlash16s);
    case SensorAddresses:
        return display ? QVariant(QString::number(a.telescopeAddresses)) : QVariant(a.telescopeAddresses);
    default:
        return {};
    }
}

QVariant AttackTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Victim:
        return tr("Victim");
    case Protocol:
        return tr("Protocol");
    case TargetPorts:
        return tr("Target ports");
    case Start:
        return tr("Start (UTC)");
    case Duration:
        return tr("Duration (s)");
    case Packets:
        return tr("Packets");
    case Bytes:
        return tr("Bytes");
    case MaxPpm:
        return tr("Max ppm");
    case EstimatedPps:
        return tr("Estimated pps");
    case SpoofedPorts:
        return tr("Spoofed ports");
    case AttackerSlash16s:
        return tr("Attacker /16s");
    case SensorAddresses:
        return tr("Sensor addresses hit");
    default:
        return {};
    }
}

} // namespace d4::ui
