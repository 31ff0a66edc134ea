// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace d4::ui {

/** What the add-sensor dialog needs to know about the server it registers the sensor with. */
struct ServerContact
{
    QString destination;     ///< host:port the sensor connects to
    QString fingerprint;     ///< SHA-256 of the server certificate (64 hex), pinned by the sensor
    QString certificatePath; ///< PEM of the server certificate, copied as rootCA.crt when asked
};

/**
 * "Add sensor" (beyond the reference): creates a v4 UUID and a random HMAC key and, on OK, writes
 * a configuration directory for d4-sensor and the C/Go clients (uuid, key, type, version,
 * snaplen, source, destination, fingerprint, optional rootCA.crt and metaheader.json for types 2
 * and 254); the caller registers the sensor once the dialog is accepted. OK refuses, with the
 * reason under the form: a UUID that is not v4, a key of 0 or more than 100 bytes, a missing
 * extended type, a destination that is not host:port, and a rootCA.crt whose certificate does
 * not name the destination host (the sensors would refuse it).
 */
class AddSensorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddSensorDialog)

public:
    explicit AddSensorDialog(ServerContact contact, QWidget *parent = nullptr);
    ~AddSensorDialog() override;

    QByteArray uuid() const; ///< 32 hex
    QByteArray key() const;
    QString description() const;
    int type() const;
    QString directory() const;

    /** Writes the configuration directory; returns the error text, or nullopt on success. */
    std::optional<QString> exportDirectory() const;
    /** A random key: 40 characters of [A-Za-z0-9], none of which the reference escapes. */
    static QByteArray generateKey();

    void accept() override;

private:
    ServerContact m_contact;
    QLineEdit *m_uuid = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_description = nullptr;
    QSpinBox *m_type = nullptr;
    QLineEdit *m_extended = nullptr;
    QLineEdit *m_destination = nullptr;
    QLineEdit *m_directory = nullptr;
    QLabel *m_error = nullptr;
    QCheckBox *m_copyCertificate = nullptr;
};

} // namespace d4::ui
