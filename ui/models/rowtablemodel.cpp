// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "models/rowtablemodel.h"

#include <QBrush>
#include <QColor>

namespace d4::ui {

RowTableModel::RowTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{
}

RowTableModel::~RowTableModel() = default;

void RowTableModel::setRows(const QList<TableRow> &rows)
{
    const int common = int(std::min(rows.size(), m_rows.size()));
    // Rows past the common part are removed or inserted; rows inside it are updated in place.
    if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, common, int(m_rows.size()) - 1);
        m_rows.resize(common);
        endRemoveRows();
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < common; ++i) {
        const TableRow &incoming = rows[i];
        TableRow &current = m_rows[i];
        if (current.cells != incoming.cells || current.key != incoming.key ||
            current.highlighted != incoming.highlighted) {
            current = incoming;
            if (firstChanged < 0) {
                firstChanged = i;
            }
            lastChanged = i;
        }
    }
    if (rows.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(rows.size()) - 1);
        for (qsizetype i = m_rows.size(); i < rows.size(); ++i) {
            m_rows.append(rows[i]);
        }
        endInsertRows();
    }
    if (firstChanged >= 0) {
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, int(m_headers.size()) - 1));
    }
}

QVariant RowTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : QVariant();
}

int RowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RowTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TableRow &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return row.cells.value(index.column());
    case KeyRole:
        return row.key;
    case Qt::ForegroundRole:
        return row.highlighted ? QVariant(QBrush(QColor(0xc6, 0x28, 0x28))) : QVariant();
    default:
        return {};
    }
}

QVariant RowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_headers.size()) {
        return m_headers[section];
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace d4::ui
