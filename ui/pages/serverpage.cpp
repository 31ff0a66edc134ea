// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "pages/serverpage.h"

#include <limits>

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "dialogs/queuedialog.h"
#include "management/ipblacklistinput.h"
#include "management/managementservice.h"
#include "models/queuetablemodel.h"
#include "models/rowtablemodel.h"
#include "models/sensortablemodel.h"
#include "protocol/d4types.h"

namespace d4::ui {

using management::ActionResult;
using management::BlacklistKind;
using management::ManagementActions;

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    return view;
}

QVariant selectedKey(QTableView *view, RowTableModel *model)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QVariant() : model->keyAt(rows.first().row());
}

QString typeDescription(int type)
{
    const protocol::TypeInfo *info = protocol::findType(type);
    return info ? QString::fromUtf8(info->description.data(), qsizetype(info->description.size()))
                : QString();
}

} // namespace

ServerPage::ServerPage(management::ManagementService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("ServerPage"));
    m_mode = new QLabel(this);
    m_mode->setObjectName(QStringLiteral("modeBadge"));
    m_mode->setStyleSheet(
        QStringLiteral("padding: 3px 8px; border-radius: 4px; background: #1565c0; color: white; "
                       "font-weight: bold"));
    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("D4 server mode:"), this));
    header->addWidget(m_mode);
    header->addStretch(1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("serverTabs"));
    tabs->addTab(buildSensorsTab(), tr("&Registered and pending sensors"));
    tabs->addTab(buildBlacklistTab(BlacklistKind::Ip), tr("&IP blacklist"));
    tabs->addTab(buildBlacklistTab(BlacklistKind::Uuid), tr("&UUID blacklist"));
    tabs->addTab(buildTypesTab(), tr("Accepted &types"));
    tabs->addTab(buildQueuesTab(), tr("&Analyzer queues"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(tabs, 1);

    connect(service, &management::ManagementService::actionFinished, this,
            [this](const QString &, const ActionResult &) {
                // Blacklist pages are not part of the snapshot: reload them after any action.
                requestBlacklist(BlacklistKind::Ip, m_ipBlacklist.page);
                requestBlacklist(BlacklistKind::Uuid, m_uuidBlacklist.page);
            });
    connect(service, &management::ManagementService::blacklistPageReady, this,
            &ServerPage::showBlacklistPage);
}

ServerPage::~ServerPage() = default;

ServerPage::BlacklistControls &ServerPage::controls(BlacklistKind kind)
{
    return kind == BlacklistKind::Ip ? m_ipBlacklist : m_uuidBlacklist;
}

RowTableModel *ServerPage::blacklistModel(BlacklistKind kind) const
{
    return kind == BlacklistKind::Ip ? m_ipBlacklist.model : m_uuidBlacklist.model;
}

void ServerPage::perform(const QString &what, std::function<ActionResult(ManagementActions &)> action)
{
    m_service->perform(what, std::move(action));
}

QWidget *ServerPage::buildSensorsTab()
{
    auto *tab = new QWidget;
    auto *layout = new QHBoxLayout(tab);

    auto *registeredBox = new QGroupBox(tr("Registered sensors"), tab);
    auto *registeredLayout = new QVBoxLayout(registeredBox);
    m_registered =
        new RowTableModel({tr("UUID"), tr("Description"), tr("First seen"), tr("Last seen")}, this);
    m_registeredView = makeTable(m_registered, registeredBox, QStringLiteral("registeredTable"));
    auto *deleteRegistered = new QPushButton(tr("&Delete registration"), registeredBox);
    deleteRegistered->setObjectName(QStringLiteral("deleteRegisteredButton"));
    connect(deleteRegistered, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = selectedKey(m_registeredView, m_registered).toByteArray();
        if (!uuid.isEmpty()) {
            perform(tr("Delete registered sensor"),
                    [uuid](ManagementActions &s) { return s.deleteRegisteredSensor(uuid); });
        }
    });
    connect(m_registeredView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openSensor(m_registered->keyAt(index.row()).toByteArray());
    });
    registeredLayout->addWidget(m_registeredView);
    registeredLayout->addWidget(deleteRegistered, 0, Qt::AlignLeft);

    auto *pendingBox = new QGroupBox(tr("Pending sensors"), tab);
    auto *pendingLayout = new QVBoxLayout(pendingBox);
    m_pending = new RowTableModel({tr("UUID"), tr("Description"), tr("Mail")}, this);
    m_pendingView = makeTable(m_pending, pendingBox, QStringLiteral("pendingTable"));
    auto *approve = new QPushButton(tr("&Approve"), pendingBox);
    approve->setObjectName(QStringLiteral("approveButton"));
    auto *deletePending = new QPushButton(tr("De&lete"), pendingBox);
    deletePending->setObjectName(QStringLiteral("deletePendingButton"));
    connect(approve, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = selectedKey(m_pendingView, m_pending).toByteArray();
        if (!uuid.isEmpty()) {
            perform(tr("Approve sensor"), [uuid](ManagementActions &s) { return s.approveSensor(uuid); });
        }
    });
    connect(deletePending, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = selectedKey(m_pendingView, m_pending).toByteArray();
        if (!uuid.isEmpty()) {
            perform(tr("Delete pending sensor"),
                    [uuid](ManagementActions &s) { return s.deletePendingSensor(uuid); });
        }
    });
    m_approveEdit = new QLineEdit(pendingBox);
    m_approveEdit->setObjectName(QStringLiteral("approveEdit"));
    m_approveEdit->setPlaceholderText(tr("Approve new sensor UUID"));
    connect(m_approveEdit, &QLineEdit::returnPressed, this, [this] {
        const QByteArray uuid = m_approveEdit->text().toLatin1();
        perform(tr("Approve sensor"), [uuid](ManagementActions &s) { return s.approveSensor(uuid); });
        m_approveEdit->clear();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(approve);
    buttons->addWidget(deletePending);
    buttons->addWidget(m_approveEdit, 1);
    pendingLayout->addWidget(m_pendingView);
    pendingLayout->addLayout(buttons);

    layout->addWidget(registeredBox, 1);
    layout->addWidget(pendingBox, 1);
    return tab;
}

QWidget *ServerPage::buildBlacklistTab(BlacklistKind kind)
{
    const bool ip = kind == BlacklistKind::Ip;
    BlacklistControls &c = controls(kind);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    c.input = new QLineEdit(tab);
    c.input->setObjectName(ip ? QStringLiteral("ipBlacklistInput") : QStringLiteral("uuidBlacklistInput"));
    c.input->setPlaceholderText(ip ? tr("IP or CIDR, e.g. 192.0.2.7 or 198.51.100.0/24") : tr("Sensor UUID"));
    auto *add = new QPushButton(tr("&Blacklist"), tab);
    add->setObjectName(ip ? QStringLiteral("blacklistIpButton") : QStringLiteral("blacklistUuidAddButton"));
    auto *remove = new QPushButton(tr("&Unblacklist"), tab);
    remove->setObjectName(ip ? QStringLiteral("unblacklistIpButton")
                             : QStringLiteral("unblacklistUuidButton"));
    c.feedback = new QLabel(tab);
    c.feedback->setObjectName(ip ? QStringLiteral("ipBlacklistFeedback")
                                 : QStringLiteral("uuidBlacklistFeedback"));
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(c.input, 1);
    inputRow->addWidget(add);
    inputRow->addWidget(remove);
    layout->addLayout(inputRow);
    layout->addWidget(c.feedback);

    const auto act = [this, kind, ip](bool blacklist) {
        BlacklistControls &bc = controls(kind);
        const QString text = bc.input->text().trimmed();
        if (text.isEmpty()) {
            return;
        }
        if (ip) {
            const auto parsed = management::IpBlacklistInput::parse(text);
            if (!parsed.isValid()) {
                bc.feedback->setText(parsed.error());
                bc.feedback->setStyleSheet(QStringLiteral("color: #c62828"));
                return;
            }
            if (blacklist && parsed.addressCount() > 256 &&
                QMessageBox::question(this, tr("Blacklist a range"),
                                      tr("%1 covers %2 addresses; each is stored as one entry. Continue?")
                                          .arg(text)
                                          .arg(parsed.addressCount())) != QMessageBox::Yes) {
                return;
            }
            perform(blacklist ? tr("Blacklist IP") : tr("Unblacklist IP"), [text,
                                                                            blacklist](ManagementActions &s) {
                return blacklist ? s.blacklistIp(text, management::IpBlacklistInput::kDefaultMaxAddresses)
                                 : s.unblacklistIp(text, management::IpBlacklistInput::kDefaultMaxAddresses);
            });
        } else {
            const QByteArray uuid = text.toLatin1();
            perform(
                blacklist ? tr("Blacklist UUID") : tr("Unblacklist UUID"),
                [uuid, blacklist](ManagementActions &s) { return s.setUuidBlacklisted(uuid, blacklist); });
        }
    };
    connect(add, &QPushButton::clicked, this, [act] { act(true); });
    connect(remove, &QPushButton::clicked, this, [act] { act(false); });
    connect(c.input, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(m_service, &management::ManagementService::actionFinished, this,
            [this, kind, ip](const QString &what, const ActionResult &result) {
                const bool mine = ip ? what.contains(tr("IP")) && !what.contains(tr("UUID"))
                                     : what == tr("Blacklist UUID") || what == tr("Unblacklist UUID");
                if (!mine) {
                    return;
                }
                BlacklistControls &bc = controls(kind);
                bc.feedback->setText(result.message);
                bc.feedback->setStyleSheet(result.ok ? QStringLiteral("color: #2e7d32")
                                                     : QStringLiteral("color: #c62828"));
            });

    c.model = new RowTableModel({ip ? tr("Blacklisted IP") : tr("Blacklisted UUID")}, this);
    c.view = makeTable(c.model, tab,
                       ip ? QStringLiteral("ipBlacklistTable") : QStringLiteral("uuidBlacklistTable"));
    layout->addWidget(c.view, 1);
    auto *previous = new QPushButton(tr("◀ Previous"), tab);
    auto *next = new QPushButton(tr("Next ▶"), tab);
    auto *removeSelected = new QPushButton(tr("Remove selected"), tab);
    removeSelected->setObjectName(ip ? QStringLiteral("removeSelectedIp")
                                     : QStringLiteral("removeSelectedUuid"));
    c.pageLabel = new QLabel(tab);
    auto *pager = new QHBoxLayout;
    pager->addWidget(previous);
    pager->addWidget(c.pageLabel);
    pager->addWidget(next);
    pager->addStretch(1);
    pager->addWidget(removeSelected);
    layout->addLayout(pager);
    connect(previous, &QPushButton::clicked, this,
            [this, kind] { requestBlacklist(kind, std::max(0, controls(kind).page - 1)); });
    connect(next, &QPushButton::clicked, this,
            [this, kind] { requestBlacklist(kind, controls(kind).page + 1); });
    connect(removeSelected, &QPushButton::clicked, this, [this, kind, ip] {
        BlacklistControls &bc = controls(kind);
        const QByteArray member = selectedKey(bc.view, bc.model).toByteArray();
        if (member.isEmpty()) {
            return;
        }
        const QString text = QString::fromLatin1(member);
        perform(ip ? tr("Unblacklist IP") : tr("Unblacklist UUID"), [text, member, ip](ManagementActions &s) {
            return ip ? s.unblacklistIp(text, 1) : s.setUuidBlacklisted(member, false);
        });
    });
    return tab;
}

void ServerPage::requestBlacklist(BlacklistKind kind, int page)
{
    m_service->requestBlacklistPage(kind, page, kBlacklistPageSize);
}

void ServerPage::showBlacklistPage(const management::BlacklistPage &page)
{
    BlacklistControls &c = controls(page.kind);
    c.page = page.page;
    c.total = page.total;
    QList<TableRow> rows;
    for (const QByteArray &member : page.members) {
        rows.append({{QString::fromLatin1(member)}, member, false});
    }
    c.model->setRows(rows);
    const qint64 pages = std::max<qint64>(1, (page.total + page.pageSize - 1) / page.pageSize);
    c.pageLabel->setText(tr("page %1 of %2 (%3 entries)").arg(page.page + 1).arg(pages).arg(page.total));
}

QWidget *ServerPage::buildTypesTab()
{
    auto *tab = new QWidget;
    auto *layout = new QHBoxLayout(tab);
    auto *typesBox = new QGroupBox(tr("Accepted types"), tab);
    auto *typesLayout = new QVBoxLayout(typesBox);
    m_types = new RowTableModel({tr("Type"), tr("Description")}, this);
    m_typesView = makeTable(m_types, typesBox, QStringLiteral("acceptedTypesTable"));
    auto *removeType = new QPushButton(tr("Remove type"), typesBox);
    removeType->setObjectName(QStringLiteral("removeTypeButton"));
    connect(removeType, &QPushButton::clicked, this, [this] {
        const QVariant key = selectedKey(m_typesView, m_types);
        if (key.isValid()) {
            const int type = key.toInt();
            perform(tr("Remove accepted type"),
                    [type](ManagementActions &s) { return s.removeAcceptedType(type); });
        }
    });
    typesLayout->addWidget(m_typesView);
    typesLayout->addWidget(removeType, 0, Qt::AlignLeft);

    auto *extBox = new QGroupBox(tr("Accepted extended types"), tab);
    auto *extLayout = new QVBoxLayout(extBox);
    m_extendedTypes = new RowTableModel({tr("Extended type")}, this);
    m_extendedView = makeTable(m_extendedTypes, extBox, QStringLiteral("extendedTypesTable"));
    auto *removeExt = new QPushButton(tr("Remove extended type"), extBox);
    removeExt->setObjectName(QStringLiteral("removeExtendedTypeButton"));
    connect(removeExt, &QPushButton::clicked, this, [this] {
        const QByteArray name = selectedKey(m_extendedView, m_extendedTypes).toByteArray();
        if (!name.isEmpty()) {
            perform(tr("Remove extended type"),
                    [name](ManagementActions &s) { return s.removeAcceptedExtendedType(name); });
        }
    });
    extLayout->addWidget(m_extendedView);
    extLayout->addWidget(removeExt, 0, Qt::AlignLeft);

    auto *addBox = new QGroupBox(tr("Add a type"), tab);
    auto *addForm = new QFormLayout(addBox);
    m_newType = new QSpinBox(addBox);
    m_newType->setObjectName(QStringLiteral("newTypeSpin"));
    m_newType->setRange(1, 254);
    m_newType->setValue(254);
    m_newExtended = new QLineEdit(addBox);
    m_newExtended->setObjectName(QStringLiteral("newExtendedEdit"));
    m_newExtended->setPlaceholderText(tr("name, for 254"));
    auto *add = new QPushButton(tr("&Add type"), addBox);
    add->setObjectName(QStringLiteral("addTypeButton"));
    connect(m_newType, &QSpinBox::valueChanged, this,
            [this](int value) { m_newExtended->setEnabled(value == 254); });
    connect(add, &QPushButton::clicked, this, [this] {
        const int type = m_newType->value();
        const QByteArray name = m_newExtended->text().trimmed().toUtf8();
        perform(tr("Add accepted type"),
                [type, name](ManagementActions &s) { return s.addAcceptedType(type, name); });
    });
    addForm->addRow(tr("Type:"), m_newType);
    addForm->addRow(tr("Extended type name:"), m_newExtended);
    addForm->addRow(add);
    auto *note = new QLabel(tr("d4-core re-adds its default types and ja3-jl at every start."), addBox);
    note->setWordWrap(true);
    addForm->addRow(note);

    layout->addWidget(typesBox, 2);
    layout->addWidget(extBox, 1);
    layout->addWidget(addBox, 1);
    return tab;
}

QWidget *ServerPage::buildQueuesTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    m_queues = new QueueTableModel(this);
    m_queuesView = makeTable(m_queues, tab, QStringLiteral("queueTable"));
    m_queuesView->horizontalHeader()->setSectionResizeMode(QueueTableModel::UuidColumn,
                                                           QHeaderView::ResizeToContents);
    layout->addWidget(m_queuesView, 1);

    auto *create = new QPushButton(tr("Add &new queue…"), tab);
    create->setObjectName(QStringLiteral("createQueueButton"));
    auto *edit = new QPushButton(tr("&Edit…"), tab);
    edit->setObjectName(QStringLiteral("editQueueButton"));
    auto *remove = new QPushButton(tr("&Delete"), tab);
    remove->setObjectName(QStringLiteral("deleteQueueButton"));
    auto *flush = new QPushButton(tr("&Flush"), tab);
    flush->setObjectName(QStringLiteral("flushQueueButton"));
    m_queueMaxSize = new QSpinBox(tab);
    m_queueMaxSize->setObjectName(QStringLiteral("queueMaxSizeSpin"));
    m_queueMaxSize->setRange(1, std::numeric_limits<int>::max());
    m_queueMaxSize->setValue(10000);
    auto *setMax = new QPushButton(tr("Change &max size"), tab);
    setMax->setObjectName(QStringLiteral("queueMaxSizeButton"));
    m_sampleLineLength = new QSpinBox(tab);
    m_sampleLineLength->setObjectName(QStringLiteral("sampleLineLength"));
    m_sampleLineLength->setRange(1, 10000);
    m_sampleLineLength->setValue(3000);
    m_sampleLineLength->setPrefix(tr("line length "));
    auto *sample = new QPushButton(tr("&Sample…"), tab);
    sample->setObjectName(QStringLiteral("sampleQueueButton"));
    auto *buttons = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(create), static_cast<QWidget *>(edit),
                       static_cast<QWidget *>(remove), static_cast<QWidget *>(flush),
                       static_cast<QWidget *>(m_queueMaxSize), static_cast<QWidget *>(setMax),
                       static_cast<QWidget *>(m_sampleLineLength), static_cast<QWidget *>(sample)}) {
        buttons->addWidget(w);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(create, &QPushButton::clicked, this, [this] { editQueue(true); });
    connect(edit, &QPushButton::clicked, this, [this] { editQueue(false); });
    connect(m_queuesView, &QTableView::activated, this, [this] { editQueue(false); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QByteArray queue = selectedQueue();
        if (!queue.isEmpty() &&
            QMessageBox::question(this, tr("Delete queue"),
                                  tr("Delete queue %1 and its entries?").arg(QString::fromLatin1(queue))) ==
                QMessageBox::Yes) {
            perform(tr("Delete queue"), [queue](ManagementActions &s) { return s.removeQueue(queue); });
        }
    });
    connect(flush, &QPushButton::clicked, this, [this] {
        const QByteArray queue = selectedQueue();
        if (!queue.isEmpty()) {
            perform(tr("Flush queue"), [queue](ManagementActions &s) { return s.flushQueue(queue); });
        }
    });
    connect(setMax, &QPushButton::clicked, this, [this] {
        const QByteArray queue = selectedQueue();
        const qint64 size = m_queueMaxSize->value();
        if (!queue.isEmpty()) {
            perform(tr("Change queue max size"),
                    [queue, size](ManagementActions &s) { return s.setQueueMaxSize(queue, size); });
        }
    });
    connect(sample, &QPushButton::clicked, this, &ServerPage::showSample);
    return tab;
}

QByteArray ServerPage::selectedQueue() const
{
    const QModelIndexList rows = m_queuesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QByteArray() : rows.first().data(QueueTableModel::QueueUuidRole).toByteArray();
}

void ServerPage::editQueue(bool create)
{
    const management::QueueSummary *existing = nullptr;
    if (!create) {
        const QModelIndexList rows = m_queuesView->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            return;
        }
        existing = m_queues->queueAt(rows.first().row());
        if (!existing) {
            return;
        }
    }
    QueueDialog dialog(existing ? &existing->info : nullptr, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const int type = dialog.type();
    const QByteArray ext = dialog.extendedType();
    const QByteArray uuid = dialog.queueUuid();
    const QString description = dialog.description();
    const QByteArrayList sensors = dialog.sensorGroup();
    if (create) {
        perform(tr("Create queue"),
                [=](ManagementActions &s) { return s.createQueue(type, ext, description, sensors, uuid); });
    } else {
        perform(tr("Edit queue"),
                [=](ManagementActions &s) { return s.editQueue(uuid, description, sensors); });
    }
}

void ServerPage::showSample()
{
    const QByteArray queue = selectedQueue();
    if (queue.isEmpty()) {
        return;
    }
    const management::QueueSummary *summary = nullptr;
    for (int row = 0; row < m_queues->rowCount(); ++row) {
        if (m_queues->queueAt(row)->info.uuid == queue) {
            summary = m_queues->queueAt(row);
        }
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("queueSampleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QStringLiteral("analyzer:%1:%2")
                               .arg(summary ? QString::fromUtf8(summary->info.typeKey()) : QString(),
                                    QString::fromLatin1(queue)));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("sampleText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setPlainText(tr("Loading…"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(800, 420);
    connect(m_service, &management::ManagementService::queueSampleReady, dialog,
            [text, queue](const QByteArray &uuid, const QStringList &entries, const QString &error) {
                if (uuid != queue) {
                    return;
                }
                text->setPlainText(!error.isEmpty()    ? error
                                   : entries.isEmpty() ? QObject::tr("(empty)")
                                                       : entries.join(QLatin1Char('\n')));
            });
    m_service->requestQueueSample(queue, 11, m_sampleLineLength->value());
    dialog->show();
}

void ServerPage::showOverview(const std::shared_ptr<const management::Overview> &overview)
{
    const bool first = !m_overview;
    m_overview = overview;
    m_mode->setText(overview->serverMode.isEmpty() ? tr("unknown") : overview->serverMode);
    std::map<QByteArray, const management::SensorSummary *> known;
    for (const management::SensorSummary &sensor : overview->sensors) {
        known[sensor.uuid] = &sensor;
    }
    QList<TableRow> registered;
    for (const QByteArray &uuid : overview->registered) {
        const auto it = known.find(uuid);
        const management::SensorSummary *s = it == known.end() ? nullptr : it->second;
        // Spec §9 #10: the reference shows first seen twice; the last column is last seen here.
        registered.append({{QString::fromLatin1(uuid), s ? s->description : QString(),
                            s ? SensorTableModel::formatTime(s->firstSeen) : QString(),
                            s ? SensorTableModel::formatTime(s->lastSeen) : QString()},
                           uuid,
                           false});
    }
    m_registered->setRows(registered);
    QList<TableRow> pending;
    for (const QByteArray &uuid : overview->pending) {
        pending.append({{QString::fromLatin1(uuid), QString(), QString()}, uuid, true});
    }
    m_pending->setRows(pending);
    QList<TableRow> types;
    for (int type : overview->acceptedTypes) {
        const protocol::TypeInfo *info = protocol::findType(type);
        QString description = typeDescription(type);
        if (info && !info->hasWorker) {
            description += tr(" (no built-in worker)");
        }
        types.append({{QString::number(type), description}, type, info && !info->hasWorker});
    }
    m_types->setRows(types);
    QList<TableRow> extended;
    for (const QByteArray &name : overview->acceptedExtendedTypes) {
        extended.append({{QString::fromUtf8(name)}, name, false});
    }
    m_extendedTypes->setRows(extended);
    m_queues->setQueues(overview->queues);
    if (first) {
        requestBlacklist(BlacklistKind::Ip, 0);
        requestBlacklist(BlacklistKind::Uuid, 0);
    }
}

} // namespace d4::ui
