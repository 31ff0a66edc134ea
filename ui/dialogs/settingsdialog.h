// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QDialog>

#include "settings/consolesettings.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace d4::ui {

/**
 * The console's settings (also the first-run dialog): embedded server or attach to Redis
 * endpoints, the embedded server's port, mode, data directory, default key and TLS files, the
 * language (stored as QSettings "ui/language", applied at the next start) and the palette.
 * OK validates; problems are listed and the dialog stays open.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const ConsoleSettings &settings, bool firstRun, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    ConsoleSettings settings() const;
    void accept() override;
    QString problemsText() const;

private:
    void updateEnabled();

    ConsoleSettings m_initial;
    QRadioButton *m_embedded = nullptr;
    QRadioButton *m_attach = nullptr;
    QLineEdit *m_configFile = nullptr;
    QLineEdit *m_dataDirectory = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_serverMode = nullptr;
    QLineEdit *m_defaultKey = nullptr;
    QLineEdit *m_tlsCertificate = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QLineEdit *m_metadata = nullptr;
    QLineEdit *m_stream = nullptr;
    QLineEdit *m_analyzer = nullptr;
    QLineEdit *m_pdns = nullptr;
    QComboBox *m_attachedMode = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_dark = nullptr;
    QLabel *m_problems = nullptr;
    QWidget *m_embeddedBox = nullptr;
    QWidget *m_attachBox = nullptr;
};

} // namespace d4::ui
