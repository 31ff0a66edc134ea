// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dialogs/queuedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUuid>

#include "management/sensorinput.h"
#include "theme/palette.h"

namespace d4::ui {

QueueDialog::QueueDialog(const workers::QueueInfo *existing, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("QueueDialog"));
    setWindowTitle(existing ? tr("Edit analyzer queue") : tr("Add analyzer queue"));
    auto *form = new QFormLayout(this);
    m_type = new QSpinBox(this);
    m_type->setObjectName(QStringLiteral("queueType"));
    m_type->setRange(1, 254);
    m_type->setValue(existing ? existing->type : 3);
    form->addRow(tr("Analyzer &type:"), m_type);
    m_extended = new QLineEdit(this);
    m_extended->setObjectName(QStringLiteral("queueExtendedType"));
    m_extendedLabel = new QLabel(tr("&Meta type name:"), this);
    m_extendedLabel->setBuddy(m_extended);
    form->addRow(m_extendedLabel, m_extended);
    m_uuid = new QLineEdit(this);
    m_uuid->setObjectName(QStringLiteral("queueUuid"));
    m_uuid->setPlaceholderText(tr("optional: a new random UUID"));
    auto *generate = new QPushButton(tr("&Random"), this);
    generate->setObjectName(QStringLiteral("queueRandomUuid"));
    connect(generate, &QPushButton::clicked, this,
            [this] { m_uuid->setText(QUuid::createUuid().toString(QUuid::WithoutBraces)); });
    auto *uuidRow = new QHBoxLayout;
    uuidRow->addWidget(m_uuid, 1);
    uuidRow->addWidget(generate);
    form->addRow(tr("Queue &UUID:"), uuidRow);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("queueDescription"));
    form->addRow(tr("&Description:"), m_description);
    m_sensors = new QPlainTextEdit(this);
    m_sensors->setObjectName(QStringLiteral("queueSensors"));
    m_sensors->setPlaceholderText(tr("one sensor UUID per line; empty = every sensor"));
    form->addRow(tr("&Sensor group:"), m_sensors);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("queueError"));
    m_error->setStyleSheet(errorTextStyle());
    m_error->setWordWrap(true);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QueueDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QueueDialog::reject);
    form->addRow(buttons);

    if (existing) {
        m_type->setEnabled(false);
        m_extended->setText(QString::fromUtf8(existing->extendedType));
        m_extended->setEnabled(false);
        m_uuid->setText(QString::fromLatin1(existing->uuid));
        m_uuid->setReadOnly(true);
        generate->setEnabled(false);
        m_description->setText(existing->description);
        QStringList sensors;
        for (const QByteArray &sensor : existing->sensorGroup) {
            sensors.append(QString::fromLatin1(sensor));
        }
        m_sensors->setPlainText(sensors.join(QLatin1Char('\n')));
    }
    connect(m_type, &QSpinBox::valueChanged, this, &QueueDialog::updateExtendedVisibility);
    updateExtendedVisibility();
}

QueueDialog::~QueueDialog() = default;

void QueueDialog::updateExtendedVisibility()
{
    const bool extended = m_type->value() == 2 || m_type->value() == 254;
    m_extended->setVisible(extended);
    m_extendedLabel->setVisible(extended);
}

int QueueDialog::type() const
{
    return m_type->value() == 2 ? 254 : m_type->value();
}

QByteArray QueueDialog::extendedType() const
{
    return type() == 254 ? m_extended->text().trimmed().toUtf8() : QByteArray();
}

QByteArray QueueDialog::queueUuid() const
{
    return m_uuid->text().trimmed().toLatin1();
}

QString QueueDialog::description() const
{
    return m_description->text();
}

QByteArrayList QueueDialog::sensorGroup() const
{
    QByteArrayList sensors;
    for (const QString &line : m_sensors->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) {
            sensors.append(line.trimmed().toLatin1());
        }
    }
    return sensors;
}

void QueueDialog::accept()
{
    QStringList invalid;
    for (const QByteArray &sensor : sensorGroup()) {
        if (management::SensorInput::normalizeUuid(sensor).isEmpty()) {
            invalid.append(QString::fromLatin1(sensor));
        }
    }
    if (!invalid.isEmpty()) {
        m_error->setText(tr("Invalid sensor UUID: %1").arg(invalid.join(QStringLiteral(", "))));
        m_sensors->setStyleSheet(QStringLiteral("border: 2px solid %1").arg(errorTextColor().name()));
        adjustSize(); // room for the wrapped message
        return;
    }
    if (type() == 254 && extendedType().isEmpty()) {
        m_error->setText(tr("Type 2 and 254 queues need the meta type name."));
        adjustSize(); // room for the wrapped message
        return;
    }
    if (!queueUuid().isEmpty() && QUuid::fromString(QString::fromLatin1(queueUuid())).isNull()) {
        m_error->setText(tr("The queue UUID is not a UUID."));
        adjustSize(); // room for the wrapped message
        return;
    }
    QDialog::accept();
}

} // namespace d4::ui
