// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "config/serverconfig.h"
#include "store/redisendpoint.h"

class QSettings;

namespace d4::ui {

/**
 * What the console remembers in QSettings: embedded (start the server in-process) or attach (to
 * a running server's Redis, e.g. a d4-core deployment), the embedded server's basic settings,
 * the attach endpoints, and the UI preferences.
 */
struct ConsoleSettings
{
    enum class Mode
    {
        Embedded,
        Attach
    };
    Mode mode = Mode::Embedded;
    bool firstRunDone = false;

    // Embedded server
    QString configFile; ///< a server.conf; when set the fields below are ignored
    QString dataDirectory;
    int port = 4443;
    config::ServerMode serverMode = config::ServerMode::Registration;
    QString defaultKey = QStringLiteral("private key to change");
    QString tlsCertificate;
    QString tlsPrivateKey;

    // Attach
    QString metadataEndpoint = QStringLiteral("localhost:6380/0");
    QString streamEndpoint = QStringLiteral("localhost:6379/0");
    QString analyzerEndpoint = QStringLiteral("localhost:6380/2");
    QString attachedServerMode; ///< shown as the mode badge; d4-core does not store it in Redis
    /// The attached server's passive DNS store ([Redis_PDNS]); empty: no Passive DNS page.
    QString pdnsEndpoint;

    // UI
    QString language; ///< "", "en", "fr", "de" (QSettings "ui/language"; read at start-up)
    bool darkPalette = false;

    static ConsoleSettings load(QSettings &settings);
    void save(QSettings &settings) const;

    /** Human-readable problems; empty when the settings can be used. */
    QStringList validate() const;
    /** The attach endpoints, or nullopt when one does not parse. */
    std::optional<store::RedisRoles> attachRoles() const;
    /** The attached server's passive DNS store, or nullopt when pdnsEndpoint is empty or malformed. */
    std::optional<store::RedisEndpoint> attachPdns() const;
    /** The embedded server's configuration (loads configFile when set). */
    std::optional<config::ServerConfig> serverConfig(QString &error) const;

    /**
     * "host:port/db", "host:port" (db 0), "[v6]:port/db" or "unix:/path/to.sock/db" (QUrl does the
     * host and port parsing). nullopt when malformed.
     */
    static std::optional<store::RedisEndpoint> parseEndpoint(const QString &text);
};

} // namespace d4::ui
