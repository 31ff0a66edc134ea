// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dns/dnsresultsmodel.h"

#include <algorithm>
#include <map>

#include <QDateTime>
#include <QTimeZone>

#include "analyzers/passivedns/rrtypes.h"

namespace d4::ui {

using passivedns::PdnsTuple;

namespace {

QString timeText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString sensorsText(const PdnsTuple &tuple)
{
    QStringList parts;
    for (const passivedns::SensorSighting &sighting : tuple.sensors) {
        parts.append(
            QStringLiteral("%1 (%2)").arg(QString::fromLatin1(sighting.sensorId)).arg(sighting.count));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

DnsResultsModel::DnsResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DnsResultsModel::setTuples(QList<PdnsTuple> tuples)
{
    beginResetModel();
    m_tuples = std::move(tuples);
    endResetModel();
}

int DnsResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tuples.size());
}

int DnsResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tuples.size() || index.column() >= ColumnCount) {
        return {};
    }
    const PdnsTuple &tuple = m_tuples[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RrName:
            return QString::fromUtf8(tuple.rrname);
        case RrType:
            return QString::fromLatin1(passivedns::RrTypes::displayName(tuple.rrtype));
        case Rdata:
            return QString::fromUtf8(tuple.rdata);
        case TimeFirst:
            return timeText(tuple.first);
        case TimeLast:
            return timeText(tuple.last);
        case Count:
            return tuple.count;
        case Sensors:
            return sensorsText(tuple);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Count) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    return {};
}

QVariant DnsResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case RrName:
        return tr("Name");
    case RrType:
        return tr("Type");
    case Rdata:
        return tr("Data");
    case TimeFirst:
        return tr("First seen (UTC)");
    case TimeLast:
        return tr("Last seen (UTC)");
    case Count:
        return tr("Count");
    case Sensors:
        return tr("Sensors");
    default:
        return {};
    }
}

void DnsResultsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qsizetype> permutation(m_tuples.size());
    for (qsizetype i = 0; i < permutation.size(); ++i) {
        permutation[i] = i;
    }
    auto less = [this, column](qsizetype a, qsizetype b) {
        const PdnsTuple &x = m_tuples[a];
        const PdnsTuple &y = m_tuples[b];
        switch (column) {
        case RrName:
            return x.rrname < y.rrname;
        case RrType:
            return x.rrtype < y.rrtype;
        case Rdata:
            return x.rdata < y.rdata;
        case TimeFirst:
            return x.first < y.first;
        case TimeLast:
            return x.last < y.last;
        case Count:
            return x.count < y.count;
        default:
            return x.sensors.size() < y.sensors.size();
        }
    };
    std::stable_sort(permutation.begin(), permutation.end(), [&](qsizetype a, qsizetype b) {
        return order == Qt::AscendingOrder ? less(a, b) : less(b, a);
    });
    QList<PdnsTuple> sorted;
    sorted.reserve(m_tuples.size());
    std::vector<int> newRow(size_t(m_tuples.size()));
    for (qsizetype i = 0; i < permutation.size(); ++i) {
        sorted.append(m_tuples[permutation[i]]);
        newRow[size_t(permutation[i])] = int(i);
    }
    m_tuples = std::move(sorted);
    QModelIndexList after;
    for (const QModelIndex &index : before) {
        after.append(this->index(newRow[size_t(index.row())], index.column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString DnsResultsModel::copyText(const QModelIndexList &indexes) const
{
    std::map<int, std::map<int, QString>> cells;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this) {
            cells[index.row()][index.column()] = data(index).toString();
        }
    }
    QStringList lines;
    for (const auto &[row, columns] : cells) {
        QStringList values;
        for (const auto &[column, text] : columns) {
            values.append(text);
        }
        lines.append(values.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace d4::ui
