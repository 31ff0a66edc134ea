// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// server.conf [Backscatter] and [Backscatter_Queue]: the defaults are the analyzer's, each key
// reaches the analyzer settings, and every rejection names the file, the line and the key.

#include <QTest>

#include "config/serverconfig.h"

using namespace d4::config;
using d4::analyzers::backscatter::BackscatterSettings;

namespace {

constexpr char kQueue[] = "1b4a29c6-5c5e-4b35-9f6e-1a6c2f3d4e5f";
constexpr qint64 kSecond = 1000000000LL;

std::optional<ServerConfig> parse(const QByteArray &text, ConfigError &error)
{
    return ServerConfigLoader::parse(text, QStringLiteral("server.conf"), error);
}

d4::store::RedisEndpoint ownAnalyzer()
{
    d4::store::RedisEndpoint own;
    own.unixSocket = QStringLiteral("/var/lib/d4/redis/redis.sock");
    own.db = 2;
    own.password = QStringLiteral("own");
    return own;
}

} // namespace

class TestBackscatterConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        ConfigError error;
        const auto config = parse("", error);
        QVERIFY(config);
        const BackscatterConfig &b = config->backscatter;
        QVERIFY(b.enabled);
        QVERIFY(b.attacksFile);
        QVERIFY(b.evidenceFiles);
        QCOMPARE(b.retentionDays, 30);
        QCOMPARE(b.preset, BackscatterSettings::Preset::Corsaro);
        // With no key, the analyzer gets exactly its own defaults.
        const BackscatterSettings settings = b.settings();
        const BackscatterSettings plain;
        QCOMPARE(settings.thresholds, plain.thresholds);
        QCOMPARE(settings.inactivityTimeoutNs, plain.inactivityTimeoutNs);
        QVERIFY(settings.monitoredPrefixes.isEmpty());
        QCOMPARE(settings.udpResponses, false);
        QCOMPARE(settings.evidence.firstPackets, plain.evidence.firstPackets);
        QCOMPARE(settings.evidence.recentPackets, plain.evidence.recentPackets);
        QCOMPARE(settings.evidenceMaxBytes, plain.evidenceMaxBytes);
        QCOMPARE(settings.mode, BackscatterSettings::Mode::Corsaro);

        const BackscatterQueueConfig &q = config->backscatterQueue;
        QVERIFY(!q.enabled);
        QVERIFY(q.queueUuid.isEmpty());
        // Without host or unix_socket, the queue is read from this server's Redis_ANALYZER.
        const auto endpoint = q.endpoint(ownAnalyzer());
        QCOMPARE(endpoint.unixSocket, ownAnalyzer().unixSocket);
        QCOMPARE(endpoint.db, 2);
        QCOMPARE(endpoint.password, QStringLiteral("own"));
    }

    void everyKey()
    {
        ConfigError error;
        const auto config =
            parse("[Backscatter]\nenabled = no\npreset = sensitive\nmin_packets = 7\n"
                  "min_duration = 0\nmin_window_packets = 0\nwindow = 120\nslide = 2\ntimeout = 2\n"
                  "prefixes = 203.0.113.0/24, ,198.51.100.7\nudp_responses = yes\n"
                  "evidence_packets = 3\nevidence_recent = 0\nevidence_max_mb = 1\n"
                  "attacks_file = no\nevidence_files = no\nretention_days = 0\n",
                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        const BackscatterConfig &b = config->backscatter;
        QVERIFY(!b.enabled);
        QVERIFY(!b.attacksFile);
        QVERIFY(!b.evidenceFiles);
        QCOMPARE(b.retentionDays, 0);
        QCOMPARE(b.preset, BackscatterSettings::Preset::Sensitive);
        const BackscatterSettings settings = b.settings();
        QCOMPARE(settings.thresholds.minPackets, 7ULL);
        QCOMPARE(settings.thresholds.minDurationNs, 0LL);
        QCOMPARE(settings.thresholds.minWindowPackets, 0ULL);
        QCOMPARE(settings.thresholds.windowNs, 120 * kSecond);
        QCOMPARE(settings.thresholds.slideNs, 2 * kSecond);
        QCOMPARE(settings.inactivityTimeoutNs, 2 * kSecond);
        QCOMPARE(settings.monitoredPrefixes.size(), 2);
        QCOMPARE(settings.monitoredPrefixes[0].toString(), QStringLiteral("203.0.113.0/24"));
        QCOMPARE(settings.monitoredPrefixes[1].toString(), QStringLiteral("198.51.100.7/32"));
        QCOMPARE(settings.monitoredAddresses(), 257ULL);
        QVERIFY(settings.udpResponses);
        QCOMPARE(settings.evidence.firstPackets, 3);
        QCOMPARE(settings.evidence.recentPackets, 0);
        QCOMPARE(settings.evidenceMaxBytes, 1024LL * 1024);
    }

    // The preset is the base whatever the order; keys given override it, the others stay the preset's.
    void presetThenOverrides_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<quint64>("minPackets");
        QTest::addColumn<qint64>("minDuration");
        QTest::addColumn<quint64>("minWindow");
        QTest::newRow("corsaro") << QByteArray("preset = corsaro\n") << 25ULL << 60LL << 30ULL;
        QTest::newRow("moore") << QByteArray("preset = moore\n") << 100ULL << 60LL << 0ULL;
        QTest::newRow("sensitive") << QByteArray("preset = sensitive\n") << 5ULL << 10LL << 3ULL;
        QTest::newRow("key before preset")
            << QByteArray("min_packets = 40\npreset = sensitive\n") << 40ULL << 10LL << 3ULL;
        QTest::newRow("key after preset")
            << QByteArray("preset = moore\nmin_duration = 120\n") << 100ULL << 120LL << 0ULL;
        QTest::newRow("no preset") << QByteArray("min_window_packets = 12\n") << 25ULL << 60LL << 12ULL;
    }
    void presetThenOverrides()
    {
        QFETCH(QByteArray, body);
        QFETCH(quint64, minPackets);
        QFETCH(qint64, minDuration);
        QFETCH(quint64, minWindow);
        ConfigError error;
        const auto config = parse("[Backscatter]\n" + body, error);
        QVERIFY2(config, qPrintable(error.toString()));
        const auto thresholds = config->backscatter.settings().thresholds;
        QCOMPARE(thresholds.minPackets, minPackets);
        QCOMPARE(thresholds.minDurationNs, minDuration * kSecond);
        QCOMPARE(thresholds.minWindowPackets, minWindow);
        QCOMPARE(config->backscatter.settings().inactivityTimeoutNs, 300 * kSecond);
        QCOMPARE(thresholds.windowNs, 60 * kSecond); // Corsaro's window and slide for every preset
        QCOMPARE(thresholds.slideNs, 10 * kSecond);
    }

    void queueKeys()
    {
        ConfigError error;
        const auto own = parse(
            QByteArray("[Backscatter_Queue]\nenabled = yes\nqueue_uuid = ") + kQueue + "\ndb = 5\n", error);
        QVERIFY2(own, qPrintable(error.toString()));
        QVERIFY(own->backscatterQueue.enabled);
        QCOMPARE(own->backscatterQueue.queueUuid, QString::fromLatin1(kQueue));
        // db alone keeps this server's Redis_ANALYZER, in another database.
        auto endpoint = own->backscatterQueue.endpoint(ownAnalyzer());
        QCOMPARE(endpoint.unixSocket, ownAnalyzer().unixSocket);
        QCOMPARE(endpoint.db, 5);
        QCOMPARE(endpoint.password, QStringLiteral("own"));

        // host: another server, on d4-core's Redis_ANALYZER defaults unless given.
        const auto remote =
            parse("[Backscatter_Queue]\nenabled = yes\nqueue_uuid = 1B4A29C65C5E4B359F6E1A6C2F3D4E5F\n"
                  "host = d4.example.org\npassword = secret\n",
                  error);
        QVERIFY2(remote, qPrintable(error.toString()));
        QCOMPARE(remote->backscatterQueue.queueUuid, QStringLiteral("1B4A29C65C5E4B359F6E1A6C2F3D4E5F"));
        endpoint = remote->backscatterQueue.endpoint(ownAnalyzer());
        QCOMPARE(endpoint.host, QStringLiteral("d4.example.org"));
        QVERIFY(endpoint.unixSocket.isEmpty());
        QCOMPARE(endpoint.port, 6380);
        QCOMPARE(endpoint.db, 2);
        QCOMPARE(endpoint.password, QStringLiteral("secret"));

        const auto socket =
            parse(QByteArray("[Backscatter_Queue]\nunix_socket = /run/redis.sock\nport = 6390\n"
                             "queue_uuid = ") +
                      kQueue + '\n',
                  error);
        QVERIFY2(socket, qPrintable(error.toString()));
        QVERIFY(!socket->backscatterQueue.enabled);
        endpoint = socket->backscatterQueue.endpoint(ownAnalyzer());
        QCOMPARE(endpoint.unixSocket, QStringLiteral("/run/redis.sock"));
        QCOMPARE(endpoint.port, 6390);
        QVERIFY(endpoint.password.isEmpty());
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        const QByteArray b = "[Backscatter]\n";
        const QByteArray q = "[Backscatter_Queue]\n";
        QTest::newRow("enabled") << b + "enabled = perhaps\n"
                                 << 2 << "Backscatter"
                                 << "enabled"
                                 << "'perhaps' is not a boolean (yes/no, true/false, on/off, 1/0)";
        QTest::newRow("preset") << b + "\npreset = pibs\n"
                                << 3 << "Backscatter"
                                << "preset"
                                << "'pibs' is not a preset (corsaro, moore or sensitive)";
        QTest::newRow("preset case") << b + "preset = Corsaro\n"
                                     << 2 << "Backscatter"
                                     << "preset"
                                     << "'Corsaro' is not a preset (corsaro, moore or sensitive)";
        QTest::newRow("min_packets zero") << b + "min_packets = 0\n"
                                          << 2 << "Backscatter"
                                          << "min_packets"
                                          << "'0' is not an integer between 1 and 1000000000";
        QTest::newRow("min_packets text") << b + "min_packets = many\n"
                                          << 2 << "Backscatter"
                                          << "min_packets"
                                          << "'many' is not an integer between 1 and 1000000000";
        QTest::newRow("min_duration negative") << b + "min_duration = -1\n"
                                               << 2 << "Backscatter"
                                               << "min_duration"
                                               << "'-1' is not an integer between 0 and 86400";
        QTest::newRow("min_duration too long") << b + "min_duration = 86401\n"
                                               << 2 << "Backscatter"
                                               << "min_duration"
                                               << "'86401' is not an integer between 0 and 86400";
        QTest::newRow("min_window_packets") << b + "min_window_packets = 1e3\n"
                                            << 2 << "Backscatter"
                                            << "min_window_packets"
                                            << "'1e3' is not an integer between 0 and 1000000000";
        QTest::newRow("window zero") << b + "window = 0\n"
                                     << 2 << "Backscatter"
                                     << "window"
                                     << "'0' is not an integer between 1 and 3600";
        QTest::newRow("slide unit") << b + "slide = 10s\n"
                                    << 2 << "Backscatter"
                                    << "slide"
                                    << "'10s' is not an integer between 1 and 3600";
        // Checked once the section is read: the line is the section header's.
        QTest::newRow("slide longer than window") << "\n" + b + "window = 30\nslide = 60\n"
                                                  << 2 << "Backscatter"
                                                  << "slide"
                                                  << "60 s is longer than the window (30 s)";
        QTest::newRow("too many steps") << b + "slide = 1\nwindow = 3600\n"
                                        << 1 << "Backscatter"
                                        << "slide"
                                        << "a 3600 s window needs a slide of at least 57 s (at most 64 "
                                           "steps per window)";
        QTest::newRow("timeout zero") << b + "timeout = 0\n"
                                      << 2 << "Backscatter"
                                      << "timeout"
                                      << "'0' is not an integer between 1 and 86400";
        QTest::newRow("timeout unit") << b + "timeout = 300s\n"
                                      << 2 << "Backscatter"
                                      << "timeout"
                                      << "'300s' is not an integer between 1 and 86400";
        QTest::newRow("prefix length") << b + "prefixes = 203.0.113.0/33\n"
                                       << 2 << "Backscatter"
                                       << "prefixes"
                                       << "'203.0.113.0/33' is not an IPv4 prefix (a.b.c.d/length)";
        QTest::newRow("prefix ipv6") << b + "prefixes = 10.0.0.0/8, 2001:db8::/32\n"
                                     << 2 << "Backscatter"
                                     << "prefixes"
                                     << "'2001:db8::/32' is not an IPv4 prefix (a.b.c.d/length)";
        QTest::newRow("prefix space separated")
            << b + "prefixes = 10.0.0.0/8 192.0.2.0/24\n"
            << 2 << "Backscatter"
            << "prefixes"
            << "'10.0.0.0/8 192.0.2.0/24' is not an IPv4 prefix (a.b.c.d/length)";
        QTest::newRow("udp_responses") << b + "udp_responses = 2\n"
                                       << 2 << "Backscatter"
                                       << "udp_responses"
                                       << "'2' is not a boolean (yes/no, true/false, on/off, 1/0)";
        QTest::newRow("evidence_packets") << b + "evidence_packets = 1000001\n"
                                          << 2 << "Backscatter"
                                          << "evidence_packets"
                                          << "'1000001' is not an integer between 0 and 1000000";
        QTest::newRow("evidence_recent") << b + "evidence_recent = -5\n"
                                         << 2 << "Backscatter"
                                         << "evidence_recent"
                                         << "'-5' is not an integer between 0 and 1000000";
        QTest::newRow("evidence_max_mb zero") << b + "evidence_max_mb = 0\n"
                                              << 2 << "Backscatter"
                                              << "evidence_max_mb"
                                              << "'0' is not an integer between 1 and 65536";
        QTest::newRow("evidence_max_mb big") << b + "evidence_max_mb = 65537\n"
                                             << 2 << "Backscatter"
                                             << "evidence_max_mb"
                                             << "'65537' is not an integer between 1 and 65536";
        QTest::newRow("attacks_file") << b + "attacks_file = always\n"
                                      << 2 << "Backscatter"
                                      << "attacks_file"
                                      << "'always' is not a boolean (yes/no, true/false, on/off, 1/0)";
        QTest::newRow("evidence_files") << b + "evidence_files = maybe\n"
                                        << 2 << "Backscatter"
                                        << "evidence_files"
                                        << "'maybe' is not a boolean (yes/no, true/false, on/off, 1/0)";
        QTest::newRow("retention_days negative") << b + "retention_days = -1\n"
                                                 << 2 << "Backscatter"
                                                 << "retention_days"
                                                 << "'-1' is not an integer between 0 and 36500";
        QTest::newRow("retention_days unit") << b + "retention_days = 30d\n"
                                             << 2 << "Backscatter"
                                             << "retention_days"
                                             << "'30d' is not an integer between 0 and 36500";
        QTest::newRow("retention_days too long") << b + "retention_days = 36501\n"
                                                 << 2 << "Backscatter"
                                                 << "retention_days"
                                                 << "'36501' is not an integer between 0 and 36500";
        QTest::newRow("retention_days empty") << b + "retention_days =\n"
                                              << 2 << "Backscatter"
                                              << "retention_days"
                                              << "'' is not an integer between 0 and 36500";
        QTest::newRow("unknown key") << b + "window_packets = 60\n"
                                     << 2 << "Backscatter"
                                     << "window_packets"
                                     << "unknown key";
        QTest::newRow("queue enabled") << q + "enabled = maybe\n"
                                       << 2 << "Backscatter_Queue"
                                       << "enabled"
                                       << "'maybe' is not a boolean (yes/no, true/false, on/off, 1/0)";
        QTest::newRow("queue not a uuid")
            << q + "queue_uuid = analyzer:1:x\n"
            << 2 << "Backscatter_Queue"
            << "queue_uuid"
            << "'analyzer:1:x' is not a version-4 UUID (as the D4 server's queue list shows it)";
        QTest::newRow("queue uuid v1")
            << q + "queue_uuid = 1b4a29c6-5c5e-1b35-9f6e-1a6c2f3d4e5f\n"
            << 2 << "Backscatter_Queue"
            << "queue_uuid"
            << "'1b4a29c6-5c5e-1b35-9f6e-1a6c2f3d4e5f' is not a version-4 UUID (as the D4 server's queue "
               "list shows it)";
        QTest::newRow("queue empty host") << q + "host =\n"
                                          << 2 << "Backscatter_Queue"
                                          << "host"
                                          << "must not be empty";
        QTest::newRow("queue port") << q + "port = 0\n"
                                    << 2 << "Backscatter_Queue"
                                    << "port"
                                    << "'0' is not an integer between 1 and 65535";
        QTest::newRow("queue db") << q + "db = 16\n"
                                  << 2 << "Backscatter_Queue"
                                  << "db"
                                  << "'16' is not an integer between 0 and 15";
        QTest::newRow("queue empty socket") << q + "unix_socket =\n"
                                            << 2 << "Backscatter_Queue"
                                            << "unix_socket"
                                            << "must not be empty";
        QTest::newRow("queue unknown key") << q + "queue = analyzer:1:x\n"
                                           << 2 << "Backscatter_Queue"
                                           << "queue"
                                           << "unknown key";
        // Checked once the file is read: the line is the section header's.
        QTest::newRow("queue enabled without uuid")
            << "[Backscatter]\n\n" + q + "enabled = yes\n"
            << 3 << "Backscatter_Queue"
            << "queue_uuid"
            << "missing: enabled = yes needs the UUID of a type-1 analyzer queue";
    }
    void rejected()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        ConfigError error;
        QVERIFY(!parse(text, error));
        QCOMPARE(error.toString(),
                 QStringLiteral("server.conf:%1: [%2] %3: %4").arg(line).arg(section, key, reason));
    }

    // The shipped sample documents these sections with their defaults.
    void shippedSample()
    {
        ConfigError error;
        const auto sample =
            ServerConfigLoader::load(QStringLiteral(D4_SOURCE_DIR "/installer/server.conf.sample"), error);
        QVERIFY2(sample, qPrintable(error.toString()));
        QVERIFY(sample->backscatter.enabled);
        QVERIFY(sample->backscatter.attacksFile);
        QCOMPARE(sample->backscatter.settings().thresholds, BackscatterSettings().thresholds);
        QCOMPARE(sample->backscatter.timeoutSeconds, 300);
        QVERIFY(sample->backscatter.prefixes.isEmpty());
        QCOMPARE(sample->backscatter.evidencePackets, 25);
        QCOMPARE(sample->backscatter.evidenceRecent, 25);
        QCOMPARE(sample->backscatter.evidenceMaxMb, 64);
        QCOMPARE(sample->backscatter.retentionDays, 30);
        QVERIFY(!sample->backscatterQueue.enabled);
    }
};

QTEST_APPLESS_MAIN(TestBackscatterConfig)
#include "tst_backscatterconfig.moc"
