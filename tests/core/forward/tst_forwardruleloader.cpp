// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QTemporaryDir>
#include <QTest>

#include "config/serverconfig.h"

using namespace d4;
using namespace d4::config;
using namespace d4::forward;

namespace {

const QString kPin = QStringLiteral("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:"
                                    "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");

/** A minimal valid rule section with @p extra lines. */
QByteArray rule(const QByteArray &extra, const QByteArray &name = "share")
{
    return "[Forward:" + name +
           "]\npartner = partner.example.org:4443\npartner_uuid = 8C9A4E1F2B3D4C5E9F607A8B9C0D1E2F\n"
           "partner_key = shared secret\npartner_pin = " +
           kPin.toLatin1() + "\n" + extra + "\n";
}

std::optional<ServerConfig> parse(const QByteArray &text, ConfigError &error)
{
    return ServerConfigLoader::parse("[D4_Server]\nserver_port = 4443\n" + text,
                                     QStringLiteral("server.conf"), error);
}

} // namespace

class TestForwardRuleLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullRule()
    {
        ConfigError error;
        const auto config = parse(
            "[Sensor_Groups]\nedge = 11111111-2222-4333-8444-555555555555, "
            "66666666-7777-4888-9999-aaaaaaaaaaaa\n" +
                rule("type = 8\nqueues = 0f0e0d0c-0b0a-4908-8706-050403020100\nsensors = @edge, "
                     "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff\ndrop_zones = corp.internal., Lab.Example\n"
                     "keep_zones = example.org\nclient_fields = pseudonymise\npseudonym_key = "
                     "0123456789abcdef0123\ndrop_rrtypes = TXT, 99\nsample = 0.25\nack_interval_ms = 750\n"
                     "ack_max_mb = 4\nspool_max_mb = 64\npacket_size = 4096\nretry_max = 7"),
            error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->forwardRules.size(), 1);
        const ForwardRule &r = config->forwardRules.first();
        QCOMPARE(r.name, QStringLiteral("share"));
        QCOMPARE(r.type, 8);
        QCOMPARE(r.partner.server.host, QStringLiteral("partner.example.org"));
        QCOMPARE(r.partner.server.port, quint16(4443));
        QVERIFY(r.partner.pin.has_value());
        QCOMPARE(r.partnerUuid, QByteArray("8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f"));
        QCOMPARE(r.partnerKey, QByteArray("shared secret"));
        QCOMPARE(r.sources.size(), 2);
        QCOMPARE(r.sources[0].kind, ForwardSource::Kind::AnalyzerQueue);
        QCOMPARE(r.sources[0].queueUuid, QByteArray("0f0e0d0c-0b0a-4908-8706-050403020100"));
        QCOMPARE(r.sources[1].kind, ForwardSource::Kind::Sensors);
        QCOMPARE(r.sources[1].sensors.size(), 3);
        QVERIFY(r.lines.passiveDns); // the default for type 8
        QCOMPARE(r.lines.dropSuffixes,
                 (QStringList{QStringLiteral("corp.internal"), QStringLiteral("lab.example")}));
        QCOMPARE(r.lines.keepSuffixes, QStringList{QStringLiteral("example.org")});
        QCOMPARE(r.lines.clientFields, ClientFieldPolicy::Pseudonymise);
        QCOMPARE(r.lines.dropRrtypes, (QList<int>{16, 99}));
        QCOMPARE(r.lines.sampleRate, 0.25);
        QCOMPARE(r.ackInterval, std::chrono::milliseconds(750));
        QCOMPARE(r.ackBytes, quint64(4) << 20);
        QCOMPARE(r.spoolMaxBytes, quint64(64) << 20);
        QCOMPARE(r.snaplen, 4096u);
        QCOMPARE(r.partner.retryMax, std::chrono::seconds(7));
    }

    void pcapRuleAndCaFile()
    {
        QTemporaryDir dir;
        QFile ca(dir.filePath(QStringLiteral("partner-ca.pem")));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n");
        ca.close();
        ConfigError error;
        const auto config = ServerConfigLoader::parse(
            "[Forward:pcap]\ntype = 1\nsensors = *\npartner = [2001:db8::1]:4443\npartner_uuid = "
            "8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k\npartner_ca = partner-ca.pem\n"
            "pcap_filter = host 192.0.2.1 and not port 22\nsnap_length = 128\nlink_type = 1\n",
            dir.filePath(QStringLiteral("server.conf")), error);
        QVERIFY2(config, qPrintable(error.toString()));
        const ForwardRule &r = config->forwardRules.first();
        QVERIFY(r.isPcap());
        QCOMPARE(r.partner.server.host, QStringLiteral("2001:db8::1"));
        QCOMPARE(r.partner.rootCaPem, QByteArray("-----BEGIN CERTIFICATE-----\n"));
        QCOMPARE(r.pcap.expression, QStringLiteral("host 192.0.2.1 and not port 22"));
        QCOMPARE(r.pcap.snapLength, 128u);
        QVERIFY(r.sources.first().sensors.isEmpty()); // every sensor
        QVERIFY(!r.lines.passiveDns);
    }

    void noRules()
    {
        ConfigError error;
        const auto config = parse(QByteArray(), error);
        QVERIFY(config);
        QVERIFY(config->forwardRules.isEmpty());
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const QByteArray sensors = "sensors = *\n";
        QTest::newRow("unknown key") << rule(sensors + "colour = blue") << "colour"
                                     << "unknown key";
        QTest::newRow("bad type") << rule(sensors + "type = 2") << "type"
                                  << "not a forwardable type";
        QTest::newRow("bad queue") << rule("queues = nope") << "queues"
                                   << "not a queue UUID";
        QTest::newRow("bad sensor") << rule("sensors = 1234") << "sensors"
                                    << "not a sensor UUID";
        QTest::newRow("unknown group") << rule("sensors = @nobody") << "sensors"
                                       << "not a group";
        QTest::newRow("star mixed") << rule("sensors = *, 11111111-2222-4333-8444-555555555555") << "sensors"
                                    << "cannot be combined";
        QTest::newRow("bad partner") << QByteArray("[Forward:x]\npartner = nohost\n") << "partner"
                                     << "host:port";
        QTest::newRow("bad pin") << QByteArray("[Forward:x]\npartner_pin = 12:34\n") << "partner_pin"
                                 << "SHA-256";
        QTest::newRow("bad zone") << rule(sensors + "drop_zones = bad zone!") << "drop_zones"
                                  << "not a DNS zone";
        QTest::newRow("bad policy") << rule(sensors + "client_fields = hide") << "client_fields"
                                    << "keep, drop";
        QTest::newRow("short key") << rule(sensors + "pseudonym_key = short") << "pseudonym_key"
                                   << "16 characters";
        QTest::newRow("bad rrtype") << rule(sensors + "drop_rrtypes = NOTATYPE") << "drop_rrtypes"
                                    << "DNS type";
        QTest::newRow("bad sample") << rule(sensors + "sample = 1.5") << "sample"
                                    << "fraction";
        QTest::newRow("zero sample") << rule(sensors + "sample = 0") << "sample"
                                     << "fraction";
        QTest::newRow("bad ack") << rule(sensors + "ack_interval_ms = 5") << "ack_interval_ms"
                                 << "between 100";
        QTest::newRow("bad fields") << rule(sensors + "layout_fields = SMcs") << "layout_fields"
                                    << "Q, T and A";
        QTest::newRow("missing ca file") << rule(sensors + "partner_ca = /nonexistent/ca.pem") << "partner_ca"
                                         << "cannot read the CA file";
        QTest::newRow("bad group member") << QByteArray("[Sensor_Groups]\nedge = xyz\n") << "edge"
                                          << "not a sensor UUID";
    }

    void rejected()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, key);
        QFETCH(QString, message);
        ConfigError error;
        QVERIFY(!parse(text, error));
        QCOMPARE(error.key, key);
        QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
        QVERIFY(error.line > 0);
        QCOMPARE(error.file, QStringLiteral("server.conf"));
    }

    void rejectedRule_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no source") << rule("type = 8") << "no source";
        QTest::newRow("no partner") << QByteArray("[Forward:x]\nsensors = *\npartner_uuid = "
                                                  "8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k\n")
                                    << "missing key 'partner'";
        QTest::newRow("no uuid") << QByteArray("[Forward:x]\nsensors = *\npartner = h:1\npartner_key = k\n")
                                 << "missing key 'partner_uuid'";
        QTest::newRow("no key") << QByteArray("[Forward:x]\nsensors = *\npartner = h:1\npartner_uuid = "
                                              "8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\n")
                                << "missing key 'partner_key'";
        QTest::newRow("unverified") << QByteArray("[Forward:x]\nsensors = *\npartner = h:1\npartner_uuid = "
                                                  "8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k\n")
                                    << "not verified";
        QTest::newRow("254 without name") << rule("sensors = *\ntype = 254") << "needs 'extended_type'";
        QTest::newRow("name without 254")
            << rule("sensors = *\nextended_type = ja3-jl") << "only for type 254";
        QTest::newRow("pdns filter on type 3")
            << rule("sensors = *\ntype = 3\ndrop_zones = a.example") << "passive_dns = yes";
        QTest::newRow("pseudonymise without key")
            << rule("sensors = *\nclient_fields = pseudonymise") << "needs 'pseudonym_key'";
        QTest::newRow("pcap from queue") << rule("type = 1\nqueues = 0f0e0d0c-0b0a-4908-8706-050403020100")
                                         << "type-1 rule takes live sensors";
        QTest::newRow("line filter on pcap") << rule("type = 1\nsensors = *\nsample = 0.5") << "do not apply";
        QTest::newRow("pcap filter on lines")
            << rule("sensors = *\npcap_filter = tcp") << "only apply to type 1";
        QTest::newRow("bad name") << rule("sensors = *", "bad name!") << "rule name";
    }

    void rejectedRule()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        ConfigError error;
        QVERIFY(!parse(text, error));
        QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
        QVERIFY(error.section.startsWith(QStringLiteral("Forward:")));
        QVERIFY(error.line > 0);
    }
};

QTEST_GUILESS_MAIN(TestForwardRuleLoader)
#include "tst_forwardruleloader.moc"
