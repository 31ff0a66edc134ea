// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

namespace d4::ui {

/** One row of a RowTableModel: display texts and a key (UUID, type...) the page acts on. */
struct TableRow
{
    QStringList cells;
    QVariant key;
    bool highlighted = false; ///< shown in the warning colour
};

/**
 * A read-only table of text rows for the small lists of the pages (accepted types, registered and
 * pending sensors, blacklist pages, types used, last IPs, rejection counters). setRows() keeps
 * the rows that did not change, so a refresh a few times a second does not disturb the view.
 */
class RowTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowTableModel)

public:
    static constexpr int KeyRole = Qt::UserRole + 1;

    explicit RowTableModel(QStringList headers, QObject *parent = nullptr);
    ~RowTableModel() override;

    void setRows(const QList<TableRow> &rows);
    const QList<TableRow> &rows() const noexcept { return m_rows; }
    QVariant keyAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<TableRow> m_rows;
};

} // namespace d4::ui
