// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "import/dnstuple.h"

namespace d4::ui {

/**
 * The passive DNS tuples of an import as a table: name, type, data, first and last capture time
 * (UTC, seconds), count. Cells are formatted when the view asks for them, so handing over the
 * results of a large import costs the GUI thread a list copy, not a widget item per cell.
 */
class ImportDnsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Type,
        Data,
        First,
        Last,
        Count,
        ColumnCount
    };

    /** At most @p maxRows tuples are listed (the rest stay in the store and the DNS page). */
    explicit ImportDnsModel(int maxRows, QObject *parent = nullptr);

    /** Replaces the rows (a model reset) with the first maxRows of @p tuples. */
    void setTuples(QList<import::DnsTuple> tuples);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_maxRows;
    QList<import::DnsTuple> m_tuples;
};

} // namespace d4::ui
