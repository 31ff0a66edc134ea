// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The passive DNS sections of server.conf that configure input: [Passive_DNS_Queue] (a remote D4
// server's analyzer queue) and [Passive_DNS_Sensor:<uuid>] (per-sensor passivedns layouts). Every
// rejection names the file, the line and the key; the layouts read are the ones the parser applies.

#include <QTest>

#include "analyzers/passivedns/lineparser.h"
#include "config/serverconfig.h"

using namespace d4::config;
using d4::passivedns::LineParser;
using d4::passivedns::ParseResult;
using d4::passivedns::RejectReason;

namespace {

constexpr char kSensor[] = "3b4e0f5c9d2a4c8e9f1a2b3c4d5e6f70";
constexpr char kSensorDashed[] = "3B4E0F5C-9D2A-4C8E-9F1A-2B3C4D5E6F70";
constexpr char kQueue[] = "d42967c1-f7ad-464e-bbc7-4464c653d7a6";

std::optional<ServerConfig> parse(const QByteArray &text, ConfigError &error)
{
    return ServerConfigLoader::parse(text, QStringLiteral("server.conf"), error);
}

} // namespace

class TestPdnsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queueDefaults()
    {
        ConfigError error;
        const auto config = parse("", error);
        QVERIFY(config);
        QVERIFY(!config->pdnsQueue.enabled);
        QCOMPARE(config->pdnsQueue.redis.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->pdnsQueue.redis.port, 6380);
        QCOMPARE(config->pdnsQueue.redis.db, 2);
        QVERIFY(config->pdnsQueue.redis.unixSocket.isEmpty());
        QVERIFY(config->pdnsQueue.redis.password.isEmpty());
        QVERIFY(config->pdnsQueue.queueUuid.isEmpty());
        QVERIFY(config->pdnsQueue.sensorId.isEmpty());
        QCOMPARE(config->pdnsQueue.batchSize, 1000);
        QVERIFY(config->pdnsSensorLayouts.isEmpty());
    }

    void queueKeys()
    {
        ConfigError error;
        const auto config = parse(QByteArray("[Passive_DNS_Queue]\nenabled = yes\nhost = d4.example.org\n"
                                             "port = 6381\ndb = 5\npassword = secret\nqueue_uuid = ") +
                                      kQueue + "\nsensor_id = site-a/tap1\nbatch_size = 250\n",
                                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        QVERIFY(config->pdnsQueue.enabled);
        QCOMPARE(config->pdnsQueue.redis.host, QStringLiteral("d4.example.org"));
        QCOMPARE(config->pdnsQueue.redis.port, 6381);
        QCOMPARE(config->pdnsQueue.redis.db, 5);
        QCOMPARE(config->pdnsQueue.redis.password, QStringLiteral("secret"));
        QCOMPARE(config->pdnsQueue.queueUuid, QString::fromLatin1(kQueue));
        QCOMPARE(config->pdnsQueue.sensorId, QStringLiteral("site-a/tap1"));
        QCOMPARE(config->pdnsQueue.batchSize, 250);

        // A unix socket instead of host and port; the queue UUID is kept as written (no dashes here).
        const auto local = parse("[Passive_DNS_Queue]\nunix_socket = /run/d4/redis.sock\n"
                                 "queue_uuid = D42967C1F7AD464EBBC74464C653D7A6\n",
                                 error);
        QVERIFY2(local, qPrintable(error.toString()));
        QCOMPARE(local->pdnsQueue.redis.unixSocket, QStringLiteral("/run/d4/redis.sock"));
        QCOMPARE(local->pdnsQueue.queueUuid, QStringLiteral("D42967C1F7AD464EBBC74464C653D7A6"));
    }

    void queueRejected_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        const QByteArray uuid = QByteArray("queue_uuid = ") + kQueue + '\n';
        QTest::newRow("enabled not a boolean") << QByteArray("enabled = maybe\n") << 2 << "enabled"
                                               << "boolean";
        QTest::newRow("empty host") << QByteArray("host =\n") << 2 << "host"
                                    << "empty";
        QTest::newRow("port zero") << QByteArray("port = 0\n") << 2 << "port"
                                   << "between 1 and 65535";
        QTest::newRow("port too big") << QByteArray("\nport = 70000\n") << 3 << "port"
                                      << "between 1 and 65535";
        QTest::newRow("port not a number") << QByteArray("port = six\n") << 2 << "port"
                                           << "integer";
        QTest::newRow("db too big") << QByteArray("db = 16\n") << 2 << "db"
                                    << "between 0 and 15";
        QTest::newRow("queue not a uuid") << QByteArray("queue_uuid = my-queue\n") << 2 << "queue_uuid"
                                          << "version-4 UUID";
        QTest::newRow("queue not version 4")
            << QByteArray("queue_uuid = d42967c1-f7ad-164e-bbc7-4464c653d7a6\n") << 2 << "queue_uuid"
            << "version-4 UUID";
        QTest::newRow("sensor id with a space") << QByteArray("sensor_id = site a\n") << 2 << "sensor_id"
                                                << "spaces";
        QTest::newRow("sensor id too long")
            << QByteArray("sensor_id = " + QByteArray(129, 's') + '\n') << 2 << "sensor_id"
            << "128";
        QTest::newRow("batch size zero") << QByteArray("batch_size = 0\n") << 2 << "batch_size"
                                         << "between 1 and 100000";
        QTest::newRow("batch size too big") << QByteArray(uuid + "batch_size = 100001\n") << 3 << "batch_size"
                                            << "between 1 and 100000";
        QTest::newRow("unknown key") << QByteArray("queue = analyzer:8:x\n") << 2 << "queue"
                                     << "unknown key";
        // Checked once the file is read: the line is the section header's.
        QTest::newRow("enabled without queue")
            << QByteArray("enabled = yes\nport = 6380\n") << 1 << "queue_uuid"
            << "missing";
    }
    void queueRejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        ConfigError error;
        QVERIFY(!parse("[Passive_DNS_Queue]\n" + body, error));
        QCOMPARE(error.file, QStringLiteral("server.conf"));
        QCOMPARE(error.line, line);
        QCOMPARE(error.section, QStringLiteral("Passive_DNS_Queue"));
        QCOMPARE(error.key, key);
        QVERIFY2(error.message.contains(reason), qPrintable(error.toString()));
        QVERIFY(error.toString().startsWith(
            QStringLiteral("server.conf:%1: [Passive_DNS_Queue] %2: ").arg(line).arg(key)));
    }

    void layoutKeys()
    {
        ConfigError error;
        // [Passive_DNS] may come after the layout: its time zone is the default of every layout.
        const auto config = parse(QByteArray("[Passive_DNS_Sensor:") + kSensorDashed +
                                      "]\nfields = HcQTA\nseparator = \" |\\t\"\n"
                                      "[Passive_DNS_Sensor:0b4e0f5c9d2a4c8e9f1a2b3c4d5e6f71]\n"
                                      "format = json\ntime_zone = Asia/Tokyo\n"
                                      "[Passive_DNS_Sensor:1b4e0f5c9d2a4c8e9f1a2b3c4d5e6f72]\nseparator = ;\n"
                                      "[Passive_DNS]\ntime_zone = Europe/Luxembourg\n",
                                  error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->pdnsSensorLayouts.size(), 3);
        const auto custom = config->pdnsSensorLayouts.value(kSensor);
        QCOMPARE(custom.fields, QByteArray("HcQTA"));
        QCOMPARE(custom.separator, QByteArray(" |\t"));
        QVERIFY(!custom.jsonOnly);
        QCOMPARE(custom.timeZone.id(), QByteArray("Europe/Luxembourg"));
        const auto json = config->pdnsSensorLayouts.value("0b4e0f5c9d2a4c8e9f1a2b3c4d5e6f71");
        QVERIFY(json.jsonOnly);
        QCOMPARE(json.timeZone.id(), QByteArray("Asia/Tokyo"));
        const auto semicolon = config->pdnsSensorLayouts.value("1b4e0f5c9d2a4c8e9f1a2b3c4d5e6f72");
        QCOMPARE(semicolon.fields, QByteArray("SMcsCQTAtn")); // passivedns' default
        QCOMPARE(semicolon.separator, QByteArray(";"));
    }

    void layoutRejected_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        const QByteArray header = QByteArray("[Passive_DNS_Sensor:") + kSensor + "]\n";
        QTest::newRow("section not a uuid") << QByteArray("[Passive_DNS]\n[Passive_DNS_Sensor:sensor-1]\n")
                                            << 2 << QString() << "not a sensor UUID";
        QTest::newRow("same sensor twice")
            << QByteArray(header + "fields = ScQTA\n[Passive_DNS_Sensor:" + kSensorDashed + "]\n") << 3
            << QString() << "already has a layout";
        QTest::newRow("unknown letter") << QByteArray(header + "fields = ScQTAz\n") << 2 << "fields"
                                        << "unknown field letter 'z'";
        QTest::newRow("no answer letter") << QByteArray(header + "fields = ScQT\n") << 2 << "fields"
                                          << "Q, T and A";
        QTest::newRow("empty fields") << QByteArray(header + "fields =\n") << 2 << "fields"
                                      << "empty";
        QTest::newRow("empty separator") << QByteArray(header + "separator =\n") << 2 << "separator"
                                         << "empty";
        QTest::newRow("empty quoted separator")
            << QByteArray(header + "separator = \"\"\n") << 2 << "separator"
            << "empty";
        QTest::newRow("unterminated quote") << QByteArray(header + "\nseparator = \"||\n") << 3 << "separator"
                                            << "closing double quote";
        QTest::newRow("unknown escape") << QByteArray(header + "separator = \"\\n\"\n") << 2 << "separator"
                                        << "unknown escape";
        QTest::newRow("bare quote inside")
            << QByteArray(header + "separator = \"a\"b\"\n") << 2 << "separator"
            << "double quote inside";
        QTest::newRow("unknown format") << QByteArray(header + "format = csv\n") << 2 << "format"
                                        << "text or json";
        QTest::newRow("bad time zone")
            << QByteArray(header + "time_zone = Mars/Olympus\n") << 2 << "time_zone"
            << "not a time zone";
        QTest::newRow("unknown key") << QByteArray(header + "delimiter = ;\n") << 2 << "delimiter"
                                     << "unknown key";
        QTest::newRow("json with fields")
            << QByteArray(header + "fields = ScQTA\nformat = json\n") << 2 << "fields"
            << "format = json";
        QTest::newRow("json with separator")
            << QByteArray(header + "format = json\nseparator = ;\n") << 3 << "separator"
            << "format = json";
    }
    void layoutRejected()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        ConfigError error;
        QVERIFY(!parse(text, error));
        QCOMPARE(error.file, QStringLiteral("server.conf"));
        QCOMPARE(error.line, line);
        QVERIFY2(error.section.startsWith(QStringLiteral("Passive_DNS_Sensor:")),
                 qPrintable(error.toString()));
        QCOMPARE(error.key, key);
        QVERIFY2(error.message.contains(reason), qPrintable(error.toString()));
    }

    // What the configuration reads is what the parser applies: passivedns -f ScQTA -d ';' output
    // (a line it printed) is read with that layout, and format = json rejects a text line.
    void layoutAppliedByParser()
    {
        ConfigError error;
        const auto config = parse(
            QByteArray("[Passive_DNS_Sensor:") + kSensor +
                "]\nfields = ScQTA\nseparator = ;\n[Passive_DNS_Sensor:0b4e0f5c9d2a4c8e9f1a2b3c4d5e6f71]\n"
                "format = json\n",
            error);
        QVERIFY2(config, qPrintable(error.toString()));
        const LineParser custom(config->pdnsSensorLayouts.value(kSensor));
        const ParseResult record =
            custom.parse("1548624738;192.168.1.12;WWW.Example.COM.;CNAME;web.example.net.");
        QCOMPARE(record.kind, ParseResult::Kind::Record);
        QCOMPARE(record.record.seconds, 1548624738);
        QCOMPARE(record.record.rrname, QByteArray("www.example.com"));
        QCOMPARE(record.record.rrtype, 5);
        QCOMPARE(record.record.rdata, QByteArray("web.example.net"));
        // The default layout does not read it.
        QCOMPARE(LineParser().parse("1548624738;192.168.1.12;www.example.com.;CNAME;web.example.net.").kind,
                 ParseResult::Kind::Rejected);

        const LineParser json(config->pdnsSensorLayouts.value("0b4e0f5c9d2a4c8e9f1a2b3c4d5e6f71"));
        const ParseResult text =
            json.parse("1548624738.280922||192.168.1.12||8.8.8.8||IN||example.com.||A||192.0.2.1||299||1");
        QCOMPARE(text.kind, ParseResult::Kind::Rejected);
        QCOMPARE(text.reason, RejectReason::BadJson);
        const ParseResult object =
            json.parse("{\"timestamp_s\":1548624738,\"query\":\"example.com.\","
                       "\"type\":\"A\",\"answer\":\"192.0.2.1\",\"ttl\":299,\"count\":3}");
        QCOMPARE(object.kind, ParseResult::Kind::Record);
        QCOMPARE(object.record.count, 3);
    }
};

QTEST_GUILESS_MAIN(TestPdnsConfig)
#include "tst_pdnsconfig.moc"
