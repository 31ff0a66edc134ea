// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "management/overview.h"

namespace d4::ui {

/**
 * The analyzer queues table of Server Management: type (or extended name), group flag, queue
 * UUID and description, last updated, length (its net change per second as a tool tip), max size,
 * entries consumed per second (an estimate, said so in its tool tip, when the server's workers do
 * not count pushes) and the console's warnings (near max size, not consumed: d4-core#36).
 */
class QueueTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTableModel)

public:
    enum Column
    {
        TypeColumn,
        GroupColumn,
        UuidColumn,
        DescriptionColumn,
        LastUpdatedColumn,
        LengthColumn,
        MaxSizeColumn,
        ConsumedColumn,
        WarningColumn,
        ColumnCount
    };
    static constexpr int QueueUuidRole = Qt::UserRole + 1;

    explicit QueueTableModel(QObject *parent = nullptr);
    ~QueueTableModel() override;

    void setQueues(const QList<management::QueueSummary> &queues);
    const management::QueueSummary *queueAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant toolTip(const management::QueueSummary &queue, Column column) const;

    QList<management::QueueSummary> m_queues;
};

} // namespace d4::ui
