// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "protocol/uuid.h"
#include "sensor/sensorconfig.h"

using d4::sensor::ConfigError;
using d4::sensor::SensorConfig;

namespace {

constexpr char kUuid[] = "1d940331-9fc9-4381-8fc9-3b624db66025";

/** A configuration directory that starts valid: type 1, a key and a uuid. */
class ConfigDir final
{
public:
    ConfigDir()
    {
        write("type", "1\n");
        write("key", "private key to change\n");
        write("uuid", QByteArray(kUuid) + '\n');
    }

    void write(const char *name, const QByteArray &content) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
    }

    void remove(const char *name) const { QVERIFY(QFile::remove(path(name))); }

    QByteArray read(const char *name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QString path(const char *name = nullptr) const
    {
        return name ? m_dir.filePath(QString::fromLatin1(name)) : m_dir.path();
    }

    d4::sensor::Result<SensorConfig, ConfigError> load() const { return SensorConfig::load(m_dir.path()); }

private:
    QTemporaryDir m_dir;
};

} // namespace

/** Asserts that @p result is an error with @p code about @p file whose message names the file. */
#define EXPECT_REJECTED(result, expectedCode, expectedFile)                                                  \
    do {                                                                                                     \
        const auto &r_ = (result);                                                                           \
        QVERIFY2(!r_.hasValue(), "the configuration was accepted");                                          \
        QCOMPARE(r_.error().code, expectedCode);                                                             \
        QCOMPARE(r_.error().file, QStringLiteral(expectedFile));                                             \
        QVERIFY2(r_.error().message.contains(QStringLiteral(expectedFile)), qPrintable(r_.error().message)); \
    } while (false)

class TestSensorConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalConfigurationHasDefaults()
    {
        ConfigDir dir;
        const auto config = dir.load();
        QVERIFY2(config.hasValue(), config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->type, 1);
        QCOMPARE(config->version, 1);
        QCOMPARE(config->snaplen, 4096u);
        QCOMPARE(config->key, QByteArray("private key to change"));
        QCOMPARE(d4::protocol::uuidToDashed(config->uuid), std::string(kUuid));
        QVERIFY(!config->uuidGenerated);
        QCOMPARE(config->source, SensorConfig::Source::Stdin);
        QCOMPARE(config->destination, SensorConfig::Destination::Stdout);
        QVERIFY(config->metaHeader.isEmpty());
    }

    void missingDirectoryIsRejected()
    {
        const auto config = SensorConfig::load(QStringLiteral("/nonexistent/d4-sensor-config"));
        QVERIFY(!config);
        QCOMPARE(config.error().code, ConfigError::Code::NoDirectory);
        QVERIFY(config.error().message.contains(QStringLiteral("/nonexistent/d4-sensor-config")));
        QCOMPARE(SensorConfig::load(QString()).error().code, ConfigError::Code::NoDirectory);
    }

    void fileInsteadOfDirectoryIsRejected()
    {
        ConfigDir dir;
        QCOMPARE(SensorConfig::load(dir.path("type")).error().code, ConfigError::Code::NoDirectory);
    }

    void missingTypeIsRejected()
    {
        ConfigDir dir;
        dir.remove("type");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::MissingFile, "type");
    }

    void emptyTypeIsRejected()
    {
        ConfigDir dir;
        dir.write("type", "\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::MissingFile, "type");
    }

    void badTypeIsRejected_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("256") << QByteArray("256");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("word") << QByteArray("pcap");
        QTest::newRow("decimal") << QByteArray("1.5");
        QTest::newRow("plus") << QByteArray("+1");
    }
    void badTypeIsRejected()
    {
        QFETCH(QByteArray, content);
        ConfigDir dir;
        dir.write("type", content + '\n');
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "type");
    }

    void typeBoundsAreAccepted()
    {
        ConfigDir dir;
        dir.write("type", "255");
        QCOMPARE(dir.load()->type, 255);
        dir.write("type", "1");
        QCOMPARE(dir.load()->type, 1);
    }

    void badSnaplenIsRejected_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("too large") << QByteArray("65536");
        QTest::newRow("negative") << QByteArray("-4096");
        QTest::newRow("not a number") << QByteArray("4k");
        QTest::newRow("huge") << QByteArray("99999999999999999999");
    }
    void badSnaplenIsRejected()
    {
        QFETCH(QByteArray, content);
        ConfigDir dir;
        dir.write("snaplen", content + '\n');
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "snaplen");
    }

    void snaplenBoundsAreAccepted()
    {
        ConfigDir dir;
        dir.write("snaplen", "1\n");
        QCOMPARE(dir.load()->snaplen, 1u);
        dir.write("snaplen", "65535\r\n");
        QCOMPARE(dir.load()->snaplen, 65535u);
        dir.write("snaplen", "");
        QCOMPARE(dir.load()->snaplen, 4096u);
    }

    void badVersionIsRejected()
    {
        ConfigDir dir;
        dir.write("version", "0\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "version");
        dir.write("version", "2\n");
        QCOMPARE(dir.load()->version, 2);
    }

    void missingKeyIsRejected()
    {
        ConfigDir dir;
        dir.remove("key");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::MissingFile, "key");
    }

    void emptyKeyIsAccepted()
    {
        ConfigDir dir;
        dir.write("key", "");
        QVERIFY(dir.load()->key.isEmpty());
    }

    void oversizeSettingIsRejected()
    {
        ConfigDir dir;
        dir.write("key", QByteArray(2000, 'k'));
        EXPECT_REJECTED(dir.load(), ConfigError::Code::TooLarge, "key");
    }

    void trimmingRules_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("LF") << QByteArray("abc\n") << QByteArray("abc");
        QTest::newRow("CRLF") << QByteArray("abc\r\n") << QByteArray("abc");
        QTest::newRow("CR only") << QByteArray("abc\r") << QByteArray("abc");
        QTest::newRow("one LF only") << QByteArray("abc\n\n") << QByteArray("abc\n");
        QTest::newRow("LF CR order") << QByteArray("abc\n\r") << QByteArray("abc\n");
        QTest::newRow("blanks kept") << QByteArray(" abc \n") << QByteArray(" abc ");
        QTest::newRow("inner CR kept") << QByteArray("a\rb\n") << QByteArray("a\rb");
    }
    void trimmingRules()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, key);
        ConfigDir dir;
        dir.write("key", content);
        QCOMPARE(dir.load()->key, key);
    }

    void numbersIgnoreBlanks()
    {
        ConfigDir dir;
        dir.write("type", " 3 \r\n");
        dir.write("snaplen", "\t1024\n");
        const auto config = dir.load();
        QCOMPARE(config->type, 3);
        QCOMPARE(config->snaplen, 1024u);
    }

    void badUuidIsRejected_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("not-a-uuid");
        QTest::newRow("short") << QByteArray("1d940331-9fc9-4381-8fc9-3b624db6602");
        QTest::newRow("version 1") << QByteArray("1d940331-9fc9-1381-8fc9-3b624db66025");
        QTest::newRow("bad variant") << QByteArray("1d940331-9fc9-4381-cfc9-3b624db66025");
    }
    void badUuidIsRejected()
    {
        QFETCH(QByteArray, content);
        ConfigDir dir;
        dir.write("uuid", content + '\n');
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "uuid");
        QCOMPARE(dir.read("uuid"), content + '\n'); // never overwritten
    }

    void uuidWithoutDashesIsAccepted()
    {
        ConfigDir dir;
        dir.write("uuid", "1D9403319FC943818FC93B624DB66025\r\n");
        QCOMPARE(d4::protocol::uuidToDashed(dir.load()->uuid), std::string(kUuid));
    }

    void missingUuidIsGeneratedAndWrittenBack()
    {
        ConfigDir dir;
        dir.remove("uuid");
        const auto first = dir.load();
        QVERIFY(first);
        QVERIFY(first->uuidGenerated);
        QVERIFY(d4::protocol::isUuidV4(first->uuid));
        const QByteArray written = dir.read("uuid");
        QCOMPARE(written, QByteArray::fromStdString(d4::protocol::uuidToDashed(first->uuid)) + '\n');
        QCOMPARE(written.size(), 37);
        const auto second = dir.load();
        QVERIFY(!second->uuidGenerated);
        QVERIFY(second->uuid == first->uuid);
    }

    void emptyUuidIsGenerated()
    {
        ConfigDir dir;
        dir.write("uuid", "\n");
        const auto config = dir.load();
        QVERIFY(config->uuidGenerated);
        QVERIFY(d4::protocol::isUuidV4(config->uuid));
        QCOMPARE(dir.read("uuid").trimmed().size(), 36);
    }

    void rejectedConfigurationGetsNoUuid()
    {
        ConfigDir dir;
        dir.remove("uuid");
        dir.remove("type");
        QVERIFY(!dir.load());
        QVERIFY(!QFile::exists(dir.path("uuid")));
    }

    void metaHeaderRequiredForTypes2And254_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("2") << QByteArray("2");
        QTest::newRow("254") << QByteArray("254");
    }
    void metaHeaderRequiredForTypes2And254()
    {
        QFETCH(QByteArray, type);
        ConfigDir dir;
        dir.write("type", type);
        EXPECT_REJECTED(dir.load(), ConfigError::Code::MissingFile, "metaheader.json");
    }

    void invalidMetaHeaderJsonIsRejected()
    {
        ConfigDir dir;
        dir.write("type", "254");
        dir.write("metaheader.json", "{\"type\": \"ja3-jl\"");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "metaheader.json");
    }

    void metaHeaderMustBeAnObject()
    {
        ConfigDir dir;
        dir.write("type", "254");
        dir.write("metaheader.json", "[\"type\", \"ja3-jl\"]");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "metaheader.json");
    }

    void metaHeaderWithoutStringTypeIsRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no type") << QByteArray("{\"name\": \"ja3-jl\"}");
        QTest::newRow("number") << QByteArray("{\"type\": 254}");
        QTest::newRow("null") << QByteArray("{\"type\": null}");
        QTest::newRow("empty") << QByteArray("{\"type\": \"\"}");
    }
    void metaHeaderWithoutStringTypeIsRejected()
    {
        QFETCH(QByteArray, json);
        ConfigDir dir;
        dir.write("type", "2");
        dir.write("metaheader.json", json);
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "metaheader.json");
    }

    void oversizeMetaHeaderIsRejected()
    {
        const QByteArray json = "{\"type\": \"ja3-jl\"}";
        ConfigDir dir;
        dir.write("type", "254");
        dir.write("metaheader.json", json + QByteArray(100000 - json.size() + 1, ' '));
        EXPECT_REJECTED(dir.load(), ConfigError::Code::TooLarge, "metaheader.json");
        const QByteArray atLimit = json + QByteArray(100000 - json.size(), ' ');
        dir.write("metaheader.json", atLimit);
        QCOMPARE(dir.load()->metaHeader, atLimit);
    }

    void metaHeaderIsKeptByteForByte()
    {
        const QByteArray json = "{\n  \"type\": \"maltrail\"\n}\r\n";
        ConfigDir dir;
        dir.write("type", "254");
        dir.write("metaheader.json", json);
        const auto config = dir.load();
        QCOMPARE(config->metaHeader, json);
        QVERIFY(config->usesMetaHeader());
    }

    void badDestinationIsRejected_data()
    {
        QTest::addColumn<QByteArray>("destination");
        QTest::newRow("no port") << QByteArray("d4.example.org");
        QTest::newRow("port 0") << QByteArray("d4.example.org:0");
        QTest::newRow("port too large") << QByteArray("d4.example.org:65536");
        QTest::newRow("port not a number") << QByteArray("d4.example.org:https");
        QTest::newRow("bare ipv6") << QByteArray("::1:4443");
        QTest::newRow("ipv6 without port") << QByteArray("[::1]");
        QTest::newRow("no host") << QByteArray(":4443");
        QTest::newRow("stdout typo") << QByteArray("stdot");
    }
    void badDestinationIsRejected()
    {
        QFETCH(QByteArray, destination);
        ConfigDir dir;
        dir.write("destination", destination + '\n');
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "destination");
    }

    void goFileDestinationIsUnsupported()
    {
        ConfigDir dir;
        dir.write("destination", "file\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::Unsupported, "destination");
    }

    void goodDestinations_data()
    {
        QTest::addColumn<QByteArray>("destination");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << QByteArray("127.0.0.1:4443") << QStringLiteral("127.0.0.1") << 4443;
        QTest::newRow("ipv6") << QByteArray("[::1]:4443\r\n") << QStringLiteral("::1") << 4443;
        QTest::newRow("name") << QByteArray("d4.example.org:65535") << QStringLiteral("d4.example.org")
                              << 65535;
    }
    void goodDestinations()
    {
        QFETCH(QByteArray, destination);
        QFETCH(QString, host);
        QFETCH(int, port);
        ConfigDir dir;
        dir.write("destination", destination);
        const auto config = dir.load();
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QCOMPARE(config->destination, SensorConfig::Destination::Server);
        QCOMPARE(config->server.host, host);
        QCOMPARE(config->server.port, port);
    }

    void fileSources()
    {
        ConfigDir dir;
        dir.write("capture.pcap", "data");
        dir.write("source", "capture.pcap\n");
        QCOMPARE(dir.load()->sourcePath, dir.path("capture.pcap"));
        dir.write("source", "file:" + dir.path("capture.pcap").toUtf8());
        const auto config = dir.load();
        QCOMPARE(config->source, SensorConfig::Source::File);
        QCOMPARE(config->sourcePath, dir.path("capture.pcap"));
    }

    void missingSourceFileIsRejected()
    {
        ConfigDir dir;
        dir.write("source", "missing.pcap\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "source");
    }

    void goOnlySourceIsUnsupported()
    {
        ConfigDir dir;
        dir.write("source", "d4server\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::Unsupported, "source");
    }

    void fingerprintFile()
    {
        ConfigDir dir;
        dir.write("destination", "127.0.0.1:4443");
        dir.write("fingerprint",
                  "e2:70:bd:b2:25:09:88:f1:78:ff:e0:64:eb:17:8b:1e:19:81:53:9e:96:5c:02:60:4c:b8:19:26:"
                  "66:07:06:6b\n");
        const auto config = dir.load();
        QVERIFY(config->fingerprint);
        QCOMPARE(config->fingerprint->front(), 0xE2);
        QCOMPARE(config->fingerprint->back(), 0x6B);
        dir.write("fingerprint", "e270bd\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "fingerprint");
        dir.write("fingerprint", "");
        QVERIFY(!dir.load()->fingerprint);
    }

    void rootCaMustHoldACertificate()
    {
        ConfigDir dir;
        dir.write("destination", "127.0.0.1:4443");
        dir.write("rootCA.crt", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        EXPECT_REJECTED(dir.load(), ConfigError::Code::InvalidValue, "rootCA.crt");
        dir.write("rootCA.crt", "\n");
        QVERIFY(dir.load()->rootCaPem.isEmpty());
    }

    void tlsFilesAreIgnoredForStdout()
    {
        ConfigDir dir;
        dir.write("rootCA.crt", "garbage");
        dir.write("fingerprint", "garbage");
        QVERIFY(dir.load());
    }
};

QTEST_GUILESS_MAIN(TestSensorConfig)
#include "tst_sensorconfig.moc"
