// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QMap>
#include <QString>
#include <QStringList>

#include "config/backscatterconfig.h"
#include "config/inifile.h"
#include "config/pdnsconfig.h"
#include "forward/forwardrule.h"
#include "store/redisendpoint.h"

namespace d4::config {

enum class ServerMode
{
    Registration,
    SharedSecret
};

/**
 * Everything d4-server and the embedded console read from server.conf. The file format and the
 * d4-core keys are compatible with d4-core's configs/server.conf; our own keys are additions.
 * docs/configuration.md documents every key and default; the defaults below are the same.
 */
struct ServerConfig
{
    // [D4_Server] (d4-core keys)
    int serverPort = 4443;
    ServerMode serverMode = ServerMode::Registration;
    QString defaultHmacKey = QStringLiteral("private key to change");
    qint64 analyzerQueuesMaxSize = 100000000;
    // [D4_Server] (our keys)
    QString listenAddress = QStringLiteral("::");
    QString tlsCertificate; ///< PEM; empty = generated in the data directory
    QString tlsPrivateKey;  ///< PEM; empty = in tlsCertificate, or generated
    int ingestThreads = 0;  ///< 0 = one per core minus one, at least one
    QString dataDirectory;  ///< empty = the platform's application data location
    int maxPayloadSize = 1000000;
    int idleTimeoutSeconds = 30;
    int defaultStreamMaxSize = 10000;
    int rotationIntervalSeconds = 300; ///< worker file rotation (d4-core's fixed 300 s)
    int workerThreads = 2;             ///< stream worker threads
    bool workersEnabled = true;        ///< run the stream workers in this process
    /// On stop, connected sensors may finish (and close) for up to this long before the rest are
    /// aborted; 0 = abort every connection at once.
    int shutdownDrainSeconds = 10;

    // [Save_Directories]
    bool useDefaultSaveDirectory = true;
    QString saveDirectory;

    // [Redis_STREAM], [Redis_METADATA], [Redis_ANALYZER]: absent means a managed redis-server.
    std::optional<store::RedisRoles> externalRedis;
    // [Managed_Redis] (our keys)
    QString managedRedisExecutable = QStringLiteral("redis-server");
    int managedRedisPort = 0; ///< 0 = unix socket only

    // [Redis_PDNS] (our section): the passive DNS store. Absent = the managed redis-server, or the
    // server of [Redis_METADATA] when Redis is external, database pdnsDefaultDb.
    std::optional<store::RedisEndpoint> pdnsRedis;
    static constexpr int pdnsDefaultDb = 3;
    // [Passive_DNS] (our keys)
    bool pdnsEnabled = true; ///< run the passive DNS analyzer on type-8 lines
    QStringList pdnsExclude{QStringLiteral("spamhaus.org"), QStringLiteral("asn.cymru.com")};
    QMap<int, qint64> pdnsExpiry;                 ///< rrtype number -> seconds (sliding)
    QString pdnsTimeZone = QStringLiteral("UTC"); ///< zone of passivedns `H` time stamps
    // [Passive_DNS_Sensor:<uuid>] (our sections): per-sensor line layouts, sensor hex -> layout
    QMap<QByteArray, passivedns::LineLayout> pdnsSensorLayouts;
    // [Passive_DNS_Queue] (our section): a remote D4 server's type-8 analyzer queue
    PdnsQueueConfig pdnsQueue;
    // [Lookup_Server] (our section; analyzer-d4-passivedns' COF server port by default)
    bool lookupEnabled = true;
    QString lookupHost = QStringLiteral("127.0.0.1");
    int lookupPort = 8400;
    QString lookupToken; ///< empty = no authentication
    QStringList lookupTokenEndpoints{QStringLiteral("query"), QStringLiteral("fquery"),
                                     QStringLiteral("info")};
    QString lookupOrigin; ///< COF `origin` URI; empty = not emitted

    // [Backscatter] (our section): the live backscatter analyzer and its attack reports
    BackscatterConfig backscatter;
    // [Backscatter_Queue] (our section): an analyzer queue of .cap.gz paths read into it
    BackscatterQueueConfig backscatterQueue;

    // [Forward:<name>] and [Sensor_Groups] (our sections): rules sharing data with partner D4
    // servers, read by forward::ForwardRuleLoader (docs/forwarding.md).
    QList<forward::ForwardRule> forwardRules;

    QString sourceFile; ///< the file this was read from, for messages

    /** The data root: dataDirectory or the default location. */
    QString effectiveDataDirectory() const;
    /** Where the workers save files: save_directory when use_default_save_directory = no. */
    QString effectiveSaveDirectory() const;
    static QString modeName(ServerMode mode);
};

/** Reads and validates server.conf files. */
class ServerConfigLoader final
{
public:
    /** Loads @p path. On failure returns nullopt and fills @p error (file, line, key, reason). */
    static std::optional<ServerConfig> load(const QString &path, ConfigError &error);
    /** Same, from text already in memory (@p fileName is used in messages). */
    static std::optional<ServerConfig> parse(const QByteArray &text, const QString &fileName,
                                             ConfigError &error);
};

} // namespace d4::config
