// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "config/serverconfig.h"

#include <functional>
#include <map>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTimeZone>

#include "analyzers/passivedns/rrtypes.h"
#include "config/configvalue.h"
#include "forward/forwardruleloader.h"
#include "protocol/uuid.h"

namespace d4::config {

namespace {

using Setter = std::function<QString(ServerConfig &, const QString &)>; // returns an error or ""

Setter intSetter(qint64 min, qint64 max, std::function<void(ServerConfig &, qint64)> assign)
{
    return [=](ServerConfig &config, const QString &value) {
        qint64 number = 0;
        QString error = parseInteger(value, min, max, number);
        if (error.isEmpty()) {
            assign(config, number);
        }
        return error;
    };
}

Setter boolSetter(std::function<void(ServerConfig &, bool)> assign)
{
    return [=](ServerConfig &config, const QString &value) {
        bool flag = false;
        QString error = parseBoolean(value, flag);
        if (error.isEmpty()) {
            assign(config, flag);
        }
        return error;
    };
}

Setter stringSetter(std::function<void(ServerConfig &, const QString &)> assign, bool allowEmpty = true)
{
    return [=](ServerConfig &config, const QString &value) {
        if (!allowEmpty && value.isEmpty()) {
            return QStringLiteral("must not be empty");
        }
        assign(config, value);
        return QString();
    };
}

struct RedisSection
{
    store::RedisEndpoint endpoint;
    bool present = false;
};

/** The table of every known key. Sections of d4-core that we accept but do not use map to no-ops. */
std::map<QString, std::map<QString, Setter>> buildTable(std::map<QString, RedisSection> &redis)
{
    std::map<QString, std::map<QString, Setter>> table;
    auto &server = table[QStringLiteral("D4_Server")];
    server[QStringLiteral("server_port")] =
        intSetter(1, 65535, [](ServerConfig &c, qint64 v) { c.serverPort = int(v); });
    server[QStringLiteral("server_mode")] = [](ServerConfig &c, const QString &v) {
        if (v == u"registration") {
            c.serverMode = ServerMode::Registration;
        } else if (v == u"shared-secret") {
            c.serverMode = ServerMode::SharedSecret;
        } else {
            return QStringLiteral("'%1' is not a server mode (registration or shared-secret)").arg(v);
        }
        return QString();
    };
    server[QStringLiteral("default_hmac_key")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.defaultHmacKey = v; }, false);
    server[QStringLiteral("analyzer_queues_max_size")] =
        intSetter(1, Q_INT64_C(1) << 40, [](ServerConfig &c, qint64 v) { c.analyzerQueuesMaxSize = v; });
    server[QStringLiteral("listen_address")] = [](ServerConfig &c, const QString &v) {
        if (QHostAddress(v).isNull()) {
            return QStringLiteral("'%1' is not an IPv4 or IPv6 address (use :: for every address)").arg(v);
        }
        c.listenAddress = v;
        return QString();
    };
    server[QStringLiteral("tls_certificate")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.tlsCertificate = v; });
    server[QStringLiteral("tls_private_key")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.tlsPrivateKey = v; });
    server[QStringLiteral("ingest_threads")] =
        intSetter(0, 64, [](ServerConfig &c, qint64 v) { c.ingestThreads = int(v); });
    server[QStringLiteral("data_directory")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.dataDirectory = v; });
    server[QStringLiteral("max_payload_size")] =
        intSetter(1, 64 * 1024 * 1024, [](ServerConfig &c, qint64 v) { c.maxPayloadSize = int(v); });
    server[QStringLiteral("idle_timeout")] =
        intSetter(1, 86400, [](ServerConfig &c, qint64 v) { c.idleTimeoutSeconds = int(v); });
    server[QStringLiteral("default_stream_max_size")] =
        intSetter(1, 100000000, [](ServerConfig &c, qint64 v) { c.defaultStreamMaxSize = int(v); });
    server[QStringLiteral("rotation_interval")] =
        intSetter(1, 86400, [](ServerConfig &c, qint64 v) { c.rotationIntervalSeconds = int(v); });
    server[QStringLiteral("workers")] = boolSetter([](ServerConfig &c, bool v) { c.workersEnabled = v; });
    server[QStringLiteral("worker_threads")] =
        intSetter(1, 64, [](ServerConfig &c, qint64 v) { c.workerThreads = int(v); });
    server[QStringLiteral("shutdown_drain_seconds")] =
        intSetter(0, 300, [](ServerConfig &c, qint64 v) { c.shutdownDrainSeconds = int(v); });

    auto &save = table[QStringLiteral("Save_Directories")];
    save[QStringLiteral("use_default_save_directory")] =
        boolSetter([](ServerConfig &c, bool v) { c.useDefaultSaveDirectory = v; });
    save[QStringLiteral("save_directory")] = stringSetter(
        [](ServerConfig &c, const QString &v) { c.saveDirectory = v == u"None" ? QString() : v; });

    auto &managed = table[QStringLiteral("Managed_Redis")];
    managed[QStringLiteral("executable")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.managedRedisExecutable = v; }, false);
    managed[QStringLiteral("port")] =
        intSetter(0, 65535, [](ServerConfig &c, qint64 v) { c.managedRedisPort = int(v); });

    auto &pdns = table[QStringLiteral("Passive_DNS")];
    pdns[QStringLiteral("enabled")] = boolSetter([](ServerConfig &c, bool v) { c.pdnsEnabled = v; });
    pdns[QStringLiteral("exclude")] = [](ServerConfig &c, const QString &v) {
        c.pdnsExclude.clear();
        for (const QString &part : v.split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty()) {
                c.pdnsExclude.append(part.trimmed().toLower());
            }
        }
        return QString();
    };
    pdns[QStringLiteral("expiration")] = [](ServerConfig &c, const QString &v) {
        c.pdnsExpiry.clear();
        for (const QString &part : v.split(QLatin1Char(','))) {
            const QString item = part.trimmed();
            if (item.isEmpty()) {
                continue;
            }
            const QStringList pair = item.split(QLatin1Char(':'));
            const int type =
                pair.size() == 2 ? passivedns::RrTypes::fromText(pair[0].trimmed().toLatin1()) : -1;
            bool ok = false;
            const qint64 seconds = pair.size() == 2 ? pair[1].trimmed().toLongLong(&ok) : 0;
            if (type < 0 || !ok || seconds < 1) {
                return QStringLiteral("'%1' is not TYPE:seconds (e.g. TXT:24000)").arg(item);
            }
            c.pdnsExpiry.insert(type, seconds);
        }
        return QString();
    };
    pdns[QStringLiteral("time_zone")] = [](ServerConfig &c, const QString &v) {
        if (!QTimeZone(v.toLatin1()).isValid()) {
            return QStringLiteral("'%1' is not a time zone (IANA name such as UTC or Europe/Luxembourg)")
                .arg(v);
        }
        c.pdnsTimeZone = v;
        return QString();
    };

    auto &queue = table[QStringLiteral("Passive_DNS_Queue")];
    queue[QStringLiteral("enabled")] = boolSetter([](ServerConfig &c, bool v) { c.pdnsQueue.enabled = v; });
    queue[QStringLiteral("host")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.pdnsQueue.redis.host = v; }, false);
    queue[QStringLiteral("port")] =
        intSetter(1, 65535, [](ServerConfig &c, qint64 v) { c.pdnsQueue.redis.port = int(v); });
    queue[QStringLiteral("db")] =
        intSetter(0, 15, [](ServerConfig &c, qint64 v) { c.pdnsQueue.redis.db = int(v); });
    queue[QStringLiteral("unix_socket")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.pdnsQueue.redis.unixSocket = v; });
    queue[QStringLiteral("password")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.pdnsQueue.redis.password = v; });
    queue[QStringLiteral("queue_uuid")] = [](ServerConfig &c, const QString &v) {
        // d4-core accepts a queue UUID that is a version-4 UUID once the dashes are removed, and
        // uses the text as entered in its keys: so do we.
        const auto uuid = protocol::parseUuid(v.toStdString());
        if (!uuid || !protocol::isUuidV4(*uuid) || v.contains(QLatin1Char(' '))) {
            return QStringLiteral("'%1' is not a version-4 UUID (as the D4 server's queue list shows it)")
                .arg(v);
        }
        c.pdnsQueue.queueUuid = v;
        return QString();
    };
    queue[QStringLiteral("sensor_id")] = [](ServerConfig &c, const QString &v) {
        for (const QChar ch : v) {
            if (ch.isSpace() || ch.category() == QChar::Other_Control) {
                return QStringLiteral("'%1' contains spaces or control characters").arg(v);
            }
        }
        if (v.size() > 128) {
            return QStringLiteral("longer than 128 characters");
        }
        c.pdnsQueue.sensorId = v;
        return QString();
    };
    queue[QStringLiteral("batch_size")] =
        intSetter(1, 100000, [](ServerConfig &c, qint64 v) { c.pdnsQueue.batchSize = int(v); });

    auto &lookup = table[QStringLiteral("Lookup_Server")];
    lookup[QStringLiteral("enabled")] = boolSetter([](ServerConfig &c, bool v) { c.lookupEnabled = v; });
    lookup[QStringLiteral("host")] = [](ServerConfig &c, const QString &v) {
        if (QHostAddress(v).isNull()) {
            return QStringLiteral("'%1' is not an IPv4 or IPv6 address").arg(v);
        }
        c.lookupHost = v;
        return QString();
    };
    lookup[QStringLiteral("port")] =
        intSetter(0, 65535, [](ServerConfig &c, qint64 v) { c.lookupPort = int(v); });
    lookup[QStringLiteral("token")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.lookupToken = v; });
    lookup[QStringLiteral("token_endpoints")] = [](ServerConfig &c, const QString &v) {
        c.lookupTokenEndpoints.clear();
        for (const QString &part : v.split(QLatin1Char(','))) {
            const QString endpoint = part.trimmed();
            if (endpoint.isEmpty()) {
                continue;
            }
            if (endpoint != u"query" && endpoint != u"fquery" && endpoint != u"info") {
                return QStringLiteral("'%1' is not an endpoint (query, fquery, info)").arg(endpoint);
            }
            c.lookupTokenEndpoints.append(endpoint);
        }
        return QString();
    };
    lookup[QStringLiteral("origin")] =
        stringSetter([](ServerConfig &c, const QString &v) { c.lookupOrigin = v; });

    auto &backscatter = table[QStringLiteral("Backscatter")];
    for (const QString &key : BackscatterConfig::keys()) {
        backscatter[key] = [key](ServerConfig &c, const QString &v) { return c.backscatter.apply(key, v); };
    }
    auto &backscatterQueue = table[QStringLiteral("Backscatter_Queue")];
    for (const QString &key : BackscatterQueueConfig::keys()) {
        backscatterQueue[key] = [key](ServerConfig &c, const QString &v) {
            return c.backscatterQueue.apply(key, v);
        };
    }

    auto noop = [](ServerConfig &, const QString &) { return QString(); };
    auto &flask = table[QStringLiteral("Flask_Server")];
    flask[QStringLiteral("host")] = noop;
    flask[QStringLiteral("port")] = noop;

    for (const QString &name :
         {QStringLiteral("Redis_STREAM"), QStringLiteral("Redis_METADATA"), QStringLiteral("Redis_ANALYZER"),
          QStringLiteral("Redis_SERV"), QStringLiteral("Redis_CACHE"), QStringLiteral("Redis_PDNS")}) {
        auto &section = table[name];
        RedisSection *target = &redis[name];
        section[QStringLiteral("host")] = [target](ServerConfig &, const QString &v) {
            target->endpoint.host = v;
            target->present = true;
            return v.isEmpty() ? QStringLiteral("must not be empty") : QString();
        };
        section[QStringLiteral("port")] = [target](ServerConfig &, const QString &v) {
            qint64 port = 0;
            QString error = parseInteger(v, 1, 65535, port);
            target->endpoint.port = int(port);
            target->present = true;
            return error;
        };
        section[QStringLiteral("db")] = [target](ServerConfig &, const QString &v) {
            qint64 db = 0;
            QString error = parseInteger(v, 0, 15, db);
            target->endpoint.db = int(db);
            target->present = true;
            return error;
        };
        section[QStringLiteral("unix_socket")] = [target](ServerConfig &, const QString &v) {
            target->endpoint.unixSocket = v;
            target->present = true;
            return QString();
        };
        section[QStringLiteral("password")] = [target](ServerConfig &, const QString &v) {
            target->endpoint.password = v;
            target->present = true;
            return QString();
        };
    }
    return table;
}

} // namespace

QString ServerConfig::effectiveDataDirectory() const
{
    if (!dataDirectory.isEmpty()) {
        return dataDirectory;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString ServerConfig::effectiveSaveDirectory() const
{
    if (!useDefaultSaveDirectory && !saveDirectory.isEmpty()) {
        return saveDirectory;
    }
    return QDir(effectiveDataDirectory()).filePath(QStringLiteral("data"));
}

QString ServerConfig::modeName(ServerMode mode)
{
    return mode == ServerMode::Registration ? QStringLiteral("registration")
                                            : QStringLiteral("shared-secret");
}

std::optional<ServerConfig> ServerConfigLoader::load(const QString &path, ConfigError &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = {path, 0, {}, {}, QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<ServerConfig> ServerConfigLoader::parse(const QByteArray &text, const QString &fileName,
                                                      ConfigError &error)
{
    IniFile ini;
    if (!ini.parse(text, fileName, error)) {
        return std::nullopt;
    }
    ServerConfig config;
    config.sourceFile = fileName;
    std::map<QString, RedisSection> redis;
    const auto table = buildTable(redis);
    for (const auto &[name, line] : ini.sections()) {
        if (table.find(name) == table.end() && !forward::ForwardRuleLoader::isForwardSection(name) &&
            !PdnsLayoutLoader::isLayoutSection(name)) {
            error = {fileName, line, name, {}, QStringLiteral("unknown section")};
            return std::nullopt;
        }
    }
    for (const IniEntry &entry : ini.entries()) {
        if (forward::ForwardRuleLoader::isForwardSection(entry.section) ||
            PdnsLayoutLoader::isLayoutSection(entry.section)) {
            continue;
        }
        const auto &keys = table.at(entry.section);
        const auto setter = keys.find(entry.key);
        if (setter == keys.end()) {
            error = {fileName, entry.line, entry.section, entry.key, QStringLiteral("unknown key")};
            return std::nullopt;
        }
        const QString problem = setter->second(config, entry.value);
        if (!problem.isEmpty()) {
            error = {fileName, entry.line, entry.section, entry.key, problem};
            return std::nullopt;
        }
    }
    std::optional<QList<forward::ForwardRule>> rules = forward::ForwardRuleLoader::load(ini, fileName, error);
    if (!rules) {
        return std::nullopt;
    }
    config.forwardRules = std::move(*rules);
    auto layouts = PdnsLayoutLoader::load(ini, fileName, config.pdnsTimeZone, error);
    if (!layouts) {
        return std::nullopt;
    }
    config.pdnsSensorLayouts = std::move(*layouts);
    if (config.pdnsQueue.enabled && config.pdnsQueue.queueUuid.isEmpty()) {
        int line = 0;
        for (const auto &[name, at] : ini.sections()) {
            if (name == u"Passive_DNS_Queue") {
                line = at;
            }
        }
        error = {
            fileName, line, QStringLiteral("Passive_DNS_Queue"), QStringLiteral("queue_uuid"),
            QStringLiteral("missing: enabled = yes needs the UUID of the D4 server's type-8 analyzer queue")};
        return std::nullopt;
    }
    if (const QString reason = config.backscatter.checkWindow(); !reason.isEmpty()) {
        int line = 0;
        for (const auto &[name, at] : ini.sections()) {
            if (name == u"Backscatter") {
                line = at;
            }
        }
        error = {fileName, line, QStringLiteral("Backscatter"), QStringLiteral("slide"), reason};
        return std::nullopt;
    }
    if (config.backscatterQueue.enabled && config.backscatterQueue.queueUuid.isEmpty()) {
        int line = 0;
        for (const auto &[name, at] : ini.sections()) {
            if (name == u"Backscatter_Queue") {
                line = at;
            }
        }
        error = {fileName, line, QStringLiteral("Backscatter_Queue"), QStringLiteral("queue_uuid"),
                 QStringLiteral("missing: enabled = yes needs the UUID of a type-1 analyzer queue")};
        return std::nullopt;
    }
    const bool anyRole = redis[QStringLiteral("Redis_STREAM")].present ||
                         redis[QStringLiteral("Redis_METADATA")].present ||
                         redis[QStringLiteral("Redis_ANALYZER")].present;
    if (anyRole) {
        for (const QString &role : {QStringLiteral("Redis_STREAM"), QStringLiteral("Redis_METADATA"),
                                    QStringLiteral("Redis_ANALYZER")}) {
            if (!redis[role].present) {
                error = {
                    fileName,
                    0,
                    role,
                    {},
                    QStringLiteral("missing: give all of Redis_STREAM, Redis_METADATA and Redis_ANALYZER, "
                                   "or none of them for a managed redis-server")};
                return std::nullopt;
            }
        }
        config.externalRedis = store::RedisRoles{redis[QStringLiteral("Redis_STREAM")].endpoint,
                                                 redis[QStringLiteral("Redis_METADATA")].endpoint,
                                                 redis[QStringLiteral("Redis_ANALYZER")].endpoint};
    }
    if (redis[QStringLiteral("Redis_PDNS")].present) {
        config.pdnsRedis = redis[QStringLiteral("Redis_PDNS")].endpoint;
    }
    if (!config.tlsPrivateKey.isEmpty() && config.tlsCertificate.isEmpty()) {
        error = {fileName, 0, QStringLiteral("D4_Server"), QStringLiteral("tls_private_key"),
                 QStringLiteral("needs tls_certificate as well")};
        return std::nullopt;
    }
    return config;
}

} // namespace d4::config
