// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "pages/sensorpage.h"

#include <limits>

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "charts/stackedbarchart.h"
#include "management/managementservice.h"
#include "management/sensorinput.h"
#include "models/rowtablemodel.h"
#include "models/sensortablemodel.h"
#include "protocol/d4types.h"

namespace d4::ui {

using management::ActionResult;
using management::ManagementActions;
using management::SensorInput;

namespace {

QTableView *makeTable(RowTableModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setMinimumHeight(140);
    return view;
}

QString typeLabel(const QByteArray &type, bool extended)
{
    if (extended) {
        return QStringLiteral("254: ") + QString::fromUtf8(type);
    }
    const protocol::TypeInfo *info = protocol::findType(type.toInt());
    return info ? QString::fromLatin1(type) + QStringLiteral(": ") +
                      QString::fromUtf8(info->name.data(), qsizetype(info->name.size()))
                : QString::fromLatin1(type);
}

} // namespace

SensorPage::SensorPage(management::ManagementService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("SensorPage"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    m_title = new QLabel(tr("No sensor selected: double-click one on the Sensors page."), content);
    m_title->setObjectName(QStringLiteral("sensorTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *cards = new QHBoxLayout;
    const auto card = [&](const QString &caption, QLabel *&value) {
        auto *box = new QGroupBox(caption, content);
        auto *boxLayout = new QVBoxLayout(box);
        value = new QLabel(QStringLiteral("—"), box);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        boxLayout->addWidget(value);
        cards->addWidget(box);
    };
    card(tr("First seen"), m_firstSeen);
    card(tr("Last seen"), m_lastSeen);
    card(tr("Status"), m_status);
    m_status->setObjectName(QStringLiteral("sensorStatus"));
    layout->addLayout(cards);
    layout->addWidget(buildActions());

    m_types = new RowTableModel({tr("Type"), tr("First seen"), tr("Last seen")}, this);
    m_ips = new RowTableModel({tr("Last IPs used")}, this);
    m_saved = new RowTableModel({tr("Type directory"), tr("Files"), tr("Size (bytes)")}, this);
    m_history = new StackedBarChart(tr("Packets per type, last 7 days"), tr("packets"), content);
    m_history->setObjectName(QStringLiteral("sensorHistoryChart"));
    m_savedChart = new StackedBarChart(tr("Files saved per type, last 7 days"), tr("files"), content);

    auto *grid = new QGridLayout;
    grid->addWidget(makeTable(m_types, content, QStringLiteral("typeUsageTable")), 0, 0);
    grid->addWidget(m_history, 0, 1);
    grid->addWidget(makeTable(m_saved, content, QStringLiteral("savedDataTable")), 1, 0);
    grid->addWidget(m_savedChart, 1, 1);
    grid->addWidget(makeTable(m_ips, content, QStringLiteral("recentIpTable")), 2, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setEnabled(false);
}

SensorPage::~SensorPage() = default;

QWidget *SensorPage::buildActions()
{
    auto *box = new QGroupBox(tr("Manage"));
    auto *form = new QFormLayout(box);

    const auto row = [box](QWidget *editor, QPushButton *button) {
        auto *widget = new QWidget(box);
        auto *h = new QHBoxLayout(widget);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(editor, 1);
        if (button) {
            h->addWidget(button);
        }
        return widget;
    };

    m_description = new QLineEdit(box);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    auto *saveDescription = new QPushButton(tr("Save"), box);
    saveDescription->setObjectName(QStringLiteral("saveDescriptionButton"));
    connect(saveDescription, &QPushButton::clicked, this, [this] {
        const QString text = m_description->text();
        const QByteArray uuid = m_uuid;
        perform(tr("Change description"),
                [uuid, text](ManagementActions &s) { return s.setDescription(uuid, text); });
    });
    connect(m_description, &QLineEdit::returnPressed, saveDescription, &QPushButton::click);
    form->addRow(tr("&Description:"), row(m_description, saveDescription));

    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_tags = new QLineEdit(box);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. dmz, lab"));
    auto *saveName = new QPushButton(tr("Save"), box);
    saveName->setObjectName(QStringLiteral("saveNameButton"));
    connect(saveName, &QPushButton::clicked, this, [this] {
        const QString name = m_name->text();
        QStringList tags;
        for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            tags.append(tag.trimmed());
        }
        const QByteArray uuid = m_uuid;
        perform(tr("Change name and tags"), [uuid, name, tags](ManagementActions &s) {
            const ActionResult result = s.setName(uuid, name);
            return result.ok ? s.setTags(uuid, tags) : result;
        });
    });
    auto *nameRow = new QWidget(box);
    auto *nameLayout = new QHBoxLayout(nameRow);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->addWidget(m_name, 1);
    nameLayout->addWidget(new QLabel(tr("Tags:"), nameRow));
    nameLayout->addWidget(m_tags, 2);
    nameLayout->addWidget(saveName);
    form->addRow(tr("&Name:"), nameRow);

    m_kick = new QPushButton(tr("&Kick"), box);
    m_kick->setObjectName(QStringLiteral("kickButton"));
    m_kick->setToolTip(tr("Close the sensor's connections; it cannot reconnect for 30 s"));
    connect(m_kick, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        perform(tr("Kick"), [uuid](ManagementActions &s) { return s.kick(uuid); });
    });
    m_clearStats = new QPushButton(tr("Clear statistics…"), box);
    m_clearStats->setObjectName(QStringLiteral("clearStatsButton"));
    connect(m_clearStats, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(
                this, tr("Clear statistics"),
                tr("Delete every daily statistic of this sensor? Files and streams are kept.")) !=
            QMessageBox::Yes) {
            return;
        }
        const QByteArray uuid = m_uuid;
        perform(tr("Clear statistics"), [uuid](ManagementActions &s) { return s.clearStatistics(uuid); });
    });
    auto *kickRow = new QWidget(box);
    auto *kickLayout = new QHBoxLayout(kickRow);
    kickLayout->setContentsMargins(0, 0, 0, 0);
    kickLayout->addWidget(m_kick);
    kickLayout->addWidget(m_clearStats);
    kickLayout->addStretch(1);
    form->addRow(tr("Connection:"), kickRow);

    m_maxSilence = new QSpinBox(box);
    m_maxSilence->setObjectName(QStringLiteral("maxSilenceSpin"));
    m_maxSilence->setRange(30, 86400 * 30);
    m_maxSilence->setValue(3600);
    m_maxSilence->setSuffix(tr(" s"));
    m_monitor = new QPushButton(tr("&Monitor"), box);
    m_monitor->setObjectName(QStringLiteral("monitorButton"));
    m_unmonitor = new QPushButton(tr("Stop monitoring"), box);
    m_unmonitor->setObjectName(QStringLiteral("unmonitorButton"));
    connect(m_monitor, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        const int seconds = m_maxSilence->value();
        perform(tr("Monitor sensor"),
                [uuid, seconds](ManagementActions &s) { return s.setMonitoring(uuid, seconds); });
    });
    connect(m_unmonitor, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        perform(tr("Stop monitoring"), [uuid](ManagementActions &s) { return s.removeMonitoring(uuid); });
    });
    auto *monitorRow = row(m_maxSilence, m_monitor);
    monitorRow->layout()->addWidget(m_unmonitor);
    form->addRow(tr("Maximum silence:"), monitorRow);

    m_streamMaxSize = new QSpinBox(box);
    m_streamMaxSize->setObjectName(QStringLiteral("streamMaxSizeSpin"));
    m_streamMaxSize->setRange(0, std::numeric_limits<int>::max());
    m_setStreamMaxSize = new QPushButton(tr("Set"), box);
    m_setStreamMaxSize->setObjectName(QStringLiteral("setStreamMaxSizeButton"));
    connect(m_setStreamMaxSize, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        const qint64 size = m_streamMaxSize->value();
        perform(tr("Change stream max size"),
                [uuid, size](ManagementActions &s) { return s.setStreamMaxSize(uuid, size); });
    });
    form->addRow(tr("Stream max size:"), row(m_streamMaxSize, m_setStreamMaxSize));

    m_blacklistUuid = new QPushButton(tr("Blacklist UUID"), box);
    m_blacklistUuid->setObjectName(QStringLiteral("blacklistUuidButton"));
    connect(m_blacklistUuid, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        const bool blacklist = !(m_detail && m_detail->summary.blacklisted);
        perform(blacklist ? tr("Blacklist UUID") : tr("Unblacklist UUID"),
                [uuid, blacklist](ManagementActions &s) { return s.setUuidBlacklisted(uuid, blacklist); });
    });
    m_blacklistIps = new QPushButton(tr("Blacklist IPs using this UUID"), box);
    m_blacklistIps->setObjectName(QStringLiteral("blacklistIpsButton"));
    connect(m_blacklistIps, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        const bool blacklist = !(m_detail && m_detail->summary.ipBlacklisted);
        perform(
            blacklist ? tr("Blacklist IPs of UUID") : tr("Unblacklist IPs of UUID"),
            [uuid, blacklist](ManagementActions &s) { return s.setIpsOfUuidBlacklisted(uuid, blacklist); });
    });
    auto *blacklistRow = new QWidget(box);
    auto *blacklistLayout = new QHBoxLayout(blacklistRow);
    blacklistLayout->setContentsMargins(0, 0, 0, 0);
    blacklistLayout->addWidget(m_blacklistUuid);
    blacklistLayout->addWidget(m_blacklistIps);
    blacklistLayout->addStretch(1);
    form->addRow(tr("Blacklist:"), blacklistRow);

    m_hmacKey = new QLineEdit(box);
    m_hmacKey->setObjectName(QStringLiteral("hmacKeyEdit"));
    m_hmacKey->setMaxLength(100);
    auto *saveKey = new QPushButton(tr("Change key"), box);
    saveKey->setObjectName(QStringLiteral("saveKeyButton"));
    connect(saveKey, &QPushButton::clicked, this, [this] {
        const QByteArray uuid = m_uuid;
        const QByteArray key = m_hmacKey->text().toUtf8();
        perform(tr("Change HMAC key"), [uuid, key](ManagementActions &s) { return s.setHmacKey(uuid, key); });
    });
    m_keyWarning = new QLabel(box);
    m_keyWarning->setObjectName(QStringLiteral("keyWarning"));
    m_keyWarning->setWordWrap(true);
    m_keyWarning->setStyleSheet(QStringLiteral("color: #e65100"));
    m_keyWarning->hide();
    connect(m_hmacKey, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_keyWarning->setVisible(SensorInput::keyHasEscapedCharacters(text.toUtf8()));
    });
    m_keyWarning->setText(
        tr("This key contains & < > \" ' or an HTML entity such as &amp;amp;. d4-core's web UI "
           "and registration API HTML-escape keys, so a sensor configured through them may hold "
           "a different key. The key is used exactly as stored here."));
    auto *keyRow = row(m_hmacKey, saveKey);
    auto *keyBlock = new QWidget(box);
    auto *keyLayout = new QVBoxLayout(keyBlock);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(keyRow);
    keyLayout->addWidget(m_keyWarning);
    form->addRow(tr("HMAC &key:"), keyBlock);
    return box;
}

void SensorPage::perform(const QString &what, std::function<ActionResult(ManagementActions &)> action)
{
    if (m_uuid.isEmpty()) {
        return;
    }
    m_service->perform(what, std::move(action));
}

void SensorPage::setSensor(const QByteArray &uuid)
{
    if (uuid == m_uuid) {
        return;
    }
    m_uuid = uuid;
    m_detail.reset();
    m_title->setText(QString::fromLatin1(uuid));
    m_description->clear();
    m_name->clear();
    m_tags->clear();
    m_hmacKey->clear();
    setEnabled(!uuid.isEmpty());
    m_service->watchSensor(uuid);
}

void SensorPage::showDetail(const std::shared_ptr<const management::SensorDetail> &detail)
{
    if (!detail || detail->summary.uuid != m_uuid) {
        return;
    }
    const bool first = !m_detail;
    m_detail = detail;
    const management::SensorSummary &s = detail->summary;
    m_title->setText(s.name.isEmpty()
                         ? QString::fromLatin1(s.uuid)
                         : s.name + QStringLiteral("  (") + QString::fromLatin1(s.uuid) + QLatin1Char(')'));
    m_firstSeen->setText(SensorTableModel::formatTime(s.firstSeen));
    m_lastSeen->setText(SensorTableModel::formatTime(s.lastSeen));
    QString status = s.statusText();
    if (s.connected) {
        status += tr("\nConnected");
    }
    if (s.monitored) {
        status += s.silent ? tr("\nMonitored: SILENT") : tr("\nMonitored");
    }
    m_status->setText(status);
    // Edits keep what the user is typing; they are filled when the page opens.
    if (first) {
        m_description->setText(s.description);
        m_name->setText(s.name);
        m_tags->setText(s.tags.join(QStringLiteral(", ")));
        m_hmacKey->setText(QString::fromUtf8(detail->hmacKey));
        m_hmacKey->setPlaceholderText(tr("default key"));
        if (detail->monitorMaxSilence > 0) {
            m_maxSilence->setValue(detail->monitorMaxSilence);
        }
        if (detail->streamMaxSize >= 0) {
            m_streamMaxSize->setValue(
                int(std::min<qint64>(detail->streamMaxSize, std::numeric_limits<int>::max())));
        }
    }
    m_hmacKey->setToolTip(detail->usesDefaultKey ? tr("No key of its own: the server's default key is used")
                                                 : tr("The sensor's own key"));
    m_kick->setEnabled(s.connected && !detail->temporarilyBlacklisted);
    m_kick->setToolTip(detail->temporarilyBlacklisted
                           ? tr("Kicked less than 30 s ago")
                           : tr("Close the sensor's connections; it cannot reconnect "
                                "for 30 s"));
    m_unmonitor->setEnabled(s.monitored);
    m_monitor->setText(s.monitored ? tr("Change") : tr("&Monitor"));
    // As the reference: stream size is disabled while blacklisted, the UUID blacklist while its IPs are.
    m_setStreamMaxSize->setEnabled(!s.blacklisted);
    m_streamMaxSize->setEnabled(!s.blacklisted);
    m_blacklistUuid->setText(s.blacklisted ? tr("Unblacklist UUID") : tr("Blacklist UUID"));
    m_blacklistUuid->setEnabled(!s.ipBlacklisted);
    m_blacklistIps->setText(s.ipBlacklisted ? tr("Unblacklist IPs using this UUID")
                                            : tr("Blacklist IPs using this UUID"));

    QList<TableRow> types;
    for (const management::TypeUsage &usage : detail->typeUsage) {
        const bool connected = usage.extended ? s.connectedExtendedTypes.contains(usage.type)
                                              : s.connectedTypes.contains(usage.type.toInt());
        types.append(
            {{typeLabel(usage.type, usage.extended) + (connected ? tr(" (connected)") : QString()),
              SensorTableModel::formatTime(usage.firstSeen), SensorTableModel::formatTime(usage.lastSeen)},
             usage.type,
             false});
    }
    m_types->setRows(types);
    QList<TableRow> ips;
    for (const QString &ip : detail->recentIps) {
        ips.append({{ip}, ip, false});
    }
    m_ips->setRows(ips);

    QStringList days;
    std::map<QString, QList<double>> perType;
    for (int i = 0; i < detail->history.size(); ++i) {
        days.append(detail->history[i].day.toString(QStringLiteral("MM-dd")));
        for (const auto &[type, packets] : detail->history[i].packets) {
            QList<double> &values = perType[typeLabel(QByteArray::number(type), false)];
            values.resize(detail->history.size());
            values[i] = double(packets);
        }
    }
    m_history->setData(days, perType);

    QList<TableRow> saved;
    qint64 allFiles = 0;
    qint64 allBytes = 0;
    std::map<QString, QList<double>> filesPerType;
    for (const management::SavedData &entry : detail->saved) {
        saved.append(
            {{entry.type, QString::number(entry.files), QString::number(entry.bytes)}, entry.type, false});
        allFiles += entry.files;
        allBytes += entry.bytes;
        QList<double> values(detail->history.size(), 0.0);
        for (int i = 0; i < detail->history.size(); ++i) {
            const auto it = entry.filesPerDay.find(detail->history[i].day);
            values[i] = it == entry.filesPerDay.end() ? 0.0 : double(it->second);
        }
        filesPerType[entry.type] = values;
    }
    if (!detail->saved.isEmpty()) {
        saved.append({{tr("All"), QString::number(allFiles), QString::number(allBytes)}, QString(), false});
    }
    m_saved->setRows(saved);
    m_savedChart->setData(days, filesPerType);
}

} // namespace d4::ui
