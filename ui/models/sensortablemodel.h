// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "management/sensorsummary.h"

namespace d4::ui {

/**
 * The Sensors Status table (spec §5.3): one row per sensor of the latest snapshot. setSensors()
 * updates rows in place (dataChanged on the changed range) and inserts/removes only rows whose
 * UUID appeared or disappeared, so selection and scrolling survive a refresh.
 */
class SensorTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SensorTableModel)

public:
    enum Column
    {
        UuidColumn,
        NameColumn,
        FirstSeenColumn,
        LastSeenColumn,
        TypesColumn,
        StatusColumn,
        PacketsColumn,
        ColumnCount
    };
    enum Role
    {
        UuidRole = Qt::UserRole + 1, ///< QByteArray, 32 hex
        ConnectedRole,               ///< bool
        TagsRole,                    ///< QStringList
        SortRole,                    ///< a value that sorts naturally
        BadgesRole,                  ///< QVariantList of QVariantMap{text, connected, tooltip} (TypesColumn)
        SearchTextRole               ///< uuid, name, description and tags, for filtering
    };

    explicit SensorTableModel(QObject *parent = nullptr);
    ~SensorTableModel() override;

    void setSensors(const QList<management::SensorSummary> &sensors);
    const management::SensorSummary *sensorAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "Y-m-d H:M:S" in local time, or an em dash for 0. */
    static QString formatTime(qint64 epochSeconds);

private:
    QList<management::SensorSummary> m_sensors;
};

} // namespace d4::ui
