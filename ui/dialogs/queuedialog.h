// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QDialog>

#include "workers/queuemanager.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace d4::ui {

/**
 * Create or edit an analyzer queue (spec §5.3 "Create analyzer queue", "Edit queue"): type
 * (2 is stored as 254) with the extended type name, optional queue UUID with a random one on
 * request, description, and the sensor group (one UUID per line; any makes it a group queue).
 * The type and UUID are fixed when editing. Invalid sensor UUIDs are highlighted.
 */
class QueueDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDialog)

public:
    /** Creation when @p existing is null; editing otherwise. */
    explicit QueueDialog(const workers::QueueInfo *existing, QWidget *parent = nullptr);
    ~QueueDialog() override;

    int type() const;
    QByteArray extendedType() const;
    QByteArray queueUuid() const;
    QString description() const;
    QByteArrayList sensorGroup() const;

    void accept() override;

private:
    void updateExtendedVisibility();

    QSpinBox *m_type = nullptr;
    QLineEdit *m_extended = nullptr;
    QLabel *m_extendedLabel = nullptr;
    QLineEdit *m_uuid = nullptr;
    QLineEdit *m_description = nullptr;
    QPlainTextEdit *m_sensors = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace d4::ui
