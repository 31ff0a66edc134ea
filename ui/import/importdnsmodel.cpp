// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "import/importdnsmodel.h"

#include <QDateTime>
#include <QTimeZone>

#include "analyzers/passivedns/rrtypes.h"

namespace d4::ui {

namespace {

QString secondsTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace

ImportDnsModel::ImportDnsModel(int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_maxRows(maxRows)
{
}

void ImportDnsModel::setTuples(QList<import::DnsTuple> tuples)
{
    if (tuples.size() > m_maxRows) {
        tuples.resize(m_maxRows);
    }
    beginResetModel();
    m_tuples = std::move(tuples);
    endResetModel();
}

void ImportDnsModel::clear()
{
    setTuples({});
}

int ImportDnsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tuples.size());
}

int ImportDnsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportDnsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const import::DnsTuple &tuple = m_tuples.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == Count) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case Name:
        return QString::fromUtf8(tuple.rrname);
    case Type:
        return QString::fromLatin1(passivedns::RrTypes::displayName(tuple.rrtype));
    case Data:
        return QString::fromUtf8(tuple.rdata);
    case First:
        return secondsTime(tuple.first);
    case Last:
        return secondsTime(tuple.last);
    case Count:
        return QString::number(tuple.count);
    }
    return {};
}

QVariant ImportDnsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Data:
        return tr("Data");
    case First:
        return tr("First");
    case Last:
        return tr("Last");
    case Count:
        return tr("Count");
    }
    return {};
}

} // namespace d4::ui
