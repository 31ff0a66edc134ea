// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardpreviewmodel.h"

#include <QBrush>
#include <QPalette>

#include "forward/forwardrulesmodel.h"

namespace d4::ui {

ForwardPreviewModel::ForwardPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ForwardPreviewModel::~ForwardPreviewModel() = default;

void ForwardPreviewModel::setItems(const QList<ForwardPreviewItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int ForwardPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ForwardPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ForwardPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Number:
        return tr("#");
    case Decision:
        return tr("Decision");
    case Reason:
        return tr("Reason");
    case Item:
        return tr("Item");
    case Output:
        return tr("Sent as");
    default:
        return {};
    }
}

QVariant ForwardPreviewModel::data(const QModelIndex &index, int role) const
{
    if (index.row() < 0 || index.row() >= m_items.size()) {
        return {};
    }
    const ForwardPreviewItem &item = m_items[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Number:
            return index.row() + 1;
        case Decision:
            return item.kept() ? tr("kept") : tr("left out");
        case Reason:
            return item.kept() ? QString() : ForwardRulesModel::reasonText(item.reason);
        case Item:
            return item.input;
        case Output:
            return item.output;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && !item.kept()) {
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    }
    return {};
}

} // namespace d4::ui
