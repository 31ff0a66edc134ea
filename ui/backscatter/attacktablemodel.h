// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>

#include "analyzers/backscatter/backscattersnapshot.h"

namespace d4::ui {

/**
 * The attacks of a backscatter snapshot as a table: victim, protocol, target ports, start,
 * duration, packets, bytes, max ppm, estimated pps, spoofed ports, attacker /16s and sensor
 * addresses hit. Qt::DisplayRole gives formatted text, Qt::UserRole the raw number for sorting.
 */
class AttackTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Victim,
        Protocol,
        TargetPorts,
        Start,
        Duration,
        Packets,
        Bytes,
        MaxPpm,
        EstimatedPps,
        SpoofedPorts,
        AttackerSlash16s,
        SensorAddresses,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    /** Replaces the rows (a model reset). */
    void setSnapshot(const analyzers::backscatter::BackscatterSnapshot &snapshot);
    const analyzers::backscatter::BackscatterSnapshot &snapshot() const noexcept { return m_snapshot; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    analyzers::backscatter::BackscatterSnapshot m_snapshot;
};

} // namespace d4::ui
