// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <memory>

#include <QWidget>

#include "management/actionresult.h"
#include "management/sensordetail.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace d4::management {
class ManagementService;
class ManagementActions;
} // namespace d4::management

namespace d4::ui {

class RowTableModel;
class StackedBarChart;

/**
 * One sensor (spec §5.3 "Sensor page"): description, name and tags; kick (disabled during the
 * temporary blacklist); monitoring; stream max size; UUID and IP-by-UUID blacklists; HMAC key with
 * a warning about escaped characters; types used with a 7-day stacked chart; data saved on disk;
 * the last 16 IPs; clear statistics.
 */
class SensorPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SensorPage)

public:
    explicit SensorPage(management::ManagementService *service, QWidget *parent = nullptr);
    ~SensorPage() override;

    /** Shows @p uuid (32 hex) and asks the service to publish its details. */
    void setSensor(const QByteArray &uuid);
    QByteArray sensor() const { return m_uuid; }
    void showDetail(const std::shared_ptr<const management::SensorDetail> &detail);
    std::shared_ptr<const management::SensorDetail> detail() const { return m_detail; }

private:
    void perform(const QString &what,
                 std::function<management::ActionResult(management::ManagementActions &)> action);
    QWidget *buildActions();

    management::ManagementService *m_service;
    QByteArray m_uuid;
    std::shared_ptr<const management::SensorDetail> m_detail;

    QLabel *m_title = nullptr;
    QLabel *m_firstSeen = nullptr;
    QLabel *m_lastSeen = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_tags = nullptr;
    QPushButton *m_kick = nullptr;
    QSpinBox *m_maxSilence = nullptr;
    QPushButton *m_monitor = nullptr;
    QPushButton *m_unmonitor = nullptr;
    QSpinBox *m_streamMaxSize = nullptr;
    QPushButton *m_setStreamMaxSize = nullptr;
    QPushButton *m_blacklistUuid = nullptr;
    QPushButton *m_blacklistIps = nullptr;
    QLineEdit *m_hmacKey = nullptr;
    QLabel *m_keyWarning = nullptr;
    QPushButton *m_clearStats = nullptr;
    RowTableModel *m_types = nullptr;
    RowTableModel *m_ips = nullptr;
    RowTableModel *m_saved = nullptr;
    StackedBarChart *m_history = nullptr;
    StackedBarChart *m_savedChart = nullptr;
};

} // namespace d4::ui
