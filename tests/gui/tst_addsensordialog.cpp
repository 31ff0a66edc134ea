// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// View › Add sensor driven from the keyboard and mouse of the running console: the sensor is
// registered in a real redis-server with d4-core's keys, its configuration directory is exported,
// and the built d4-sensor, run with nothing but that directory, delivers data over TLS to a real
// d4-server in registration mode. Each of the dialog's refusals is checked too.

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "console/consolecontroller.h"
#include "d4serverprocess.h"
#include "dialogs/addsensordialog.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "modaldialogdriver.h"
#include "protocol/uuid.h"
#include "redisserverfixture.h"
#include "sensor/sensorconfig.h"
#include "store/keyschema.h"
#include "testenvironment.h"

using namespace d4;
using d4::test::D4ServerProcess;
using d4::test::RedisServerFixture;
using d4::test::whenModal;
using d4::ui::AddSensorDialog;
namespace keys = d4::store::keys;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

/** Replaces the text of @p edit from the keyboard: select all, then type. */
void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestAddSensorDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RedisServerFixture m_redis;
    D4ServerProcess m_server;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;

    QString certificatePath() const { return m_server.dataDirectory() + QStringLiteral("/tls/server.crt"); }
    QString destination() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.port()); }
    ui::ServerContact contact() const { return {destination(), m_server.fingerprint(), certificatePath()}; }

    /** An Add sensor dialog on its own, shown, for the refusal checks. */
    std::unique_ptr<AddSensorDialog> openDialog(const ui::ServerContact &serverContact)
    {
        auto dialog = std::make_unique<AddSensorDialog>(serverContact);
        dialog->show();
        return dialog;
    }

    /** Clicks OK and expects the dialog to stay open with an error containing @p expected. */
    void expectRefusal(AddSensorDialog *dialog, const QString &expected)
    {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newSensorOk")), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        const auto *label = dialog->findChild<QLabel *>(QStringLiteral("newSensorError"));
        QVERIFY2(label->text().contains(expected), qPrintable(label->text()));
        // The dialog grows so that the whole (wrapped) message shows.
        QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("message cut: %1 px high, needs %2")
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
    }

    /** The streams of @p type that the server wrote in STREAM (db 4) for sensor @p hex, joined. */
    QByteArray streamedBy(const QByteArray &hex, int type)
    {
        QByteArray data;
        const auto sessions =
            m_redis.command({"SMEMBERS", keys::sessionsOfType(type)}, D4ServerProcess::kStreamDb);
        for (const QByteArray &session : sessions.sortedStrings()) {
            const auto entries = m_redis.command({"XRANGE", keys::stream(type, session), "-", "+"},
                                                 D4ServerProcess::kStreamDb);
            for (const store::RedisValue &entry : entries.elements) {
                const QList<store::RedisValue> &fields = entry.elements.value(1).elements;
                QByteArray message;
                QByteArray uuid;
                for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
                    if (fields[i].string == "message") {
                        message = fields[i + 1].string;
                    } else if (fields[i].string == "uuid") {
                        uuid = fields[i + 1].string;
                    }
                }
                if (uuid == hex) {
                    data += message;
                }
            }
        }
        return data;
    }

    /** Runs the built d4-sensor with only @p directory, feeding @p input; returns why it failed. */
    QString runExportedSensor(const QString &directory, const QByteArray &input)
    {
        QProcess sensor;
        sensor.setProgram(test::builtExecutable(QStringLiteral("d4-sensor")));
        sensor.setArguments({QStringLiteral("-c"), directory, QStringLiteral("--retry-limit"),
                             QStringLiteral("3"), QStringLiteral("--verbose")});
        sensor.start();
        if (!sensor.waitForStarted(5000)) {
            return sensor.errorString();
        }
        sensor.write(input);
        sensor.closeWriteChannel();
        if (!sensor.waitForFinished(30000) || sensor.exitStatus() != QProcess::NormalExit ||
            sensor.exitCode() != 0) {
            return QStringLiteral("d4-sensor failed: ") + QString::fromUtf8(sensor.readAllStandardError());
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_addsensordialog"));
        D4_START_REDIS(m_redis);
        // Registration mode: only sensors the console registered (with their own key) get in.
        m_server.setServerOptions(QStringLiteral("server_mode = registration\nworkers = no\n"));
        QVERIFY2(m_server.start(m_redis), qPrintable(m_server.errorString()));
        QVERIFY(QFile::exists(certificatePath()));
        // Type 3 (log lines) is not in d4-core's default accepted set.
        m_redis.command({"SADD", keys::acceptedTypes(), "3"}, D4ServerProcess::kMetadataDb);

        management::ManagementOptions options;
        options.roles = store::RedisRoles{m_redis.endpoint(D4ServerProcess::kStreamDb),
                                          m_redis.endpoint(D4ServerProcess::kMetadataDb),
                                          m_redis.endpoint(D4ServerProcess::kAnalyzerDb)};
        options.refreshIntervalMs = 200;
        options.serverMode = QStringLiteral("registration");
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
        m_controller->setServerContact(contact());
        m_service->start();
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (m_service) {
            m_service->stop();
        }
        m_controller.reset();
        m_window.reset();
        m_service.reset();
        m_server.stop();
    }

    void addSensorRegistersAndExportsADirectoryThatD4SensorUses()
    {
        const QString exportDir = m_dir.filePath(QStringLiteral("exported/roof"));
        QString uuidText;
        QByteArray key;
        whenModal<AddSensorDialog>(this, [&](AddSensorDialog *dialog) {
            uuidText = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorUuid"))->text();
            key = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorKey"))->text().toLatin1();
            QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDestination"))->text(),
                     destination());
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDescription")),
                             QStringLiteral("roof sensor"));
            retype(dialog->findChild<QSpinBox *>(QStringLiteral("newSensorType")), QStringLiteral("3"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDirectory")), exportDir);
            auto *copy = dialog->findChild<QCheckBox *>(QStringLiteral("newSensorCopyCertificate"));
            QVERIFY(copy->isEnabled());
            QTest::mouseClick(copy, Qt::LeftButton, {}, QPoint(8, copy->height() / 2));
            QVERIFY(copy->isChecked());
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newSensorOk")),
                              Qt::LeftButton);
        });
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier); // View › Add sensor
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY2(!uuidText.isEmpty(), "Ctrl+N opened no Add sensor dialog");
        const auto uuid = protocol::parseUuid(uuidText.toStdString());
        QVERIFY2(uuid && protocol::isUuidV4(*uuid), qPrintable(uuidText));
        const QByteArray hex = QByteArray::fromStdString(protocol::uuidToHex(*uuid));
        QCOMPARE(key.size(), 40);

        // Registered with d4-core's keys: registered_uuid and the sensor's own key and description.
        QTRY_COMPARE(m_redis.command({"SISMEMBER", keys::registeredUuids(), hex}).integer, 1LL);
        QCOMPARE(m_redis.command({"HGET", keys::sensorMetadata(hex), keys::kFieldHmacKey}).string, key);
        QCOMPARE(m_redis.command({"HGET", keys::sensorMetadata(hex), keys::kFieldDescription}).string,
                 QByteArray("roof sensor"));

        // The directory: the C/Go client files, the pin and the server certificate.
        const QDir dir(exportDir);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("uuid"))),
                 QByteArray::fromStdString(protocol::uuidToDashed(*uuid)) + '\n');
        QCOMPARE(readFile(dir.filePath(QStringLiteral("key"))), key);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("type"))), QByteArray("3\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("version"))), QByteArray("1\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("snaplen"))), QByteArray("4096\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("source"))), QByteArray("stdin\n"));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("destination"))), destination().toLatin1() + '\n');
        QCOMPARE(readFile(dir.filePath(QStringLiteral("fingerprint"))),
                 m_server.fingerprint().toLatin1() + '\n');
        QCOMPARE(readFile(dir.filePath(QStringLiteral("rootCA.crt"))), readFile(certificatePath()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("metaheader.json"))));
        // The key is the owner's alone, and so is the directory the dialog created for it.
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(dir.filePath(QStringLiteral("key"))) & others,
                 QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(exportDir) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(dir.filePath(QStringLiteral("key"))) & QFileDevice::ReadOwner);
        const auto config = sensor::SensorConfig::load(exportDir);
        QVERIFY2(config.hasValue(), qPrintable(config.hasValue() ? QString() : config.error().message));
        QVERIFY(config.value().fingerprint.has_value());
        QVERIFY(!config.value().rootCaPem.isEmpty());

        // d4-sensor with that directory alone: TLS to d4-server, verified by rootCA.crt and the pin.
        const QByteArray lines = "first line from the roof\nsecond line from the roof\n";
        const QString failure = runExportedSensor(exportDir, lines);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // The data is in Redis under the new sensor's UUID.
        QTRY_VERIFY_WITH_TIMEOUT(streamedBy(hex, 3).contains(lines), 10000);
        QVERIFY(
            !m_redis.command({"HGET", keys::sensorMetadata(hex), keys::kFieldFirstSeen}).string.isEmpty());
        QVERIFY(m_redis.command({"HGET", keys::sensorMetadata(hex), keys::kFieldError}).isNil());
    }

    void anExtendedTypeSensorDeliversThroughItsMetaHeader()
    {
        // Type 254 with a meta type: the export's metaheader.json is what d4-sensor sends first.
        m_redis.command({"SADD", keys::acceptedExtendedTypes(), "maltrail"}, D4ServerProcess::kMetadataDb);
        const QString exportDir = m_dir.filePath(QStringLiteral("exported/maltrail-sensor"));
        m_window->activateWindow(); // offscreen, no window is active after a dialog closes
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QString uuidText;
        whenModal<AddSensorDialog>(this, [&](AddSensorDialog *dialog) {
            uuidText = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorUuid"))->text();
            retype(dialog->findChild<QSpinBox *>(QStringLiteral("newSensorType")), QStringLiteral("254"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorExtendedType")),
                             QStringLiteral("maltrail"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDirectory")), exportDir);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newSensorOk")),
                              Qt::LeftButton);
        });
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY2(!uuidText.isEmpty(), "Ctrl+N opened no Add sensor dialog");
        const auto uuid = protocol::parseUuid(uuidText.toStdString());
        QVERIFY(uuid);
        const QByteArray hex = QByteArray::fromStdString(protocol::uuidToHex(*uuid));
        QTRY_COMPARE(m_redis.command({"SISMEMBER", keys::registeredUuids(), hex}).integer, 1LL);
        QVERIFY(!QFile::exists(exportDir + QStringLiteral("/rootCA.crt"))); // the pin alone verifies

        const QByteArray lines = "2026-12-02 malicious.example.org blocked\n";
        const QString failure = runExportedSensor(exportDir, lines);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QTRY_VERIFY_WITH_TIMEOUT(streamedBy(hex, 254).contains(lines), 10000);
        QVERIFY(m_redis.command({"HGET", keys::sensorMetadata(hex), keys::kFieldError}).isNil());
    }

    void extendedTypeExportCarriesTheMetaHeader()
    {
        const QString exportDir = m_dir.filePath(QStringLiteral("exported/maltrail"));
        auto dialog = openDialog(contact());
        retype(dialog->findChild<QSpinBox *>(QStringLiteral("newSensorType")), QStringLiteral("254"));
        expectRefusal(dialog.get(), QStringLiteral("extended type"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorExtendedType")),
                         QStringLiteral("maltrail"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDirectory")), exportDir);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newSensorOk")), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        const QJsonDocument meta =
            QJsonDocument::fromJson(readFile(exportDir + QStringLiteral("/metaheader.json")));
        QCOMPARE(meta.object().value(QStringLiteral("type")).toString(), QStringLiteral("maltrail"));
        QCOMPARE(readFile(exportDir + QStringLiteral("/type")), QByteArray("254\n"));
        // Without the box ticked there is no rootCA.crt; the fingerprint alone pins the server.
        QVERIFY(!QFile::exists(exportDir + QStringLiteral("/rootCA.crt")));
        const auto config = sensor::SensorConfig::load(exportDir);
        QVERIFY2(config.hasValue(), qPrintable(config.hasValue() ? QString() : config.error().message));
        QVERIFY(config.value().usesMetaHeader());
        QCOMPARE(config.value().uuid, *protocol::parseUuid(dialog->uuid().toStdString()));
    }

    void refusesWhatSensorsCouldNotUse()
    {
        const QString exportDir = m_dir.filePath(QStringLiteral("exported/refused"));
        auto dialog = openDialog(contact());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDirectory")), exportDir);
        auto *uuid = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorUuid"));
        const QString goodUuid = uuid->text();
        // A version-1 UUID: the D4 server only takes version 4.
        retype(uuid, QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
        expectRefusal(dialog.get(), QStringLiteral("version-4"));
        retype(uuid, goodUuid);

        auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorKey"));
        const QString goodKey = key->text();
        retype(key, QString());
        expectRefusal(dialog.get(), QStringLiteral("1 to 100 bytes"));
        // 60 characters but 120 bytes: the Go client would read only the first 100.
        key->setText(QString(60, QChar(0xe9))); // QTest types ASCII only
        expectRefusal(dialog.get(), QStringLiteral("1 to 100 bytes"));
        retype(key, goodKey);

        auto *server = dialog->findChild<QLineEdit *>(QStringLiteral("newSensorDestination"));
        retype(server, QStringLiteral("127.0.0.1"));
        expectRefusal(dialog.get(), QStringLiteral("host:port"));
        retype(server, QStringLiteral("::1:4443"));
        expectRefusal(dialog.get(), QStringLiteral("host:port"));

        // rootCA.crt for a host the certificate does not name: every connection would fail.
        retype(server, QStringLiteral("sensors.example.org:4443"));
        auto *copy = dialog->findChild<QCheckBox *>(QStringLiteral("newSensorCopyCertificate"));
        QTest::mouseClick(copy, Qt::LeftButton, {}, QPoint(8, copy->height() / 2));
        QVERIFY(copy->isChecked());
        expectRefusal(dialog.get(), QStringLiteral("not valid for sensors.example.org"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("newSensorError"))
                    ->text()
                    .contains(QStringLiteral("127.0.0.1")));
        QVERIFY(!QDir(exportDir).exists());
        // The names the generated certificate holds are accepted.
        retype(server, QStringLiteral("[::1]:4443"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newSensorOk")), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(readFile(exportDir + QStringLiteral("/destination")), QByteArray("[::1]:4443\n"));

        // A certificate file that holds no certificate.
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.crt"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        auto other = openDialog({destination(), m_server.fingerprint(), bogus});
        auto *otherCopy = other->findChild<QCheckBox *>(QStringLiteral("newSensorCopyCertificate"));
        QTest::mouseClick(otherCopy, Qt::LeftButton, {}, QPoint(8, otherCopy->height() / 2));
        expectRefusal(other.get(), QStringLiteral("holds no PEM certificate"));

        // Attached to a remote server: no certificate to copy, and the dialog says the pin is unknown.
        auto attached = openDialog({QStringLiteral("d4.example.org:4443"), QString(), QString()});
        QVERIFY(!attached->findChild<QCheckBox *>(QStringLiteral("newSensorCopyCertificate"))->isEnabled());
        bool saysUnknown = false;
        for (const QLabel *label : attached->findChildren<QLabel *>()) {
            saysUnknown = saysUnknown || label->text().contains(QStringLiteral("fingerprint is unknown"));
        }
        QVERIFY(saysUnknown);
    }

    void cancellingRegistersNothing()
    {
        const QByteArrayList before = m_redis.command({"SMEMBERS", keys::registeredUuids()}).sortedStrings();
        m_window->activateWindow(); // offscreen, no window is active after a dialog closes
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        bool opened = false;
        whenModal<AddSensorDialog>(this, [&opened](AddSensorDialog *dialog) {
            opened = true;
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(opened);
        QTest::qWait(500);
        QCOMPARE(m_redis.command({"SMEMBERS", keys::registeredUuids()}).sortedStrings(), before);
    }
};

QTEST_MAIN(TestAddSensorDialog)
#include "tst_addsensordialog.moc"
