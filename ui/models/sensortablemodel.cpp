// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "models/sensortablemodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

#include "protocol/d4types.h"

namespace d4::ui {

SensorTableModel::SensorTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

SensorTableModel::~SensorTableModel() = default;

QString SensorTableModel::formatTime(qint64 epochSeconds)
{
    if (epochSeconds <= 0) {
        return QStringLiteral("—");
    }
    return QDateTime::fromSecsSinceEpoch(epochSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void SensorTableModel::setSensors(const QList<management::SensorSummary> &sensors)
{
    // Both lists are sorted by UUID: walk them together.
    int row = 0;
    qsizetype next = 0;
    while (row < m_sensors.size() || next < sensors.size()) {
        if (next >= sensors.size() || (row < m_sensors.size() && m_sensors[row].uuid < sensors[next].uuid)) {
            int last = row;
            while (last + 1 < m_sensors.size() &&
                   (next >= sensors.size() || m_sensors[last + 1].uuid < sensors[next].uuid)) {
                ++last;
            }
            beginRemoveRows({}, row, last);
            m_sensors.remove(row, last - row + 1);
            endRemoveRows();
        } else if (row >= m_sensors.size() || sensors[next].uuid < m_sensors[row].uuid) {
            beginInsertRows({}, row, row);
            m_sensors.insert(row, sensors[next]);
            endInsertRows();
            ++row;
            ++next;
        } else {
            m_sensors[row] = sensors[next];
            ++row;
            ++next;
        }
    }
    if (!m_sensors.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_sensors.size()) - 1, ColumnCount - 1));
    }
}

const management::SensorSummary *SensorTableModel::sensorAt(int row) const
{
    return row >= 0 && row < m_sensors.size() ? &m_sensors[row] : nullptr;
}

int SensorTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sensors.size());
}

int SensorTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SensorTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const management::SensorSummary &sensor = m_sensors[index.row()];
    switch (role) {
    case UuidRole:
        return sensor.uuid;
    case ConnectedRole:
        return sensor.connected;
    case TagsRole:
        return sensor.tags;
    case SearchTextRole:
        return QString(QString::fromLatin1(sensor.uuid) + QLatin1Char(' ') + sensor.name + QLatin1Char(' ') +
                       sensor.description + QLatin1Char(' ') + sensor.tags.join(QLatin1Char(' ')));
    default:
        break;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case UuidColumn:
            return QString::fromLatin1(sensor.uuid);
        case NameColumn: {
            QString text = sensor.name.isEmpty() ? sensor.description : sensor.name;
            if (!sensor.name.isEmpty() && !sensor.description.isEmpty()) {
                text += QStringLiteral(" — ") + sensor.description;
            }
            if (!sensor.tags.isEmpty()) {
                text += QStringLiteral(" [") + sensor.tags.join(QStringLiteral(", ")) + QLatin1Char(']');
            }
            return text;
        }
        case FirstSeenColumn:
            return role == SortRole ? QVariant(sensor.firstSeen) : QVariant(formatTime(sensor.firstSeen));
        case LastSeenColumn:
            return role == SortRole ? QVariant(sensor.lastSeen) : QVariant(formatTime(sensor.lastSeen));
        case TypesColumn: {
            QStringList parts;
            for (int type : sensor.types) {
                if (type == protocol::kTypeExtended && !sensor.extendedTypes.isEmpty()) {
                    continue;
                }
                parts.append(QString::number(type) +
                             (sensor.connectedTypes.contains(type) ? QStringLiteral("●") : QString()));
            }
            for (const QByteArray &ext : sensor.extendedTypes) {
                parts.append(QString::fromUtf8(ext) +
                             (sensor.connectedExtendedTypes.contains(ext) ? QStringLiteral("●") : QString()));
            }
            return parts.join(QLatin1Char(' '));
        }
        case StatusColumn: {
            QString text = sensor.statusText();
            if (sensor.connected) {
                text += tr(", Connected");
            }
            if (sensor.silent) {
                text += tr(", Silent");
            }
            return text;
        }
        case PacketsColumn:
            return sensor.packetsToday;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == BadgesRole && column == TypesColumn) {
        QVariantList badges;
        for (int type : sensor.types) {
            if (type == protocol::kTypeExtended && !sensor.extendedTypes.isEmpty()) {
                continue;
            }
            const protocol::TypeInfo *info = protocol::findType(type);
            badges.append(QVariantMap{
                {QStringLiteral("text"), QString::number(type)},
                {QStringLiteral("connected"), sensor.connectedTypes.contains(type)},
                {QStringLiteral("tooltip"),
                 info ? QString::fromUtf8(info->description.data(), qsizetype(info->description.size()))
                      : QString()}});
        }
        for (const QByteArray &ext : sensor.extendedTypes) {
            badges.append(
                QVariantMap{{QStringLiteral("text"), QString::fromUtf8(ext)},
                            {QStringLiteral("connected"), sensor.connectedExtendedTypes.contains(ext)},
                            {QStringLiteral("tooltip"), tr("extended type %1").arg(QString::fromUtf8(ext))}});
        }
        return badges;
    }
    if (role == Qt::ToolTipRole) {
        if (column == TypesColumn) {
            return tr("● = connected now");
        }
        if (column == StatusColumn && !sensor.error.isEmpty()) {
            return sensor.error;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && column == StatusColumn) {
        if (sensor.blacklisted || sensor.ipBlacklisted || !sensor.error.isEmpty() || sensor.silent) {
            return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        if (sensor.connected) {
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        }
        return {};
    }
    if (role == Qt::FontRole && column == UuidColumn) {
        QFont font(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        return font;
    }
    if (role == Qt::TextAlignmentRole && column == PacketsColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant SensorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case UuidColumn:
        return tr("UUID");
    case NameColumn:
        return tr("Name / description");
    case FirstSeenColumn:
        return tr("First seen");
    case LastSeenColumn:
        return tr("Last seen");
    case TypesColumn:
        return tr("Types");
    case StatusColumn:
        return tr("Status");
    case PacketsColumn:
        return tr("Packets today");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace d4::ui
