// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "analyzers/passivedns/pdnstuple.h"

namespace d4::ui {

/** Passive DNS look-up results (one row per tuple) for the DNS page's table: sortable, copyable. */
class DnsResultsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RrName,
        RrType,
        Rdata,
        TimeFirst,
        TimeLast,
        Count,
        Sensors,
        ColumnCount
    };

    explicit DnsResultsModel(QObject *parent = nullptr);

    void setTuples(QList<passivedns::PdnsTuple> tuples);
    const QList<passivedns::PdnsTuple> &tuples() const noexcept { return m_tuples; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /** The cells of @p indexes as tab-separated lines (rows in model order), for the clipboard. */
    QString copyText(const QModelIndexList &indexes) const;

private:
    QList<passivedns::PdnsTuple> m_tuples;
};

} // namespace d4::ui
