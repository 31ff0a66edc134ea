// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardruledialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "forward/forwardruleconfigwriter.h"

namespace d4::ui {

using forward::ForwardRuleConfigWriter;
using forward::IniKeys;

ForwardRuleDialog::ForwardRuleDialog(QString configFile, const QString &ruleName, QWidget *parent)
    : QDialog(parent)
    , m_configFile(std::move(configFile))
    , m_editing(!ruleName.isEmpty())
{
    setObjectName(QStringLiteral("forwardRuleDialog"));
    setWindowTitle(m_editing ? tr("Edit rule %1").arg(ruleName) : tr("New forwarding rule"));
    struct Group
    {
        QString title;
        QList<QPair<QString, QString>> fields; ///< key, label
    };
    const QList<Group> groups{
        {tr("Rule and sources"),
         {{QStringLiteral("name"), tr("&Name:")},
          {QStringLiteral("enabled"), tr("Enabled (yes/no):")},
          {QStringLiteral("type"), tr("&Type (1, 3, 8, 254):")},
          {QStringLiteral("extended_type"), tr("Extended type:")},
          {QStringLiteral("sensors"), tr("Sens&ors (UUIDs, @group, *):")},
          {QStringLiteral("queues"), tr("&Queues (UUIDs):")}}},
        {tr("Partner and TLS"),
         {{QStringLiteral("partner"), tr("&Partner (host:port):")},
          {QStringLiteral("partner_uuid"), tr("Partner &UUID:")},
          {QStringLiteral("partner_key"), tr("Partner &key:")},
          {QStringLiteral("partner_ca"), tr("Partner CA file:")},
          {QStringLiteral("partner_pin"), tr("Partner p&in (SHA-256):")},
          {QStringLiteral("partner_insecure"), tr("Accept any certificate (yes/no):")},
          {QStringLiteral("retry_max"), tr("Longest retry back-off (s):")}}},
        {tr("Line filters"),
         {{QStringLiteral("passive_dns"), tr("Passive DNS lines (yes/no):")},
          {QStringLiteral("layout_fields"), tr("Layout fields:")},
          {QStringLiteral("layout_separator"), tr("Layout separator:")},
          {QStringLiteral("drop_zones"), tr("&Drop zones:")},
          {QStringLiteral("keep_zones"), tr("Keep zones:")},
          {QStringLiteral("client_fields"), tr("C&lient fields (keep, drop, pseudonymise):")},
          {QStringLiteral("pseudonym_key"), tr("Pseudonym key:")},
          {QStringLiteral("drop_rrtypes"), tr("Dropped DNS types:")},
          {QStringLiteral("sample"), tr("Sample (0–1]:")}}},
        {tr("Pcap filters"),
         {{QStringLiteral("pcap_filter"), tr("Pcap &filter:")},
          {QStringLiteral("snap_length"), tr("Snap length:")},
          {QStringLiteral("link_type"), tr("Link type:")}}},
        {tr("Delivery"),
         {{QStringLiteral("spool_directory"), tr("Spool directory:")},
          {QStringLiteral("spool_max_mb"), tr("Spool size (MB):")},
          {QStringLiteral("ack_interval_ms"), tr("Acknowledgement interval (ms):")},
          {QStringLiteral("ack_max_mb"), tr("Acknowledgement window (MB):")},
          {QStringLiteral("packet_size"), tr("Packet size:")}}},
    };
    auto *grid = new QGridLayout;
    int index = 0;
    for (const Group &group : groups) {
        auto *box = new QGroupBox(group.title, this);
        auto *form = new QFormLayout(box);
        for (const auto &[key, label] : group.fields) {
            auto *edit = new QLineEdit(box);
            edit->setObjectName(key);
            edit->setPlaceholderText(key == u"name" ? QString() : tr("default"));
            form->addRow(label, edit);
            m_fields.insert(key, edit);
            if (key != u"name") {
                m_order.append(key);
            }
        }
        grid->addWidget(box, index / 2, index % 2);
        ++index;
    }
    m_fields.value(QStringLiteral("partner_key"))->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_fields.value(QStringLiteral("pseudonym_key"))->setEchoMode(QLineEdit::PasswordEchoOnEdit);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("forwardRuleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ForwardRuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ForwardRuleDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    if (m_editing) {
        QLineEdit *name = m_fields.value(QStringLiteral("name"));
        name->setText(ruleName);
        name->setReadOnly(true);
        QFile file(m_configFile);
        if (file.open(QIODevice::ReadOnly)) {
            const std::optional<IniKeys> keys =
                ForwardRuleConfigWriter::sectionKeys(file.readAll(), ruleName);
            for (const auto &[key, value] : keys.value_or(IniKeys())) {
                if (QLineEdit *edit = m_fields.value(key)) {
                    edit->setText(value);
                }
            }
        }
    }
}

QString ForwardRuleDialog::ruleName() const
{
    return m_fields.value(QStringLiteral("name"))->text().trimmed();
}

bool ForwardRuleDialog::save()
{
    const QString name = ruleName();
    config::ConfigError error;
    bool saved = false;
    QFile file(m_configFile);
    const bool exists = !m_editing && file.open(QIODevice::ReadOnly) &&
                        ForwardRuleConfigWriter::sectionKeys(file.readAll(), name).has_value();
    if (name.isEmpty()) {
        error.message = tr("A rule needs a name.");
    } else if (exists) {
        error.message = tr("There is already a rule named %1.").arg(name);
    } else {
        IniKeys keys;
        for (const QString &key : std::as_const(m_order)) {
            const QString value = m_fields.value(key)->text().trimmed();
            if (!value.isEmpty()) {
                keys.append({key, value});
            }
        }
        saved = ForwardRuleConfigWriter::updateFile(m_configFile, name, keys, error);
    }
    m_error->setVisible(!saved);
    m_error->setText(saved ? QString() : error.toString());
    return saved;
}

void ForwardRuleDialog::accept()
{
    if (save()) {
        QDialog::accept();
    }
}

} // namespace d4::ui
