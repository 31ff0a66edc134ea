// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/sensorconfig.h"

#include <memory>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "protocol/d4types.h"
#include "protocol/uuid.h"
#include "sensor/configdirectory.h"

namespace d4::sensor {

namespace {

using Error = std::optional<ConfigError>;

/** A file value for a message: at most 64 characters, quoted. */
QString quoted(const QByteArray &value)
{
    constexpr qsizetype kShown = 64;
    QString text = QString::fromUtf8(value.left(kShown));
    if (value.size() > kShown) {
        text += QStringLiteral("...");
    }
    return u'"' + text + u'"';
}

std::optional<long> parseDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 9) {
        return std::nullopt;
    }
    long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

int countPemCertificates(const QByteArray &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), &BIO_free);
    int count = 0;
    while (bio) {
        X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!certificate) {
            break;
        }
        X509_free(certificate);
        ++count;
    }
    return count;
}

/** Reads one directory into one SensorConfig; each step returns the first error it finds. */
class Loader final
{
public:
    explicit Loader(const QString &directory)
        : m_dir(directory.isEmpty() ? QString() : QDir(directory).absolutePath())
    {
        m_config.directory = m_dir.path();
    }

    Result<SensorConfig, ConfigError> run()
    {
        if (m_dir.path().isEmpty() || !m_dir.isDirectory()) {
            return ConfigError{ConfigError::Code::NoDirectory,
                               {},
                               QStringLiteral("%1: the configuration directory does not exist")
                                   .arg(m_dir.path().isEmpty() ? QStringLiteral("\"\"") : m_dir.path())};
        }
        for (Error (Loader::*step)() :
             {&Loader::loadType, &Loader::loadVersion, &Loader::loadSnaplen, &Loader::loadKey,
              &Loader::loadSource, &Loader::loadDestination, &Loader::loadMetaHeader, &Loader::loadRootCa,
              &Loader::loadFingerprint, &Loader::loadUuid}) {
            if (Error error = (this->*step)()) {
                return *error;
            }
        }
        return std::move(m_config);
    }

private:
    ConfigError invalid(const QString &file, const QString &problem) const
    {
        return {ConfigError::Code::InvalidValue, file, m_dir.filePath(file) + QStringLiteral(": ") + problem};
    }

    ConfigError missing(const QString &file, const QString &why) const
    {
        const QString path = m_dir.filePath(file);
        const QString state = QFileInfo::exists(path) ? QStringLiteral(": the file is empty; ")
                                                      : QStringLiteral(": the file is missing; ");
        return {ConfigError::Code::MissingFile, file, path + state + why};
    }

    /** A setting file's trimmed content; sets @p error on a read failure. */
    std::optional<QByteArray> setting(const QString &file, Error &error, bool trimBlanks = true) const
    {
        auto content = m_dir.readSetting(file);
        if (!content) {
            error = content.error();
            return std::nullopt;
        }
        if (content.value() && trimBlanks) {
            return content.value()->trimmed();
        }
        return content.value();
    }

    /** A number setting in [minimum, maximum]; @p fallback when the file is missing or empty. */
    Error number(const QString &file, long minimum, long maximum, std::optional<long> fallback, long &out,
                 const QString &meaning) const
    {
        Error error;
        const std::optional<QByteArray> text = setting(file, error);
        if (error) {
            return error;
        }
        if (!text || text->isEmpty()) {
            if (!fallback) {
                return missing(file, QStringLiteral("it must hold %1").arg(meaning));
            }
            out = *fallback;
            return std::nullopt;
        }
        const std::optional<long> value = parseDecimal(*text);
        if (!value || *value < minimum || *value > maximum) {
            return invalid(file, QStringLiteral("%1 is not valid; expected %2, an integer in %3..%4")
                                     .arg(quoted(*text), meaning)
                                     .arg(minimum)
                                     .arg(maximum));
        }
        out = *value;
        return std::nullopt;
    }

    Error loadType()
    {
        long value = 0;
        Error error =
            number(QStringLiteral("type"), 1, 255, std::nullopt, value, QStringLiteral("the D4 data type"));
        m_config.type = static_cast<std::uint8_t>(value);
        return error;
    }

    Error loadVersion()
    {
        long value = 0;
        Error error = number(QStringLiteral("version"), 1, 255, protocol::kProtocolVersion, value,
                             QStringLiteral("the D4 protocol version"));
        m_config.version = static_cast<std::uint8_t>(value);
        return error;
    }

    Error loadSnaplen()
    {
        long value = 0;
        Error error =
            number(QStringLiteral("snaplen"), 1, SensorConfig::kMaxSnaplen, SensorConfig::kDefaultSnaplen,
                   value, QStringLiteral("the payload bytes per packet"));
        m_config.snaplen = static_cast<std::uint32_t>(value);
        return error;
    }

    Error loadKey()
    {
        Error error;
        // The key is used byte for byte: only the line ending goes, blanks are part of it.
        const std::optional<QByteArray> key = setting(QStringLiteral("key"), error, false);
        if (!error && !key) {
            return missing(QStringLiteral("key"),
                           QStringLiteral("it must hold the HMAC key shared with the server"));
        }
        m_config.key = key.value_or(QByteArray());
        return error;
    }

    Error loadSource()
    {
        Error error;
        const QByteArray text = setting(QStringLiteral("source"), error).value_or(QByteArray());
        if (error || text.isEmpty() || text == "stdin") {
            return error;
        }
        if (text == "d4server" || text == "folder" || text == "pcap") {
            return ConfigError{
                ConfigError::Code::Unsupported, QStringLiteral("source"),
                m_dir.filePath(QStringLiteral("source")) +
                    QStringLiteral(": the Go client's source %1 is not supported; use stdin or a file "
                                   "path")
                        .arg(quoted(text))};
        }
        const QByteArray path = text.startsWith("file:") ? text.mid(5) : text;
        const QFileInfo info(QDir(m_dir.path()).absoluteFilePath(QString::fromLocal8Bit(path)));
        if (path.isEmpty() || !info.exists() || info.isDir() || !info.isReadable()) {
            return invalid(QStringLiteral("source"),
                           QStringLiteral("%1 is neither stdin nor a readable file").arg(quoted(text)));
        }
        m_config.source = SensorConfig::Source::File;
        m_config.sourcePath = info.absoluteFilePath();
        return std::nullopt;
    }

    Error loadDestination()
    {
        Error error;
        const QByteArray text = setting(QStringLiteral("destination"), error).value_or(QByteArray());
        if (error || text.isEmpty() || text == "stdout") {
            return error;
        }
        if (text == "file") {
            return ConfigError{
                ConfigError::Code::Unsupported, QStringLiteral("destination"),
                m_dir.filePath(QStringLiteral("destination")) +
                    QStringLiteral(": the Go client's destination \"file\" is not supported; use "
                                   "stdout and a shell redirection")};
        }
        const std::optional<Endpoint> endpoint = Endpoint::parse(QString::fromUtf8(text));
        if (!endpoint) {
            return invalid(QStringLiteral("destination"),
                           QStringLiteral("%1 is not stdout, host:port or [ipv6]:port").arg(quoted(text)));
        }
        m_config.destination = SensorConfig::Destination::Server;
        m_config.server = *endpoint;
        return std::nullopt;
    }

    Error loadMetaHeader()
    {
        if (!m_config.usesMetaHeader()) {
            return std::nullopt;
        }
        const QString file = QStringLiteral("metaheader.json");
        auto content = m_dir.readRaw(file, SensorConfig::kMaxMetaHeaderBytes);
        if (!content) {
            return content.error();
        }
        if (!content.value()) {
            return missing(file, QStringLiteral("types 2 and 254 need a JSON meta header"));
        }
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(*content.value(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return invalid(file, QStringLiteral("invalid JSON at offset %1: %2")
                                     .arg(parseError.offset)
                                     .arg(parseError.errorString()));
        }
        if (!document.isObject()) {
            return invalid(file, QStringLiteral("the meta header must be a JSON object"));
        }
        const QJsonValue type = document.object().value(QStringLiteral("type"));
        if (!type.isString() || type.toString().isEmpty()) {
            return invalid(file, QStringLiteral("the JSON object needs a non-empty string member \"type\""));
        }
        m_config.metaHeader = *content.value();
        return std::nullopt;
    }

    Error loadRootCa()
    {
        // TLS files only matter for a server destination: a stdout pipeline ignores them.
        if (m_config.destination != SensorConfig::Destination::Server) {
            return std::nullopt;
        }
        const QString file = QStringLiteral("rootCA.crt");
        auto content = m_dir.readRaw(file, SensorConfig::kMaxRootCaBytes);
        if (!content) {
            return content.error();
        }
        if (!content.value() || content.value()->trimmed().isEmpty()) {
            return std::nullopt;
        }
        if (countPemCertificates(*content.value()) == 0) {
            return invalid(file, QStringLiteral("the file contains no PEM certificate"));
        }
        m_config.rootCaPem = *content.value();
        return std::nullopt;
    }

    Error loadFingerprint()
    {
        if (m_config.destination != SensorConfig::Destination::Server) {
            return std::nullopt;
        }
        Error error;
        const std::optional<QByteArray> text = setting(QStringLiteral("fingerprint"), error);
        if (error || !text || text->isEmpty()) {
            return error;
        }
        m_config.fingerprint = parseSha256Fingerprint(QString::fromUtf8(*text));
        if (!m_config.fingerprint) {
            return invalid(QStringLiteral("fingerprint"),
                           QStringLiteral("%1 is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
                               .arg(quoted(*text)));
        }
        return std::nullopt;
    }

    // Last, so that a configuration rejected for another reason does not get a uuid file.
    Error loadUuid()
    {
        const QString file = QStringLiteral("uuid");
        Error error;
        const std::optional<QByteArray> text = setting(file, error);
        if (error) {
            return error;
        }
        if (!text || text->isEmpty()) {
            m_config.uuid = protocol::generateUuidV4();
            m_config.uuidGenerated = true;
            return m_dir.write(file, QByteArray::fromStdString(protocol::uuidToDashed(m_config.uuid)) + '\n');
        }
        const std::optional<protocol::Uuid> uuid = protocol::parseUuid(text->toStdString());
        if (!uuid) {
            return invalid(
                file,
                QStringLiteral("%1 is not a UUID; delete the file to have one generated").arg(quoted(*text)));
        }
        if (!protocol::isUuidV4(*uuid)) {
            return invalid(file,
                           QStringLiteral("%1 is not a version-4 UUID, which the D4 server requires; delete "
                                          "the file to have one generated")
                               .arg(quoted(*text)));
        }
        m_config.uuid = *uuid;
        return std::nullopt;
    }

    ConfigDirectory m_dir;
    SensorConfig m_config;
};

} // namespace

bool SensorConfig::usesMetaHeader() const noexcept
{
    return type == protocol::kTypeMetaHeader || type == protocol::kTypeExtended;
}

Result<SensorConfig, ConfigError> SensorConfig::load(const QString &directory)
{
    return Loader(directory).run();
}

} // namespace d4::sensor
