// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>

#include "forward/forwardpreviewrunner.h"

namespace d4::ui {

/** The items of a dry run: number, kept or left out, reason, the item, and what would be sent. */
class ForwardPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForwardPreviewModel)

public:
    enum Column
    {
        Number,
        Decision,
        Reason,
        Item,
        Output,
        ColumnCount
    };

    explicit ForwardPreviewModel(QObject *parent = nullptr);
    ~ForwardPreviewModel() override;

    void setItems(const QList<ForwardPreviewItem> &items);
    const QList<ForwardPreviewItem> &items() const noexcept { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ForwardPreviewItem> m_items;
};

} // namespace d4::ui
