// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "forward/forwardrulejson.h"

using d4::forward::ClientFieldPolicy;
using d4::forward::ForwardRule;
using d4::forward::ForwardRuleJson;
using d4::forward::ForwardSource;

namespace {

/** A rule where every field differs from its default. */
ForwardRule fullRule()
{
    ForwardRule rule;
    rule.name = QStringLiteral("cert-eu_1");
    rule.enabled = false;
    rule.type = 254;
    rule.extendedType = "ja3-jl";
    ForwardSource queue;
    queue.kind = ForwardSource::Kind::AnalyzerQueue;
    queue.queueUuid = "4f1b2e6c-0c5c-4c57-9c4e-1b9a3c2d7e11";
    ForwardSource sensors;
    sensors.kind = ForwardSource::Kind::Sensors;
    sensors.sensors = {"0b4a7c6e-9a0f-4d6c-8d2b-5b1f2a3c4d5e", "c4b1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e"};
    ForwardSource everySensor;
    everySensor.kind = ForwardSource::Kind::Sensors;
    rule.sources = {queue, sensors, everySensor};
    rule.partner.server.host = QStringLiteral("d4.partner.example");
    rule.partner.server.port = 4443;
    rule.partner.rootCaPem = "-----BEGIN CERTIFICATE-----\nSECRETCA\n-----END CERTIFICATE-----\n";
    d4::sensor::Sha256Fingerprint pin{};
    for (std::size_t i = 0; i < pin.size(); ++i) {
        pin[i] = std::uint8_t(i * 7 + 1);
    }
    rule.partner.pin = pin;
    rule.partner.insecure = true;
    rule.partner.retryMax = std::chrono::seconds(120);
    rule.partner.retryLimit = 9;
    rule.partner.connectTimeout = std::chrono::milliseconds(1500);
    rule.partner.stallTimeout = std::chrono::milliseconds(25000);
    rule.partner.lingerTimeout = std::chrono::milliseconds(700);
    rule.partnerUuid = "9e2a4c1b-7d3f-4e5a-8b6c-0d1e2f3a4b5c";
    rule.partnerKey = "partner-hmac-SECRET";
    rule.lines.passiveDns = true;
    rule.lines.fields = "TQAts";
    rule.lines.separator = ";";
    rule.lines.dropSuffixes = {QStringLiteral("internal.example"), QStringLiteral("corp.example.")};
    rule.lines.keepSuffixes = {QStringLiteral("example.org")};
    rule.lines.clientFields = ClientFieldPolicy::Pseudonymise;
    rule.lines.pseudonymKey = "pseudonym-SECRET";
    rule.lines.dropRrtypes = {16, 99};
    rule.lines.sampleRate = 0.25;
    rule.pcap.expression = QStringLiteral("udp port 53 and not host 10.0.0.1");
    rule.pcap.snapLength = 256;
    rule.pcap.linkType = 101;
    rule.spoolDirectory = QStringLiteral("/var/spool/d4/cert-eu");
    rule.spoolMaxBytes = quint64{5} << 30;
    rule.ackInterval = std::chrono::milliseconds(2500);
    rule.ackBytes = quint64{3} << 20;
    rule.snaplen = 4096;
    return rule;
}

QJsonObject validObject()
{
    return ForwardRuleJson::toJson(fullRule());
}

QJsonObject withoutKey(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

QJsonObject withValue(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

/** @p object with @p key of its sub-object @p parent set (or removed when @p value is undefined). */
QJsonObject withNested(QJsonObject object, const QString &parent, const QString &key, const QJsonValue &value)
{
    QJsonObject child = object.value(parent).toObject();
    if (value.isUndefined()) {
        child.remove(key);
    } else {
        child.insert(key, value);
    }
    object.insert(parent, child);
    return object;
}

QJsonObject withSource(QJsonObject object, const QJsonValue &source)
{
    object.insert(QStringLiteral("sources"), QJsonArray{source});
    return object;
}

} // namespace

class TestForwardRuleJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryFieldButSecrets()
    {
        const ForwardRule rule = fullRule();
        const QByteArray text = QJsonDocument(ForwardRuleJson::toJson(rule)).toJson(QJsonDocument::Compact);
        const QJsonDocument parsed = QJsonDocument::fromJson(text);
        QVERIFY(parsed.isObject());
        const std::optional<ForwardRule> back = ForwardRuleJson::fromJson(parsed.object());
        QVERIFY(back.has_value());

        QCOMPARE(back->name, rule.name);
        QCOMPARE(back->enabled, rule.enabled);
        QCOMPARE(back->type, rule.type);
        QCOMPARE(back->extendedType, rule.extendedType);
        QCOMPARE(back->sources.size(), 3);
        for (qsizetype i = 0; i < rule.sources.size(); ++i) {
            QCOMPARE(back->sources[i].kind, rule.sources[i].kind);
            QCOMPARE(back->sources[i].queueUuid, rule.sources[i].queueUuid);
            QCOMPARE(back->sources[i].sensors, rule.sources[i].sensors);
        }
        QCOMPARE(back->partner.server, rule.partner.server);
        QVERIFY(back->partner.pin.has_value());
        QVERIFY(*back->partner.pin == *rule.partner.pin);
        QCOMPARE(back->partner.insecure, rule.partner.insecure);
        QCOMPARE(back->partner.retryMax.count(), rule.partner.retryMax.count());
        QCOMPARE(back->partner.retryLimit, rule.partner.retryLimit);
        QCOMPARE(back->partner.connectTimeout.count(), rule.partner.connectTimeout.count());
        QCOMPARE(back->partner.stallTimeout.count(), rule.partner.stallTimeout.count());
        QCOMPARE(back->partner.lingerTimeout.count(), rule.partner.lingerTimeout.count());
        QCOMPARE(back->partnerUuid, rule.partnerUuid);
        QCOMPARE(back->lines.passiveDns, rule.lines.passiveDns);
        QCOMPARE(back->lines.fields, rule.lines.fields);
        QCOMPARE(back->lines.separator, rule.lines.separator);
        QCOMPARE(back->lines.dropSuffixes, rule.lines.dropSuffixes);
        QCOMPARE(back->lines.keepSuffixes, rule.lines.keepSuffixes);
        QCOMPARE(back->lines.clientFields, rule.lines.clientFields);
        QCOMPARE(back->lines.dropRrtypes, rule.lines.dropRrtypes);
        QCOMPARE(back->lines.sampleRate, rule.lines.sampleRate);
        QCOMPARE(back->pcap.expression, rule.pcap.expression);
        QCOMPARE(back->pcap.snapLength, rule.pcap.snapLength);
        QCOMPARE(back->pcap.linkType, rule.pcap.linkType);
        QCOMPARE(back->spoolDirectory, rule.spoolDirectory);
        QCOMPARE(back->spoolMaxBytes, rule.spoolMaxBytes);
        QCOMPARE(back->ackInterval.count(), rule.ackInterval.count());
        QCOMPARE(back->ackBytes, rule.ackBytes);
        QCOMPARE(back->snaplen, rule.snaplen);

        // The secrets do not travel: the parsed rule has none.
        QVERIFY(back->partnerKey.isEmpty());
        QVERIFY(back->lines.pseudonymKey.isEmpty());
        QVERIFY(back->partner.rootCaPem.isEmpty());
    }

    void defaultsRoundTrip()
    {
        ForwardRule rule;
        rule.name = QStringLiteral("plain");
        rule.partner.server = {QStringLiteral("::1"), 4443};
        rule.partnerUuid = "9e2a4c1b-7d3f-4e5a-8b6c-0d1e2f3a4b5c";
        const std::optional<ForwardRule> back = ForwardRuleJson::fromJson(ForwardRuleJson::toJson(rule));
        QVERIFY(back.has_value());
        QVERIFY(!back->partner.pin.has_value());
        QVERIFY(back->sources.isEmpty());
        QCOMPARE(back->lines.clientFields, ClientFieldPolicy::Keep);
        QCOMPARE(back->lines.fields, rule.lines.fields);
        QCOMPARE(back->spoolMaxBytes, rule.spoolMaxBytes);
        QCOMPARE(back->partner.server, rule.partner.server);
    }

    void secretsNeverInJson()
    {
        const QByteArray text = QJsonDocument(ForwardRuleJson::toJson(fullRule())).toJson();
        QVERIFY(!text.contains("SECRET"));
        QVERIFY(!text.contains("CERTIFICATE"));
        QVERIFY(!text.contains("key"));
    }

    void optionalKeysMayBeAbsent()
    {
        QJsonObject object = validObject();
        for (const char *key : {"enabled", "extended_type", "lines", "pcap", "spool_directory",
                                "spool_max_bytes", "ack_interval_ms", "ack_bytes", "snaplen"}) {
            object.remove(QLatin1StringView(key));
        }
        const std::optional<ForwardRule> rule = ForwardRuleJson::fromJson(object);
        QVERIFY(rule.has_value());
        QCOMPARE(rule->enabled, true);
        QCOMPARE(rule->snaplen, quint32(65535));
        QCOMPARE(rule->lines.sampleRate, 1.0);
    }

    void rejectsInvalidObjects_data()
    {
        QTest::addColumn<QJsonObject>("object");
        const QJsonObject valid = validObject();
        const QString partner = QStringLiteral("partner");
        const QString lines = QStringLiteral("lines");
        const QString pcap = QStringLiteral("pcap");
        QTest::newRow("empty object") << QJsonObject();
        QTest::newRow("name missing") << withoutKey(valid, QStringLiteral("name"));
        QTest::newRow("name not a string") << withValue(valid, QStringLiteral("name"), 7);
        QTest::newRow("name empty") << withValue(valid, QStringLiteral("name"), QString());
        QTest::newRow("type missing") << withoutKey(valid, QStringLiteral("type"));
        QTest::newRow("type not a number") << withValue(valid, QStringLiteral("type"), QStringLiteral("8"));
        QTest::newRow("type unsupported") << withValue(valid, QStringLiteral("type"), 2);
        QTest::newRow("sources missing") << withoutKey(valid, QStringLiteral("sources"));
        QTest::newRow("sources not an array") << withValue(valid, QStringLiteral("sources"), QJsonObject());
        QTest::newRow("source not an object") << withSource(valid, QStringLiteral("queue"));
        QTest::newRow("source kind unknown")
            << withSource(valid, QJsonObject{{QStringLiteral("kind"), QStringLiteral("file")}});
        QTest::newRow("queue source without queue")
            << withSource(valid, QJsonObject{{QStringLiteral("kind"), QStringLiteral("analyzer_queue")}});
        QTest::newRow("queue source queue not a string")
            << withSource(valid, QJsonObject{{QStringLiteral("kind"), QStringLiteral("analyzer_queue")},
                                             {QStringLiteral("queue"), 12}});
        QTest::newRow("sensors not an array")
            << withSource(valid, QJsonObject{{QStringLiteral("kind"), QStringLiteral("sensors")},
                                             {QStringLiteral("sensors"), QStringLiteral("a")}});
        QTest::newRow("sensor not a string")
            << withSource(valid, QJsonObject{{QStringLiteral("kind"), QStringLiteral("sensors")},
                                             {QStringLiteral("sensors"), QJsonArray{1}}});
        QTest::newRow("partner missing") << withoutKey(valid, partner);
        QTest::newRow("partner not an object") << withValue(valid, partner, QStringLiteral("h:1"));
        QTest::newRow("partner host missing")
            << withNested(valid, partner, QStringLiteral("host"), QJsonValue());
        QTest::newRow("partner host not a string") << withNested(valid, partner, QStringLiteral("host"), 1);
        QTest::newRow("partner host empty") << withNested(valid, partner, QStringLiteral("host"), QString());
        QTest::newRow("partner port missing")
            << withNested(valid, partner, QStringLiteral("port"), QJsonValue());
        QTest::newRow("partner port not a number")
            << withNested(valid, partner, QStringLiteral("port"), QStringLiteral("4443"));
        QTest::newRow("partner port zero") << withNested(valid, partner, QStringLiteral("port"), 0);
        QTest::newRow("partner port too large") << withNested(valid, partner, QStringLiteral("port"), 65536);
        QTest::newRow("partner port fractional")
            << withNested(valid, partner, QStringLiteral("port"), 4443.5);
        QTest::newRow("partner pin invalid")
            << withNested(valid, partner, QStringLiteral("pin"), QStringLiteral("AB:CD"));
        QTest::newRow("partner insecure not a bool")
            << withNested(valid, partner, QStringLiteral("insecure"), QStringLiteral("yes"));
        QTest::newRow("partner retry_max_s negative")
            << withNested(valid, partner, QStringLiteral("retry_max_s"), -1);
        QTest::newRow("partner retry_limit not a number")
            << withNested(valid, partner, QStringLiteral("retry_limit"), true);
        QTest::newRow("partner connect_timeout_ms negative")
            << withNested(valid, partner, QStringLiteral("connect_timeout_ms"), -5);
        QTest::newRow("partner stall_timeout_ms not a number")
            << withNested(valid, partner, QStringLiteral("stall_timeout_ms"), QStringLiteral("60s"));
        QTest::newRow("partner linger_timeout_ms fractional")
            << withNested(valid, partner, QStringLiteral("linger_timeout_ms"), 0.5);
        QTest::newRow("partner_uuid missing") << withoutKey(valid, QStringLiteral("partner_uuid"));
        QTest::newRow("partner_uuid not a string") << withValue(valid, QStringLiteral("partner_uuid"), 1);
        QTest::newRow("enabled not a bool") << withValue(valid, QStringLiteral("enabled"), 1);
        QTest::newRow("extended_type not a string") << withValue(valid, QStringLiteral("extended_type"), 1);
        QTest::newRow("lines not an object") << withValue(valid, lines, QJsonArray());
        QTest::newRow("lines passive_dns not a bool")
            << withNested(valid, lines, QStringLiteral("passive_dns"), 1);
        QTest::newRow("lines fields not a string") << withNested(valid, lines, QStringLiteral("fields"), 1);
        QTest::newRow("lines separator not a string")
            << withNested(valid, lines, QStringLiteral("separator"), 1);
        QTest::newRow("lines drop_suffixes not an array")
            << withNested(valid, lines, QStringLiteral("drop_suffixes"), QStringLiteral("a.example"));
        QTest::newRow("lines keep_suffixes element not a string")
            << withNested(valid, lines, QStringLiteral("keep_suffixes"), QJsonArray{QJsonValue(false)});
        QTest::newRow("lines client_fields unknown")
            << withNested(valid, lines, QStringLiteral("client_fields"), QStringLiteral("hash"));
        QTest::newRow("lines client_fields not a string")
            << withNested(valid, lines, QStringLiteral("client_fields"), 2);
        QTest::newRow("lines drop_rrtypes not an array")
            << withNested(valid, lines, QStringLiteral("drop_rrtypes"), 16);
        QTest::newRow("lines drop_rrtypes element not a number")
            << withNested(valid, lines, QStringLiteral("drop_rrtypes"), QJsonArray{QStringLiteral("TXT")});
        QTest::newRow("lines drop_rrtypes element out of range")
            << withNested(valid, lines, QStringLiteral("drop_rrtypes"), QJsonArray{65536});
        QTest::newRow("lines sample_rate zero") << withNested(valid, lines, QStringLiteral("sample_rate"), 0);
        QTest::newRow("lines sample_rate above one")
            << withNested(valid, lines, QStringLiteral("sample_rate"), 1.5);
        QTest::newRow("lines sample_rate not a number")
            << withNested(valid, lines, QStringLiteral("sample_rate"), QStringLiteral("0.5"));
        QTest::newRow("pcap not an object") << withValue(valid, pcap, 1);
        QTest::newRow("pcap expression not a string")
            << withNested(valid, pcap, QStringLiteral("expression"), 1);
        QTest::newRow("pcap snap_length negative")
            << withNested(valid, pcap, QStringLiteral("snap_length"), -1);
        QTest::newRow("pcap link_type not a number")
            << withNested(valid, pcap, QStringLiteral("link_type"), QStringLiteral("EN10MB"));
        QTest::newRow("spool_directory not a string")
            << withValue(valid, QStringLiteral("spool_directory"), 1);
        QTest::newRow("spool_max_bytes negative") << withValue(valid, QStringLiteral("spool_max_bytes"), -1);
        QTest::newRow("ack_interval_ms not a number")
            << withValue(valid, QStringLiteral("ack_interval_ms"), QStringLiteral("5s"));
        QTest::newRow("ack_bytes fractional") << withValue(valid, QStringLiteral("ack_bytes"), 1.5);
        QTest::newRow("snaplen zero") << withValue(valid, QStringLiteral("snaplen"), 0);
        QTest::newRow("snaplen too large") << withValue(valid, QStringLiteral("snaplen"), 4294967296.0);
    }

    void rejectsInvalidObjects()
    {
        QFETCH(QJsonObject, object);
        QVERIFY(ForwardRuleJson::fromJson(validObject()).has_value()); // the base object is valid
        QVERIFY(!ForwardRuleJson::fromJson(object).has_value());
    }
};

QTEST_GUILESS_MAIN(TestForwardRuleJson)
#include "tst_forwardrulejson.moc"
