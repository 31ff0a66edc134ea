// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <memory>

#include <QWidget>

#include "management/blacklistpage.h"
#include "management/managementactions.h"
#include "management/overview.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace d4::management {
class ManagementService;
}

namespace d4::ui {

class QueueTableModel;
class RowTableModel;

/**
 * Server Management (spec §5.3): mode badge; registered and pending sensors with approve and
 * delete; IP (or CIDR, capped) and UUID blacklists with paged lists and removal; accepted types
 * and extended types, add and remove; analyzer queues with create, edit, delete, flush, max size
 * and a sample preview of adjustable line length.
 */
class ServerPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPage)

public:
    static constexpr int kBlacklistPageSize = 2000; ///< the reference shows 2 columns of 1000

    explicit ServerPage(management::ManagementService *service, QWidget *parent = nullptr);
    ~ServerPage() override;

    void showOverview(const std::shared_ptr<const management::Overview> &overview);
    void showBlacklistPage(const management::BlacklistPage &page);

    QueueTableModel *queueModel() const { return m_queues; }
    RowTableModel *blacklistModel(management::BlacklistKind kind) const;

Q_SIGNALS:
    void openSensor(const QByteArray &uuid);

private:
    QWidget *buildSensorsTab();
    QWidget *buildBlacklistTab(management::BlacklistKind kind);
    QWidget *buildTypesTab();
    QWidget *buildQueuesTab();
    void perform(const QString &what,
                 std::function<management::ActionResult(management::ManagementActions &)> action);
    void requestBlacklist(management::BlacklistKind kind, int page);
    QByteArray selectedQueue() const;
    void editQueue(bool create);
    void showSample();

    management::ManagementService *m_service;
    std::shared_ptr<const management::Overview> m_overview;
    QLabel *m_mode = nullptr;
    RowTableModel *m_registered = nullptr;
    RowTableModel *m_pending = nullptr;
    QTableView *m_registeredView = nullptr;
    QTableView *m_pendingView = nullptr;
    QLineEdit *m_approveEdit = nullptr;

    struct BlacklistControls
    {
        RowTableModel *model = nullptr;
        QTableView *view = nullptr;
        QLineEdit *input = nullptr;
        QLabel *feedback = nullptr;
        QLabel *pageLabel = nullptr;
        int page = 0;
        qint64 total = 0;
    };
    BlacklistControls m_ipBlacklist;
    BlacklistControls m_uuidBlacklist;
    BlacklistControls &controls(management::BlacklistKind kind);

    RowTableModel *m_types = nullptr;
    RowTableModel *m_extendedTypes = nullptr;
    QTableView *m_typesView = nullptr;
    QTableView *m_extendedView = nullptr;
    QSpinBox *m_newType = nullptr;
    QLineEdit *m_newExtended = nullptr;

    QueueTableModel *m_queues = nullptr;
    QTableView *m_queuesView = nullptr;
    QSpinBox *m_queueMaxSize = nullptr;
    QSpinBox *m_sampleLineLength = nullptr;
};

} // namespace d4::ui
