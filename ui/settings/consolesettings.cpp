// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "settings/consolesettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSslCertificate>
#include <QUrl>

namespace d4::ui {

namespace {

const QStringList kLanguages{QString(), QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};

/** An existing writable directory, or one that can be created under a writable ancestor. */
bool isUsableDirectory(const QString &path)
{
    QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));
    if (info.exists()) {
        return info.isDir() && info.isWritable();
    }
    while (!info.exists() && !info.isRoot()) {
        info = QFileInfo(info.absolutePath()); // the parent directory
    }
    return info.isDir() && info.isWritable();
}

} // namespace

std::optional<store::RedisEndpoint> ConsoleSettings::parseEndpoint(const QString &text)
{
    const QString trimmed = text.trimmed();
    store::RedisEndpoint endpoint;
    QString rest = trimmed;
    if (trimmed.startsWith(QStringLiteral("unix:"))) {
        rest = trimmed.mid(5);
        const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
        bool ok = false;
        const int db = slash > 0 ? rest.mid(slash + 1).toInt(&ok) : 0;
        if (slash <= 0 || !ok || db < 0) {
            return std::nullopt;
        }
        endpoint.unixSocket = rest.left(slash);
        endpoint.db = db;
        return endpoint;
    }
    const QUrl url(QStringLiteral("redis://") + rest, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
        url.hasFragment()) {
        return std::nullopt;
    }
    endpoint.host = url.host();
    endpoint.port = url.port(6379);
    const QString path = url.path();
    if (path.isEmpty() || path == QStringLiteral("/")) {
        endpoint.db = 0;
    } else {
        bool ok = false;
        endpoint.db = path.mid(1).toInt(&ok);
        if (!ok || endpoint.db < 0 || endpoint.db > 15) {
            return std::nullopt;
        }
    }
    if (endpoint.port <= 0 || endpoint.port > 65535) {
        return std::nullopt;
    }
    return endpoint;
}

ConsoleSettings ConsoleSettings::load(QSettings &settings)
{
    ConsoleSettings s;
    s.mode = settings.value(QStringLiteral("connection/mode")).toString() == QStringLiteral("attach")
                 ? Mode::Attach
                 : Mode::Embedded;
    s.firstRunDone = settings.value(QStringLiteral("connection/firstRunDone"), false).toBool();
    s.configFile = settings.value(QStringLiteral("server/configFile")).toString();
    s.dataDirectory = settings.value(QStringLiteral("server/dataDirectory")).toString();
    s.port = settings.value(QStringLiteral("server/port"), s.port).toInt();
    s.serverMode = settings.value(QStringLiteral("server/mode")).toString() == QStringLiteral("shared-secret")
                       ? config::ServerMode::SharedSecret
                       : config::ServerMode::Registration;
    s.defaultKey = settings.value(QStringLiteral("server/defaultKey"), s.defaultKey).toString();
    s.tlsCertificate = settings.value(QStringLiteral("server/tlsCertificate")).toString();
    s.tlsPrivateKey = settings.value(QStringLiteral("server/tlsPrivateKey")).toString();
    s.metadataEndpoint = settings.value(QStringLiteral("attach/metadata"), s.metadataEndpoint).toString();
    s.streamEndpoint = settings.value(QStringLiteral("attach/stream"), s.streamEndpoint).toString();
    s.analyzerEndpoint = settings.value(QStringLiteral("attach/analyzer"), s.analyzerEndpoint).toString();
    s.attachedServerMode = settings.value(QStringLiteral("attach/serverMode")).toString();
    s.pdnsEndpoint = settings.value(QStringLiteral("attach/pdns")).toString();
    s.language = settings.value(QStringLiteral("ui/language")).toString();
    s.darkPalette = settings.value(QStringLiteral("ui/dark"), false).toBool();
    return s;
}

void ConsoleSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("connection/mode"),
                      mode == Mode::Attach ? QStringLiteral("attach") : QStringLiteral("embedded"));
    settings.setValue(QStringLiteral("connection/firstRunDone"), firstRunDone);
    settings.setValue(QStringLiteral("server/configFile"), configFile);
    settings.setValue(QStringLiteral("server/dataDirectory"), dataDirectory);
    settings.setValue(QStringLiteral("server/port"), port);
    settings.setValue(QStringLiteral("server/mode"), config::ServerConfig::modeName(serverMode));
    settings.setValue(QStringLiteral("server/defaultKey"), defaultKey);
    settings.setValue(QStringLiteral("server/tlsCertificate"), tlsCertificate);
    settings.setValue(QStringLiteral("server/tlsPrivateKey"), tlsPrivateKey);
    settings.setValue(QStringLiteral("attach/metadata"), metadataEndpoint);
    settings.setValue(QStringLiteral("attach/stream"), streamEndpoint);
    settings.setValue(QStringLiteral("attach/analyzer"), analyzerEndpoint);
    settings.setValue(QStringLiteral("attach/serverMode"), attachedServerMode);
    settings.setValue(QStringLiteral("attach/pdns"), pdnsEndpoint);
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("ui/dark"), darkPalette);
}

QStringList ConsoleSettings::validate() const
{
    QStringList problems;
    if (mode == Mode::Attach) {
        const std::pair<const QString *, QString> endpoints[] = {
            {&metadataEndpoint, QStringLiteral("METADATA")},
            {&streamEndpoint, QStringLiteral("STREAM")},
            {&analyzerEndpoint, QStringLiteral("ANALYZER")},
            {&pdnsEndpoint, QStringLiteral("PDNS")}};
        for (const auto &[text, role] : endpoints) {
            const bool optional = text == &pdnsEndpoint;
            if (!(optional && text->isEmpty()) && !parseEndpoint(*text)) {
                problems.append(
                    QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                "The %1 endpoint '%2' is not host:port/db (db 0 to 15) or "
                                                "unix:/path/db.")
                        .arg(role, *text));
            }
        }
    } else {
        if (!configFile.isEmpty() && !QFileInfo(configFile).isReadable()) {
            problems.append(QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                        "Cannot read the configuration file %1.")
                                .arg(configFile));
        }
        if (port < 0 || port > 65535) {
            problems.append(QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                        "The port %1 is not between 0 and 65535.")
                                .arg(port));
        }
        if (!dataDirectory.isEmpty() && !isUsableDirectory(dataDirectory)) {
            problems.append(QCoreApplication::translate(
                                "d4::ui::ConsoleSettings",
                                "The data directory %1 is not a directory the console can write to.")
                                .arg(dataDirectory));
        }
        if (defaultKey.isEmpty()) {
            problems.append(QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                        "The default HMAC key must not be empty."));
        }
        if (defaultKey.size() > 100) {
            problems.append(QCoreApplication::translate(
                "d4::ui::ConsoleSettings", "The default HMAC key must be at most 100 characters."));
        }
        if (!tlsCertificate.isEmpty()) {
            if (!QFileInfo(tlsCertificate).isReadable()) {
                problems.append(QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                            "Cannot read the TLS certificate %1.")
                                    .arg(tlsCertificate));
            } else if (QSslCertificate::fromPath(tlsCertificate, QSsl::Pem,
                                                 QSslCertificate::PatternSyntax::FixedString)
                           .isEmpty()) {
                problems.append(
                    QCoreApplication::translate("d4::ui::ConsoleSettings",
                                                "The TLS certificate %1 holds no PEM certificate.")
                        .arg(tlsCertificate));
            }
        } else if (!tlsPrivateKey.isEmpty()) {
            problems.append(QCoreApplication::translate(
                "d4::ui::ConsoleSettings",
                "A TLS private key needs its certificate (leave both empty to have one "
                "generated)."));
        }
        if (!tlsPrivateKey.isEmpty() && !QFileInfo(tlsPrivateKey).isReadable()) {
            problems.append(
                QCoreApplication::translate("d4::ui::ConsoleSettings", "Cannot read the TLS private key %1.")
                    .arg(tlsPrivateKey));
        }
    }
    if (!kLanguages.contains(language)) {
        problems.append(
            QCoreApplication::translate("d4::ui::ConsoleSettings", "Unknown language '%1'.").arg(language));
    }
    return problems;
}

std::optional<store::RedisRoles> ConsoleSettings::attachRoles() const
{
    const auto metadata = parseEndpoint(metadataEndpoint);
    const auto stream = parseEndpoint(streamEndpoint);
    const auto analyzer = parseEndpoint(analyzerEndpoint);
    if (!metadata || !stream || !analyzer) {
        return std::nullopt;
    }
    return store::RedisRoles{*stream, *metadata, *analyzer};
}

std::optional<store::RedisEndpoint> ConsoleSettings::attachPdns() const
{
    if (pdnsEndpoint.trimmed().isEmpty()) {
        return std::nullopt;
    }
    return parseEndpoint(pdnsEndpoint);
}

std::optional<config::ServerConfig> ConsoleSettings::serverConfig(QString &error) const
{
    if (!configFile.isEmpty()) {
        config::ConfigError configError;
        auto loaded = config::ServerConfigLoader::load(configFile, configError);
        if (!loaded) {
            error = configError.toString();
        }
        return loaded;
    }
    config::ServerConfig config;
    config.serverPort = port;
    config.serverMode = serverMode;
    config.defaultHmacKey = defaultKey;
    config.dataDirectory = dataDirectory;
    config.tlsCertificate = tlsCertificate;
    config.tlsPrivateKey = tlsPrivateKey;
    return config;
}

} // namespace d4::ui
