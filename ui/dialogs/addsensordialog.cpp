// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "dialogs/addsensordialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QSslCertificate>

#include "management/sensorinput.h"
#include "protocol/uuid.h"
#include "sensor/configdirectory.h"
#include "sensor/endpoint.h"
#include "theme/palette.h"

namespace d4::ui {

namespace {

/** The Go client reads at most this many bytes of the key file (spec §6.3). */
constexpr qsizetype kMaxKeyBytes = 100;

/** True when @p certificate names @p host (an IP address or DNS name SAN, else the common name). */
bool certificateNamesHost(const QSslCertificate &certificate, const QString &host)
{
    const QHostAddress address(host);
    const auto names = certificate.subjectAlternativeNames();
    if (!names.isEmpty()) {
        for (const QString &ip : names.values(QSsl::IpAddressEntry)) {
            if (!address.isNull() && QHostAddress(ip).isEqual(address)) {
                return true;
            }
        }
        for (const QString &dns : names.values(QSsl::DnsEntry)) {
            if (address.isNull() && dns.compare(host, Qt::CaseInsensitive) == 0) {
                return true;
            }
        }
        return false;
    }
    return certificate.subjectInfo(QSslCertificate::CommonName).contains(host, Qt::CaseInsensitive);
}

} // namespace

AddSensorDialog::AddSensorDialog(ServerContact contact, QWidget *parent)
    : QDialog(parent)
    , m_contact(std::move(contact))
{
    setObjectName(QStringLiteral("AddSensorDialog"));
    setWindowTitle(tr("Add a sensor"));
    auto *form = new QFormLayout(this);
    m_uuid = new QLineEdit(QString::fromStdString(protocol::uuidToDashed(protocol::generateUuidV4())), this);
    m_uuid->setObjectName(QStringLiteral("newSensorUuid"));
    form->addRow(tr("Sensor UUID:"), m_uuid);
    m_key = new QLineEdit(QString::fromLatin1(generateKey()), this);
    m_key->setObjectName(QStringLiteral("newSensorKey"));
    form->addRow(tr("HMAC key:"), m_key);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("newSensorDescription"));
    form->addRow(tr("Description:"), m_description);
    m_type = new QSpinBox(this);
    m_type->setObjectName(QStringLiteral("newSensorType"));
    m_type->setRange(1, 254);
    m_type->setValue(1);
    form->addRow(tr("Type:"), m_type);
    m_extended = new QLineEdit(this);
    m_extended->setObjectName(QStringLiteral("newSensorExtendedType"));
    m_extended->setPlaceholderText(tr("meta type, for types 2 and 254"));
    form->addRow(tr("Extended type:"), m_extended);
    m_destination = new QLineEdit(m_contact.destination, this);
    m_destination->setObjectName(QStringLiteral("newSensorDestination"));
    form->addRow(tr("Server (host:port):"), m_destination);
    m_directory = new QLineEdit(this);
    m_directory->setObjectName(QStringLiteral("newSensorDirectory"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Configuration directory"));
        if (!chosen.isEmpty()) {
            m_directory->setText(chosen);
        }
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Export to directory:"), dirRow);
    m_copyCertificate = new QCheckBox(tr("Also write the server certificate as rootCA.crt"), this);
    m_copyCertificate->setObjectName(QStringLiteral("newSensorCopyCertificate"));
    m_copyCertificate->setEnabled(!m_contact.certificatePath.isEmpty());
    form->addRow(m_copyCertificate);
    form->addRow(new QLabel(m_contact.fingerprint.isEmpty()
                                ? tr("The server fingerprint is unknown (attached mode): pin it by hand.")
                                : tr("Server fingerprint (pinned): %1").arg(m_contact.fingerprint),
                            this));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newSensorError"));
    m_error->setStyleSheet(errorTextStyle());
    m_error->setWordWrap(true);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Register and export"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("newSensorOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AddSensorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddSensorDialog::reject);
    form->addRow(buttons);
}

AddSensorDialog::~AddSensorDialog() = default;

QByteArray AddSensorDialog::generateKey()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray key;
    for (int i = 0; i < 40; ++i) {
        key.append(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    }
    return key;
}

QByteArray AddSensorDialog::uuid() const
{
    return management::SensorInput::normalizeUuid(m_uuid->text().toLatin1());
}

QByteArray AddSensorDialog::key() const
{
    return m_key->text().toUtf8();
}

QString AddSensorDialog::description() const
{
    return m_description->text();
}

int AddSensorDialog::type() const
{
    return m_type->value();
}

QString AddSensorDialog::directory() const
{
    return m_directory->text().trimmed();
}

std::optional<QString> AddSensorDialog::exportDirectory() const
{
    if (directory().isEmpty()) {
        return std::nullopt; // registration only
    }
    // A directory made here is the owner's alone: the key file inside is written before its
    // permissions can be narrowed.
    const bool created = !QFileInfo::exists(directory());
    if (!QDir().mkpath(directory()) ||
        (created && !QFile::setPermissions(directory(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                            QFileDevice::ExeOwner))) {
        return tr("cannot create %1").arg(directory());
    }
    const sensor::ConfigDirectory config(directory());
    const auto parsed = protocol::parseUuid(uuid().toStdString());
    std::vector<std::pair<QString, QByteArray>> files{
        {QStringLiteral("uuid"), QByteArray::fromStdString(protocol::uuidToDashed(*parsed)) + '\n'},
        {QStringLiteral("key"), key()},
        {QStringLiteral("type"), QByteArray::number(type()) + '\n'},
        {QStringLiteral("version"), QByteArrayLiteral("1\n")},
        {QStringLiteral("snaplen"), QByteArrayLiteral("4096\n")},
        {QStringLiteral("source"), QByteArrayLiteral("stdin\n")},
        {QStringLiteral("destination"), m_destination->text().trimmed().toUtf8() + '\n'}};
    if (!m_contact.fingerprint.isEmpty()) {
        files.emplace_back(QStringLiteral("fingerprint"), m_contact.fingerprint.toLatin1() + '\n');
    }
    if (type() == 2 || type() == 254) {
        QJsonObject meta{{QStringLiteral("type"), m_extended->text().trimmed()}};
        files.emplace_back(QStringLiteral("metaheader.json"),
                           QJsonDocument(meta).toJson(QJsonDocument::Compact));
    }
    if (m_copyCertificate->isChecked()) {
        QFile certificate(m_contact.certificatePath);
        if (!certificate.open(QIODevice::ReadOnly)) {
            return tr("cannot read %1").arg(m_contact.certificatePath);
        }
        files.emplace_back(QStringLiteral("rootCA.crt"), certificate.readAll());
    }
    for (const auto &[name, content] : files) {
        if (const auto error = config.write(name, content)) {
            return error->file + QStringLiteral(": ") + error->message;
        }
    }
    QFile::setPermissions(config.filePath(QStringLiteral("key")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return std::nullopt;
}

void AddSensorDialog::accept()
{
    if (uuid().isEmpty()) {
        m_error->setText(tr("The UUID is not a version-4 UUID."));
        adjustSize(); // room for the wrapped message
        return;
    }
    if (key().isEmpty() || key().size() > kMaxKeyBytes) {
        m_error->setText(tr("The key must have 1 to 100 bytes (the Go client reads no more)."));
        adjustSize(); // room for the wrapped message
        return;
    }
    if ((type() == 2 || type() == 254) && m_extended->text().trimmed().isEmpty()) {
        m_error->setText(tr("Types 2 and 254 need the extended type name."));
        adjustSize(); // room for the wrapped message
        return;
    }
    const auto destination = sensor::Endpoint::parse(m_destination->text().trimmed());
    if (!destination) {
        m_error->setText(tr("The server must be written host:port or [IPv6]:port."));
        adjustSize(); // room for the wrapped message
        return;
    }
    if (m_copyCertificate->isChecked()) {
        // With rootCA.crt the sensors verify the host name too: a certificate that does not name
        // the destination would make every connection fail.
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(
            m_contact.certificatePath, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
        if (certificates.isEmpty()) {
            m_error->setText(tr("%1 holds no PEM certificate.").arg(m_contact.certificatePath));
            adjustSize(); // room for the wrapped message
            return;
        }
        if (!certificateNamesHost(certificates.first(), destination->host)) {
            m_error->setText(
                tr("The server certificate is not valid for %1, so sensors given rootCA.crt would "
                   "refuse it. Use a name the certificate holds (%2), or leave rootCA.crt out: "
                   "the fingerprint pins the certificate.")
                    .arg(destination->host,
                         certificates.first().subjectAlternativeNames().values().join(QStringLiteral(", "))));
            adjustSize(); // room for the wrapped message
            return;
        }
    }
    if (const auto error = exportDirectory()) {
        m_error->setText(*error);
        adjustSize(); // room for the wrapped message
        return;
    }
    QDialog::accept();
}

} // namespace d4::ui
