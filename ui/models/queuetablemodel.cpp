// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "models/queuetablemodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace d4::ui {

QueueTableModel::QueueTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QueueTableModel::~QueueTableModel() = default;

void QueueTableModel::setQueues(const QList<management::QueueSummary> &queues)
{
    bool sameRows = queues.size() == m_queues.size();
    for (qsizetype i = 0; sameRows && i < queues.size(); ++i) {
        sameRows = queues[i].info.uuid == m_queues[i].info.uuid;
    }
    if (!sameRows) {
        beginResetModel();
        m_queues = queues;
        endResetModel();
        return;
    }
    m_queues = queues;
    if (!m_queues.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_queues.size()) - 1, ColumnCount - 1));
    }
}

const management::QueueSummary *QueueTableModel::queueAt(int row) const
{
    return row >= 0 && row < m_queues.size() ? &m_queues[row] : nullptr;
}

int QueueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queues.size());
}

int QueueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const management::QueueSummary &queue = m_queues[index.row()];
    if (role == QueueUuidRole) {
        return queue.info.uuid;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::ForegroundRole && column == WarningColumn) {
        return (queue.nearFull || queue.notConsumed) ? QVariant(QBrush(QColor(0xc6, 0x28, 0x28)))
                                                     : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        return toolTip(queue, column);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (column) {
    case TypeColumn:
        return queue.info.extendedType.isEmpty()
                   ? QString::number(queue.info.type)
                   : QStringLiteral("254: ") + QString::fromUtf8(queue.info.extendedType);
    case GroupColumn:
        return queue.info.sensorGroup.isEmpty() ? QString()
                                                : tr("group (%1)").arg(queue.info.sensorGroup.size());
    case UuidColumn:
        return QString::fromLatin1(queue.info.uuid);
    case DescriptionColumn:
        return queue.info.description;
    case LastUpdatedColumn:
        return queue.info.lastUpdated > 0
                   ? QDateTime::fromMSecsSinceEpoch(qint64(queue.info.lastUpdated * 1000))
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : tr("Never");
    case LengthColumn:
        return queue.info.length;
    case MaxSizeColumn:
        return queue.info.maxSize > 0 ? QString::number(queue.info.maxSize)
                                      : tr("%1 (default)").arg(queue.effectiveMaxSize);
    case ConsumedColumn:
        return queue.consumptionEstimated ? tr("≈ %1/s").arg(queue.consumedPerSecond, 0, 'f', 1)
                                          : tr("%1/s").arg(queue.consumedPerSecond, 0, 'f', 1);
    case WarningColumn: {
        QStringList warnings;
        if (queue.nearFull) {
            warnings.append(tr("near max size"));
        }
        if (queue.notConsumed) {
            warnings.append(tr("not consumed"));
        }
        return warnings.join(QStringLiteral(", "));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QueueTableModel::toolTip(const management::QueueSummary &queue, Column column) const
{
    if (column == LengthColumn) {
        if (queue.drainRate > 0) {
            return tr("Net change: −%1/s").arg(queue.drainRate, 0, 'f', 1);
        }
        return tr("Net change: +%1/s").arg(queue.fillRate, 0, 'f', 1);
    }
    if (column != ConsumedColumn) {
        return {};
    }
    if (queue.consumptionEstimated) {
        return tr("Estimate: how fast the length went down. The server's workers do not count what "
                  "they push (a d4-core server), so a queue that is filled while it is consumed "
                  "shows less than its consumers take.");
    }
    return tr("Entries consumers took per second over the last seconds: entries pushed, minus the "
              "growth of the length, minus the entries dropped beyond the maximum size or flushed "
              "(%1 dropped in all).")
        .arg(queue.droppedTotal);
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    static const char *const headers[] = {
        QT_TR_NOOP("Type"),        QT_TR_NOOP("Group"),        QT_TR_NOOP("Queue UUID"),
        QT_TR_NOOP("Description"), QT_TR_NOOP("Last updated"), QT_TR_NOOP("Length"),
        QT_TR_NOOP("Max size"),    QT_TR_NOOP("Consumed"),     QT_TR_NOOP("Warning")};
    return section >= 0 && section < ColumnCount ? tr(headers[section]) : QVariant();
}

} // namespace d4::ui
