// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTest>

#include "config/serverconfig.h"

using namespace d4::config;

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    static std::optional<ServerConfig> parse(const char *text, ConfigError &error)
    {
        return ServerConfigLoader::parse(QByteArray(text), QStringLiteral("server.conf"), error);
    }

private Q_SLOTS:
    void defaults()
    {
        ConfigError error;
        const auto config = parse("", error);
        QVERIFY(config);
        QCOMPARE(config->serverPort, 4443);
        QCOMPARE(config->serverMode, ServerMode::Registration);
        QCOMPARE(config->defaultHmacKey, QStringLiteral("private key to change"));
        QCOMPARE(config->analyzerQueuesMaxSize, 100000000);
        QCOMPARE(config->maxPayloadSize, 1000000);
        QCOMPARE(config->idleTimeoutSeconds, 30);
        QCOMPARE(config->shutdownDrainSeconds, 10);
        QVERIFY(!config->externalRedis);
    }

    // d4-core's own configs/server.conf.sample, unchanged, is accepted.
    void d4CoreSample()
    {
        ConfigError error;
        const auto config = parse("[Save_Directories]\n"
                                  "# By default all datas are saved in $D4_HOME/data/\n"
                                  "use_default_save_directory = yes\n"
                                  "save_directory = None\n\n"
                                  "[D4_Server]\n"
                                  "server_port=4443\n"
                                  "# registration or shared-secret\n"
                                  "server_mode = registration\n"
                                  "default_hmac_key = private key to change\n"
                                  "analyzer_queues_max_size = 100000000\n\n"
                                  "[Flask_Server]\nhost = 127.0.0.1\nport = 7000\n\n"
                                  "[Redis_STREAM]\nhost = localhost\nport = 6379\ndb = 0\n\n"
                                  "[Redis_METADATA]\nhost = localhost\nport = 6380\ndb = 0\n\n"
                                  "[Redis_SERV]\nhost = localhost\nport = 6380\ndb = 1\n\n"
                                  "[Redis_ANALYZER]\nhost = localhost\nport = 6380\ndb = 2\n\n"
                                  "[Redis_CACHE]\nhost = localhost\nport = 6380\ndb = 3\n",
                                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        QVERIFY(config->externalRedis);
        QCOMPARE(config->externalRedis->stream.port, 6379);
        QCOMPARE(config->externalRedis->metadata.port, 6380);
        QCOMPARE(config->externalRedis->analyzer.db, 2);
        QVERIFY(config->useDefaultSaveDirectory);
        QVERIFY(config->saveDirectory.isEmpty());
    }

    void ourKeys()
    {
        ConfigError error;
        const auto config =
            parse("[D4_Server]\nlisten_address: 127.0.0.1\ningest_threads = 3\nSERVER_MODE = shared-secret\n"
                  "idle_timeout = 5\n[Managed_Redis]\nport = 6390\n",
                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->listenAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->ingestThreads, 3);
        QCOMPARE(config->serverMode, ServerMode::SharedSecret);
        QCOMPARE(config->idleTimeoutSeconds, 5);
        QCOMPARE(config->managedRedisPort, 6390);
    }

    // shutdown_drain_seconds takes both ends of its range; 0 restores the immediate stop.
    void shutdownDrainRange_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("seconds");
        QTest::newRow("off") << QByteArray("0") << 0;
        QTest::newRow("typical") << QByteArray("12") << 12;
        QTest::newRow("largest") << QByteArray("300") << 300;
    }
    void shutdownDrainRange()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, seconds);
        ConfigError error;
        const auto config = ServerConfigLoader::parse("[D4_Server]\nshutdown_drain_seconds = " + value + '\n',
                                                      QStringLiteral("server.conf"), error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->shutdownDrainSeconds, seconds);
    }

    // Passive DNS: [Redis_PDNS], [Passive_DNS], [Lookup_Server] (docs/passive-dns.md).
    void passiveDnsDefaults()
    {
        ConfigError error;
        const auto config = parse("", error);
        QVERIFY(config);
        QVERIFY(!config->pdnsRedis);
        QCOMPARE(ServerConfig::pdnsDefaultDb, 3);
        QVERIFY(config->pdnsEnabled);
        QCOMPARE(config->pdnsExclude,
                 (QStringList{QStringLiteral("spamhaus.org"), QStringLiteral("asn.cymru.com")}));
        QVERIFY(config->pdnsExpiry.isEmpty());
        QCOMPARE(config->pdnsTimeZone, QStringLiteral("UTC"));
        QVERIFY(config->lookupEnabled);
        QCOMPARE(config->lookupHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->lookupPort, 8400);
        QVERIFY(config->lookupToken.isEmpty());
        QCOMPARE(config->lookupTokenEndpoints.size(), 3);
        QVERIFY(config->lookupOrigin.isEmpty());
    }
    void passiveDnsKeys()
    {
        ConfigError error;
        const auto config = parse("[Redis_PDNS]\nhost = 10.0.0.5\nport = 6400\ndb = 0\npassword = pw\n"
                                  "[Passive_DNS]\nenabled = no\nexclude = Example.COM, ,test\n"
                                  "expiration = TXT:24000, 99:26000\ntime_zone = Europe/Luxembourg\n"
                                  "[Lookup_Server]\nenabled = off\nhost = ::1\nport = 0\ntoken = t0k\n"
                                  "token_endpoints = query, info\norigin = https://pdns.example.org/\n",
                                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        QVERIFY(config->pdnsRedis);
        QCOMPARE(config->pdnsRedis->host, QStringLiteral("10.0.0.5"));
        QCOMPARE(config->pdnsRedis->port, 6400);
        QCOMPARE(config->pdnsRedis->db, 0);
        QCOMPARE(config->pdnsRedis->password, QStringLiteral("pw"));
        QVERIFY(!config->externalRedis); // the PDNS store alone does not make the roles external
        QVERIFY(!config->pdnsEnabled);
        QCOMPARE(config->pdnsExclude, (QStringList{QStringLiteral("example.com"), QStringLiteral("test")}));
        QCOMPARE(config->pdnsExpiry.value(16), 24000);
        QCOMPARE(config->pdnsExpiry.value(99), 26000);
        QCOMPARE(config->pdnsTimeZone, QStringLiteral("Europe/Luxembourg"));
        QVERIFY(!config->lookupEnabled);
        QCOMPARE(config->lookupHost, QStringLiteral("::1"));
        QCOMPARE(config->lookupPort, 0);
        QCOMPARE(config->lookupToken, QStringLiteral("t0k"));
        QCOMPARE(config->lookupTokenEndpoints,
                 (QStringList{QStringLiteral("query"), QStringLiteral("info")}));
        QCOMPARE(config->lookupOrigin, QStringLiteral("https://pdns.example.org/"));
        const auto socket = parse("[Redis_PDNS]\nunix_socket = /run/redis.sock\ndb = 3\n", error);
        QVERIFY(socket && socket->pdnsRedis);
        QCOMPARE(socket->pdnsRedis->unixSocket, QStringLiteral("/run/redis.sock"));
    }

    // Every rejection names the file, the line and the key.
    void rejections_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("[D4_Server]\nsrever_port = 1\n")
                                     << QStringLiteral("server.conf:2: [D4_Server] srever_port: unknown key");
        QTest::newRow("unknown section")
            << QByteArray("\n[Nope]\n") << QStringLiteral("server.conf:2: [Nope] unknown section");
        QTest::newRow("bad port") << QByteArray("[D4_Server]\nserver_port = 99999\n")
                                  << QStringLiteral(
                                         "server.conf:2: [D4_Server] server_port: '99999' is not an integer "
                                         "between 1 and 65535");
        QTest::newRow("bad mode") << QByteArray("[D4_Server]\nserver_mode = open\n")
                                  << QStringLiteral(
                                         "server.conf:2: [D4_Server] server_mode: 'open' is not a server "
                                         "mode (registration or shared-secret)");
        QTest::newRow("empty key") << QByteArray("[D4_Server]\ndefault_hmac_key =\n")
                                   << QStringLiteral(
                                          "server.conf:2: [D4_Server] default_hmac_key: must not be empty");
        QTest::newRow("bad bool") << QByteArray("[Save_Directories]\nuse_default_save_directory = maybe\n")
                                  << QStringLiteral(
                                         "server.conf:2: [Save_Directories] use_default_save_directory: "
                                         "'maybe' is not a boolean (yes/no, true/false, on/off, 1/0)");
        QTest::newRow("bad address") << QByteArray("[D4_Server]\nlisten_address = localhost\n")
                                     << QStringLiteral(
                                            "server.conf:2: [D4_Server] listen_address: 'localhost' is not "
                                            "an IPv4 or IPv6 address (use :: for every address)");
        QTest::newRow("drain negative")
            << QByteArray("[D4_Server]\nshutdown_drain_seconds = -1\n")
            << QStringLiteral("server.conf:2: [D4_Server] shutdown_drain_seconds: '-1' is not an integer "
                              "between 0 and 300");
        QTest::newRow("drain too long")
            << QByteArray("[D4_Server]\nshutdown_drain_seconds = 301\n")
            << QStringLiteral("server.conf:2: [D4_Server] shutdown_drain_seconds: '301' is not an integer "
                              "between 0 and 300");
        QTest::newRow("drain not a number")
            << QByteArray("[D4_Server]\nshutdown_drain_seconds = 5s\n")
            << QStringLiteral("server.conf:2: [D4_Server] shutdown_drain_seconds: '5s' is not an integer "
                              "between 0 and 300");
        QTest::newRow("bad db") << QByteArray("[Redis_STREAM]\ndb = 16\n")
                                << QStringLiteral(
                                       "server.conf:2: [Redis_STREAM] db: '16' is not an integer between 0 "
                                       "and 15");
        QTest::newRow("duplicate key")
            << QByteArray("[D4_Server]\nserver_port = 1\nserver_port = 2\n")
            << QStringLiteral("server.conf:3: [D4_Server] server_port: key appears twice "
                              "in this section");
        QTest::newRow("duplicate section")
            << QByteArray("[D4_Server]\n[D4_Server]\n")
            << QStringLiteral("server.conf:2: [D4_Server] section appears twice");
        QTest::newRow("no section") << QByteArray("server_port = 1\n")
                                    << QStringLiteral(
                                           "server.conf:1: server_port: key outside of any [section]");
        QTest::newRow("no separator")
            << QByteArray("[D4_Server]\nserver_port\n")
            << QStringLiteral("server.conf:2: [D4_Server] expected 'key = value', found "
                              "'server_port'");
        QTest::newRow("malformed header")
            << QByteArray("[D4_Server\n")
            << QStringLiteral("server.conf:1: malformed section header '[D4_Server'");
        QTest::newRow("continuation")
            << QByteArray("[D4_Server]\nserver_port = 1\n  2\n")
            << QStringLiteral("server.conf:3: [D4_Server] continuation lines are not "
                              "supported");
        QTest::newRow("partial redis")
            << QByteArray("[Redis_STREAM]\nport = 6379\n")
            << QStringLiteral("server.conf: [Redis_METADATA] missing: give all of "
                              "Redis_STREAM, Redis_METADATA and Redis_ANALYZER, or none "
                              "of them for a managed redis-server");
        QTest::newRow("pdns bad db") << QByteArray("[Redis_PDNS]\ndb = 99\n")
                                     << QStringLiteral(
                                            "server.conf:2: [Redis_PDNS] db: '99' is not an integer "
                                            "between 0 and 15");
        QTest::newRow("pdns empty host")
            << QByteArray("[Redis_PDNS]\nhost =\n")
            << QStringLiteral("server.conf:2: [Redis_PDNS] host: must not be empty");
        QTest::newRow("pdns bad expiration")
            << QByteArray("[Passive_DNS]\nexpiration = TXT=5\n")
            << QStringLiteral(
                   "server.conf:2: [Passive_DNS] expiration: 'TXT=5' is not TYPE:seconds (e.g. TXT:24000)");
        QTest::newRow("pdns unknown type")
            << QByteArray("[Passive_DNS]\nexpiration = NOPE:5\n")
            << QStringLiteral(
                   "server.conf:2: [Passive_DNS] expiration: 'NOPE:5' is not TYPE:seconds (e.g. TXT:24000)");
        QTest::newRow("pdns bad zone")
            << QByteArray("[Passive_DNS]\ntime_zone = Mars/Olympus\n")
            << QStringLiteral(
                   "server.conf:2: [Passive_DNS] time_zone: 'Mars/Olympus' is not a time zone (IANA "
                   "name such as UTC or Europe/Luxembourg)");
        QTest::newRow("lookup bad host")
            << QByteArray("[Lookup_Server]\nhost = localhost\n")
            << QStringLiteral(
                   "server.conf:2: [Lookup_Server] host: 'localhost' is not an IPv4 or IPv6 address");
        QTest::newRow("lookup bad port")
            << QByteArray("[Lookup_Server]\nport = 70000\n")
            << QStringLiteral(
                   "server.conf:2: [Lookup_Server] port: '70000' is not an integer between 0 and 65535");
        QTest::newRow("lookup bad endpoint")
            << QByteArray("[Lookup_Server]\ntoken_endpoints = query, stream\n")
            << QStringLiteral(
                   "server.conf:2: [Lookup_Server] token_endpoints: 'stream' is not an endpoint (query, "
                   "fquery, info)");
        QTest::newRow("lookup unknown key")
            << QByteArray("[Lookup_Server]\nlisten = 1\n")
            << QStringLiteral("server.conf:2: [Lookup_Server] listen: unknown key");
        QTest::newRow("key without cert") << QByteArray("[D4_Server]\ntls_private_key = /k.pem\n")
                                          << QStringLiteral("server.conf: [D4_Server] tls_private_key: needs "
                                                            "tls_certificate as well");
    }
    void rejections()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        ConfigError error;
        QVERIFY(!ServerConfigLoader::parse(text, QStringLiteral("server.conf"), error));
        QCOMPARE(error.toString(), message);
    }

    // The sample shipped in installer/ must load and hold exactly the documented defaults.
    void shippedSampleIsValid()
    {
        ConfigError error;
        const auto sample =
            ServerConfigLoader::load(QStringLiteral(D4_SOURCE_DIR "/installer/server.conf.sample"), error);
        QVERIFY2(sample, qPrintable(error.toString()));
        const auto defaults = parse("", error);
        QCOMPARE(sample->serverPort, defaults->serverPort);
        QCOMPARE(sample->serverMode, defaults->serverMode);
        QCOMPARE(sample->defaultHmacKey, defaults->defaultHmacKey);
        QCOMPARE(sample->listenAddress, defaults->listenAddress);
        QCOMPARE(sample->maxPayloadSize, defaults->maxPayloadSize);
        QCOMPARE(sample->idleTimeoutSeconds, defaults->idleTimeoutSeconds);
        QCOMPARE(sample->defaultStreamMaxSize, defaults->defaultStreamMaxSize);
        QCOMPARE(sample->shutdownDrainSeconds, defaults->shutdownDrainSeconds);
        QCOMPARE(sample->managedRedisPort, defaults->managedRedisPort);
        QVERIFY(!sample->externalRedis);
        QCOMPARE(sample->pdnsRedis.has_value(), defaults->pdnsRedis.has_value());
        QCOMPARE(sample->pdnsEnabled, defaults->pdnsEnabled);
        QCOMPARE(sample->pdnsExclude, defaults->pdnsExclude);
        QCOMPARE(sample->pdnsExpiry, defaults->pdnsExpiry);
        QCOMPARE(sample->pdnsTimeZone, defaults->pdnsTimeZone);
        QCOMPARE(sample->lookupEnabled, defaults->lookupEnabled);
        QCOMPARE(sample->lookupHost, defaults->lookupHost);
        QCOMPARE(sample->lookupPort, defaults->lookupPort);
        QCOMPARE(sample->lookupToken, defaults->lookupToken);
        QCOMPARE(sample->lookupTokenEndpoints, defaults->lookupTokenEndpoints);
        QCOMPARE(sample->lookupOrigin, defaults->lookupOrigin);
    }

    void missingFile()
    {
        ConfigError error;
        QVERIFY(!ServerConfigLoader::load(QStringLiteral("/nonexistent/server.conf"), error));
        QVERIFY(
            error.toString().startsWith(QStringLiteral("/nonexistent/server.conf: cannot read the file")));
    }
};

QTEST_APPLESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
