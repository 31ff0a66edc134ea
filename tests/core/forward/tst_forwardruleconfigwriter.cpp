// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "config/serverconfig.h"
#include "forward/forwardruleconfigwriter.h"

using namespace d4;
using namespace d4::config;
using namespace d4::forward;

namespace {

const QString kPin = QStringLiteral("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:"
                                    "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");

QByteArray sample()
{
    QFile file(QStringLiteral(D4_SERVER_CONF_SAMPLE));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", D4_SERVER_CONF_SAMPLE);
    }
    return file.readAll();
}

/** The installer's server.conf with a groups section, a rule and comments around it. */
QByteArray realLookingFile()
{
    return sample() +
           "\n# Partners\n[Sensor_Groups]\nedge = 11111111-2222-4333-8444-555555555555\n\n"
           "; shared with the CERT since 2024\n[Forward:cert]\npartner = cert.example:4443\n"
           "partner_uuid = 8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\n# inner comment\npartner_key = k1\n"
           "partner_pin = " +
           kPin.toLatin1() +
           "\nsensors = @edge\n\n# the last section\n[Forward:last]\npartner = last.example:4443\n"
           "partner_uuid = 9c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k2\npartner_insecure = yes\n"
           "sensors = *\n";
}

IniKeys minimalKeys(const QString &host)
{
    return {{QStringLiteral("type"), QStringLiteral("3")},
            {QStringLiteral("sensors"), QStringLiteral("@edge")},
            {QStringLiteral("partner"), host + QStringLiteral(":4443")},
            {QStringLiteral("partner_uuid"), QStringLiteral("0f0e0d0c-0b0a-4908-8706-050403020100")},
            {QStringLiteral("partner_key"), QStringLiteral("secret typed by the user")},
            {QStringLiteral("partner_insecure"), QStringLiteral("yes")}};
}

std::optional<ServerConfig> load(const QByteArray &text, ConfigError &error)
{
    return ServerConfigLoader::parse(text, QStringLiteral("server.conf"), error);
}

const ForwardRule *findRule(const ServerConfig &config, const QString &name)
{
    for (const ForwardRule &rule : config.forwardRules) {
        if (rule.name == name) {
            return &rule;
        }
    }
    return nullptr;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(text), text.size());
}

} // namespace

class TestForwardRuleConfigWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleLoads()
    {
        ConfigError error;
        QVERIFY2(load(realLookingFile(), error), qPrintable(error.toString()));
    }

    void addKeepsTheRestAndAppends()
    {
        const QByteArray before = realLookingFile();
        const QByteArray after = ForwardRuleConfigWriter::replaceSection(
            before, QStringLiteral("new"), minimalKeys(QStringLiteral("new.example")));
        QVERIFY(after.startsWith(before));
        QCOMPARE(after.mid(before.size()), QByteArray("\n[Forward:new]\ntype = 3\nsensors = @edge\n"
                                                      "partner = new.example:4443\n"
                                                      "partner_uuid = 0f0e0d0c-0b0a-4908-8706-050403020100\n"
                                                      "partner_key = secret typed by the user\n"
                                                      "partner_insecure = yes\n"));
        ConfigError error;
        const auto config = load(after, error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->forwardRules.size(), 3);
        QCOMPARE(findRule(*config, QStringLiteral("new"))->partnerKey,
                 QByteArray("secret typed by the user"));
    }

    void replaceKeepsPlaceAndFollowingComments()
    {
        const QByteArray before = realLookingFile();
        const QByteArray after = ForwardRuleConfigWriter::replaceSection(
            before, QStringLiteral("cert"), minimalKeys(QStringLiteral("cert2.example")));
        const qsizetype header = before.indexOf("[Forward:cert]");
        const qsizetype following = before.indexOf("\n# the last section");
        QVERIFY(header > 0 && following > header);
        QVERIFY(after.startsWith(before.left(header)));
        QVERIFY(after.endsWith(before.mid(following)));
        QVERIFY(!after.contains("# inner comment")); // the section's own content is replaced
        QVERIFY(after.contains("[Forward:cert]\ntype = 3\n"));
        ConfigError error;
        const auto config = load(after, error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->forwardRules.size(), 2);
        QCOMPARE(findRule(*config, QStringLiteral("cert"))->partner.server.host,
                 QStringLiteral("cert2.example"));
    }

    void removeKeepsTheRest()
    {
        const QByteArray before = realLookingFile();
        const QByteArray after =
            ForwardRuleConfigWriter::replaceSection(before, QStringLiteral("cert"), std::nullopt);
        const qsizetype header = before.indexOf("[Forward:cert]");
        const qsizetype following = before.indexOf("# the last section");
        QCOMPARE(after, before.left(header) + before.mid(following));
        ConfigError error;
        const auto config = load(after, error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->forwardRules.size(), 1);
        QCOMPARE(config->forwardRules.first().name, QStringLiteral("last"));

        // The last section of the file, too.
        const QByteArray withoutLast =
            ForwardRuleConfigWriter::replaceSection(before, QStringLiteral("last"), std::nullopt);
        QCOMPARE(withoutLast, before.left(before.indexOf("[Forward:last]")));
    }

    void crlfFileStaysCrlf()
    {
        const QByteArray before = "[D4_Server]\r\nserver_port = 4443\r\n";
        const QByteArray after = ForwardRuleConfigWriter::replaceSection(
            before, QStringLiteral("x"), minimalKeys(QStringLiteral("x.example")));
        QVERIFY(after.startsWith(before));
        QCOMPARE(after.count("\n"), after.count("\r\n"));
    }

    void sectionKeysAsWritten()
    {
        const auto keys = ForwardRuleConfigWriter::sectionKeys(realLookingFile(), QStringLiteral("cert"));
        QVERIFY(keys);
        QCOMPARE(keys->size(), 5);
        QCOMPARE(keys->at(4), (QPair<QString, QString>(QStringLiteral("sensors"), QStringLiteral("@edge"))));
        QVERIFY(!ForwardRuleConfigWriter::sectionKeys(realLookingFile(), QStringLiteral("none")));
    }

    void roundTrip()
    {
        ConfigError error;
        const QByteArray original =
            "[D4_Server]\nserver_port = 4443\n[Forward:full]\ntype = 8\n"
            "queues = 0f0e0d0c-0b0a-4908-8706-050403020100\n"
            "sensors = bbbbbbbb-cccc-4ddd-8eee-ffffffffffff, 11111111-2222-4333-8444-555555555555\n"
            "partner = [2001:db8::1]:4443\npartner_uuid = 8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\n"
            "partner_key = shared secret\npartner_pin = " +
            kPin.toLatin1() +
            "\nretry_max = 7\nlayout_fields = SMcsCQTAtnw\nlayout_separator = ;\n"
            "drop_zones = corp.internal, lab.example\nkeep_zones = example.org\n"
            "client_fields = pseudonymise\npseudonym_key = 0123456789abcdef0123\ndrop_rrtypes = TXT, 99\n"
            "sample = 0.1\nspool_directory = /var/spool/d4\nspool_max_mb = 64\nack_interval_ms = 750\n"
            "ack_max_mb = 4\npacket_size = 4096\nenabled = no\n"
            "[Forward:pcap]\ntype = 1\nsensors = *\npartner = p.example:4443\n"
            "partner_uuid = 9c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k\npartner_insecure = yes\n"
            "pcap_filter = udp port 53\nsnap_length = 128\nlink_type = 101\n"
            "[Forward:ext]\ntype = 254\nextended_type = ja3-jl\npassive_dns = no\nsensors = *\n"
            "partner = p.example:4443\npartner_uuid = 9c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f\npartner_key = k\n"
            "partner_insecure = yes\n";
        const auto config = load(original, error);
        QVERIFY2(config, qPrintable(error.toString()));
        QCOMPARE(config->forwardRules.size(), 3);
        QByteArray rendered = "[D4_Server]\nserver_port = 4443\n";
        for (const ForwardRule &rule : config->forwardRules) {
            rendered = ForwardRuleConfigWriter::replaceSection(rendered, rule.name,
                                                               ForwardRuleConfigWriter::render(rule));
        }
        const auto again = load(rendered, error);
        QVERIFY2(again, qPrintable(error.toString() + QLatin1Char('\n') + QString::fromUtf8(rendered)));
        QCOMPARE(again->forwardRules.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            const ForwardRule &a = config->forwardRules.at(i);
            const ForwardRule &b = again->forwardRules.at(i);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.enabled, a.enabled);
            QCOMPARE(b.type, a.type);
            QCOMPARE(b.extendedType, a.extendedType);
            QCOMPARE(b.sources.size(), a.sources.size());
            for (qsizetype s = 0; s < a.sources.size(); ++s) {
                QCOMPARE(b.sources[s].kind, a.sources[s].kind);
                QCOMPARE(b.sources[s].queueUuid, a.sources[s].queueUuid);
                QCOMPARE(b.sources[s].sensors, a.sources[s].sensors);
            }
            QCOMPARE(b.partner.server.host, a.partner.server.host);
            QCOMPARE(b.partner.server.port, a.partner.server.port);
            QCOMPARE(b.partner.pin, a.partner.pin);
            QCOMPARE(b.partner.insecure, a.partner.insecure);
            QCOMPARE(b.partner.retryMax, a.partner.retryMax);
            QCOMPARE(b.partnerUuid, a.partnerUuid);
            QCOMPARE(b.partnerKey, a.partnerKey);
            QCOMPARE(b.lines.passiveDns, a.lines.passiveDns);
            QCOMPARE(b.lines.fields, a.lines.fields);
            QCOMPARE(b.lines.separator, a.lines.separator);
            QCOMPARE(b.lines.dropSuffixes, a.lines.dropSuffixes);
            QCOMPARE(b.lines.keepSuffixes, a.lines.keepSuffixes);
            QCOMPARE(b.lines.clientFields, a.lines.clientFields);
            QCOMPARE(b.lines.pseudonymKey, a.lines.pseudonymKey);
            QCOMPARE(b.lines.dropRrtypes, a.lines.dropRrtypes);
            QCOMPARE(b.lines.sampleRate, a.lines.sampleRate);
            QCOMPARE(b.pcap.expression, a.pcap.expression);
            QCOMPARE(b.pcap.snapLength, a.pcap.snapLength);
            QCOMPARE(b.pcap.linkType, a.pcap.linkType);
            QCOMPARE(b.spoolDirectory, a.spoolDirectory);
            QCOMPARE(b.spoolMaxBytes, a.spoolMaxBytes);
            QCOMPARE(b.ackInterval, a.ackInterval);
            QCOMPARE(b.ackBytes, a.ackBytes);
            QCOMPARE(b.snaplen, a.snaplen);
        }
        // Defaults are left out.
        QVERIFY(!rendered.contains("link_type = 1\n"));
        QVERIFY(!rendered.contains("packet_size = 65535"));
    }

    void updateFileWritesAndKeepsPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        writeFile(path, realLookingFile());
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        ConfigError error;
        QVERIFY2(ForwardRuleConfigWriter::updateFile(path, QStringLiteral("new"),
                                                     minimalKeys(QStringLiteral("new.example")), error),
                 qPrintable(error.toString()));
        QVERIFY(readFile(path).contains("[Forward:new]\n"));
        const QFile::Permissions others =
            QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        QCOMPARE(QFile::permissions(path) & others, QFile::Permissions(QFile::ReadGroup));
        QVERIFY(ForwardRuleConfigWriter::updateFile(path, QStringLiteral("new"), std::nullopt, error));
        QCOMPARE(readFile(path), realLookingFile());
    }

    void newFileIsCreatedPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        ConfigError error;
        IniKeys keys = minimalKeys(QStringLiteral("new.example"));
        keys[1].second = QStringLiteral("*");
        QVERIFY2(ForwardRuleConfigWriter::updateFile(path, QStringLiteral("new"), keys, error),
                 qPrintable(error.toString()));
        QVERIFY(readFile(path).startsWith("[Forward:new]\n"));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void invalidRuleRefusedFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        writeFile(path, realLookingFile());
        IniKeys keys = minimalKeys(QStringLiteral("bad.example"));
        keys[3].second = QStringLiteral("not-a-uuid");
        ConfigError error;
        QVERIFY(!ForwardRuleConfigWriter::updateFile(path, QStringLiteral("cert"), keys, error));
        QCOMPARE(error.key, QStringLiteral("partner_uuid"));
        QCOMPARE(error.file, path);
        QVERIFY(error.line > 0);
        QVERIFY2(error.toString().contains(QStringLiteral("not a UUID")), qPrintable(error.toString()));
        QCOMPARE(readFile(path), realLookingFile());
    }

    void missingKeyRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        writeFile(path, realLookingFile());
        IniKeys keys = minimalKeys(QStringLiteral("bad.example"));
        keys.removeAt(2); // partner
        ConfigError error;
        QVERIFY(!ForwardRuleConfigWriter::updateFile(path, QStringLiteral("new"), keys, error));
        QVERIFY2(error.message.contains(QStringLiteral("partner")), qPrintable(error.toString()));
        QCOMPARE(readFile(path), realLookingFile());
    }

    void multiLineValueRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        writeFile(path, realLookingFile());
        IniKeys keys = minimalKeys(QStringLiteral("new.example"));
        keys[4].second = QStringLiteral("two\nlines");
        ConfigError error;
        QVERIFY(!ForwardRuleConfigWriter::updateFile(path, QStringLiteral("new"), keys, error));
        QCOMPARE(error.key, QStringLiteral("partner_key"));
        QCOMPARE(readFile(path), realLookingFile());
    }
};

QTEST_GUILESS_MAIN(TestForwardRuleConfigWriter)
#include "tst_forwardruleconfigwriter.moc"
