// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QWidget>

#include "management/overview.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace d4::ui {

class SensorTableModel;

/**
 * Sensors Status: every sensor seen today or connected now, filterable by UUID, name,
 * description or tag, with a "connected only" switch. Double-click (or Enter on a UUID in the
 * search box) opens the sensor page.
 */
class SensorsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SensorsPage)

public:
    explicit SensorsPage(QWidget *parent = nullptr);
    ~SensorsPage() override;

    void showOverview(const std::shared_ptr<const management::Overview> &overview);
    SensorTableModel *model() const { return m_model; }
    QSortFilterProxyModel *filteredModel() const { return m_textFilter; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void openSensor(const QByteArray &uuid);

private:
    void searchEntered();
    void applyFilter();

    SensorTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_connectedFilter = nullptr;
    QSortFilterProxyModel *m_textFilter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_connectedOnly = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace d4::ui
