// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dialogs/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "theme/palette.h"

namespace d4::ui {

namespace {

QWidget *withBrowse(QLineEdit *edit, bool directory, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(QObject::tr("Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, directory] {
        const QString chosen = directory ? QFileDialog::getExistingDirectory(edit, QString(), edit->text())
                                         : QFileDialog::getOpenFileName(edit, QString(), edit->text());
        if (!chosen.isEmpty()) {
            edit->setText(chosen);
        }
    });
    layout->addWidget(browse);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(const ConsoleSettings &settings, bool firstRun, QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(firstRun ? tr("Welcome to D4 Console") : tr("Settings"));
    setMinimumWidth(560); // room for paths
    auto *layout = new QVBoxLayout(this);
    if (firstRun) {
        auto *welcome = new QLabel(tr("Run a D4 server inside the console (ingest, workers and its own "
                                      "redis-server), or attach to the Redis of a running server, such as a "
                                      "d4-core deployment."),
                                   this);
        welcome->setWordWrap(true);
        layout->addWidget(welcome);
    }
    m_embedded = new QRadioButton(tr("&Embedded server (recommended)"), this);
    m_embedded->setObjectName(QStringLiteral("embeddedRadio"));
    m_attach = new QRadioButton(tr("&Attach to an existing server's Redis"), this);
    m_attach->setObjectName(QStringLiteral("attachRadio"));
    layout->addWidget(m_embedded);
    layout->addWidget(m_attach);

    auto *embeddedBox = new QGroupBox(tr("Embedded server"), this);
    m_embeddedBox = embeddedBox;
    auto *embeddedForm = new QFormLayout(embeddedBox);
    m_configFile = new QLineEdit(settings.configFile, embeddedBox);
    m_configFile->setObjectName(QStringLiteral("configFileEdit"));
    m_configFile->setPlaceholderText(tr("optional server.conf; replaces the fields below"));
    embeddedForm->addRow(tr("server.conf:"), withBrowse(m_configFile, false, embeddedBox));
    m_dataDirectory = new QLineEdit(settings.dataDirectory, embeddedBox);
    m_dataDirectory->setObjectName(QStringLiteral("dataDirectoryEdit"));
    m_dataDirectory->setPlaceholderText(tr("default: the user's data location"));
    embeddedForm->addRow(tr("Data directory:"), withBrowse(m_dataDirectory, true, embeddedBox));
    m_port = new QSpinBox(embeddedBox);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setValue(settings.port);
    embeddedForm->addRow(tr("TLS port:"), m_port);
    m_serverMode = new QComboBox(embeddedBox);
    m_serverMode->setObjectName(QStringLiteral("serverModeCombo"));
    m_serverMode->addItem(tr("registration"), QStringLiteral("registration"));
    m_serverMode->addItem(tr("shared-secret"), QStringLiteral("shared-secret"));
    m_serverMode->setCurrentIndex(settings.serverMode == config::ServerMode::SharedSecret ? 1 : 0);
    embeddedForm->addRow(tr("Mode:"), m_serverMode);
    m_defaultKey = new QLineEdit(settings.defaultKey, embeddedBox);
    m_defaultKey->setObjectName(QStringLiteral("defaultKeyEdit"));
    embeddedForm->addRow(tr("Default HMAC key:"), m_defaultKey);
    m_tlsCertificate = new QLineEdit(settings.tlsCertificate, embeddedBox);
    m_tlsCertificate->setObjectName(QStringLiteral("tlsCertificateEdit"));
    m_tlsCertificate->setPlaceholderText(tr("generated when empty (ECDSA P-256)"));
    embeddedForm->addRow(tr("TLS certificate:"), withBrowse(m_tlsCertificate, false, embeddedBox));
    m_tlsKey = new QLineEdit(settings.tlsPrivateKey, embeddedBox);
    m_tlsKey->setObjectName(QStringLiteral("tlsKeyEdit"));
    embeddedForm->addRow(tr("TLS private key:"), withBrowse(m_tlsKey, false, embeddedBox));
    layout->addWidget(embeddedBox);

    auto *attachBox = new QGroupBox(tr("Attach to Redis (host:port/db or unix:/path/db)"), this);
    m_attachBox = attachBox;
    auto *attachForm = new QFormLayout(attachBox);
    m_metadata = new QLineEdit(settings.metadataEndpoint, attachBox);
    m_metadata->setObjectName(QStringLiteral("metadataEdit"));
    m_stream = new QLineEdit(settings.streamEndpoint, attachBox);
    m_stream->setObjectName(QStringLiteral("streamEdit"));
    m_analyzer = new QLineEdit(settings.analyzerEndpoint, attachBox);
    m_analyzer->setObjectName(QStringLiteral("analyzerEdit"));
    attachForm->addRow(tr("METADATA:"), m_metadata);
    attachForm->addRow(tr("STREAM:"), m_stream);
    attachForm->addRow(tr("ANALYZER:"), m_analyzer);
    m_pdns = new QLineEdit(settings.pdnsEndpoint, attachBox);
    m_pdns->setObjectName(QStringLiteral("pdnsEdit"));
    m_pdns->setPlaceholderText(tr("optional: the server's passive DNS store"));
    m_pdns->setToolTip(tr("The [Redis_PDNS] endpoint of the attached server (its managed Redis: "
                          "database 3). When set, the Passive DNS page searches that store and charts "
                          "its counters."));
    attachForm->addRow(tr("PDNS:"), m_pdns);
    m_attachedMode = new QComboBox(attachBox);
    m_attachedMode->setObjectName(QStringLiteral("attachedModeCombo"));
    m_attachedMode->addItem(tr("unknown"), QString());
    m_attachedMode->addItem(tr("registration"), QStringLiteral("registration"));
    m_attachedMode->addItem(tr("shared-secret"), QStringLiteral("shared-secret"));
    m_attachedMode->setCurrentIndex(std::max(0, m_attachedMode->findData(settings.attachedServerMode)));
    attachForm->addRow(tr("Server mode:"), m_attachedMode);
    layout->addWidget(attachBox);

    auto *uiBox = new QGroupBox(tr("Interface"), this);
    auto *uiForm = new QFormLayout(uiBox);
    m_language = new QComboBox(uiBox);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    uiForm->addRow(tr("Language:"), m_language);
    uiForm->addRow(new QLabel(tr("A language change takes effect after a restart."), uiBox));
    m_dark = new QCheckBox(tr("&Dark palette"), uiBox);
    m_dark->setObjectName(QStringLiteral("darkCheck"));
    m_dark->setChecked(settings.darkPalette);
    uiForm->addRow(m_dark);
    layout->addWidget(uiBox);

    auto *restart = new QLabel(tr("Connection and server changes take effect after a restart."), this);
    layout->addWidget(restart);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setStyleSheet(errorTextStyle());
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);

    (settings.mode == ConsoleSettings::Mode::Attach ? m_attach : m_embedded)->setChecked(true);
    connect(m_embedded, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    updateEnabled();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::updateEnabled()
{
    m_embeddedBox->setEnabled(m_embedded->isChecked());
    m_attachBox->setEnabled(!m_embedded->isChecked());
}

ConsoleSettings SettingsDialog::settings() const
{
    ConsoleSettings s = m_initial;
    s.mode = m_attach->isChecked() ? ConsoleSettings::Mode::Attach : ConsoleSettings::Mode::Embedded;
    s.firstRunDone = true;
    s.configFile = m_configFile->text().trimmed();
    s.dataDirectory = m_dataDirectory->text().trimmed();
    s.port = m_port->value();
    s.serverMode = m_serverMode->currentData().toString() == QStringLiteral("shared-secret")
                       ? config::ServerMode::SharedSecret
                       : config::ServerMode::Registration;
    s.defaultKey = m_defaultKey->text();
    s.tlsCertificate = m_tlsCertificate->text().trimmed();
    s.tlsPrivateKey = m_tlsKey->text().trimmed();
    s.metadataEndpoint = m_metadata->text().trimmed();
    s.streamEndpoint = m_stream->text().trimmed();
    s.analyzerEndpoint = m_analyzer->text().trimmed();
    s.pdnsEndpoint = m_pdns->text().trimmed();
    s.attachedServerMode = m_attachedMode->currentData().toString();
    s.language = m_language->currentData().toString();
    s.darkPalette = m_dark->isChecked();
    return s;
}

QString SettingsDialog::problemsText() const
{
    return m_problems->text();
}

void SettingsDialog::accept()
{
    const QStringList problems = settings().validate();
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(QLatin1Char('\n')));
        adjustSize(); // room for the wrapped message
        return;
    }
    m_problems->clear();
    QDialog::accept();
}

} // namespace d4::ui
