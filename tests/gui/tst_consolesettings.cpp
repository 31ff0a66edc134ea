// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The console's settings: endpoint parsing, validation, QSettings round trip (ui/language included)
// and the settings dialog's refusal of invalid input.

#include <QComboBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "dialogs/settingsdialog.h"
#include "settings/consolesettings.h"

using d4::ui::ConsoleSettings;
using d4::ui::SettingsDialog;

class TestConsoleSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_consolesettings"));
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("db");
        QTest::addColumn<QString>("socket");
        QTest::newRow("host port db") << "localhost:6380/2" << true << "localhost" << 6380 << 2 << "";
        QTest::newRow("no db") << "10.0.0.1:6379" << true << "10.0.0.1" << 6379 << 0 << "";
        QTest::newRow("no port") << "redis.example" << true << "redis.example" << 6379 << 0 << "";
        QTest::newRow("ipv6") << "[::1]:7000/3" << true << "::1" << 7000 << 3 << "";
        QTest::newRow("unix") << "unix:/run/redis/redis.sock/4" << true << "localhost" << 6379 << 4
                              << "/run/redis/redis.sock";
        QTest::newRow("bad db") << "localhost:6379/x" << false << "" << 0 << 0 << "";
        QTest::newRow("db too big") << "localhost:6379/16" << false << "" << 0 << 0 << "";
        QTest::newRow("bad port") << "localhost:99999/0" << false << "" << 0 << 0 << "";
        QTest::newRow("empty") << "" << false << "" << 0 << 0 << "";
        QTest::newRow("user info") << "user@host:1/0" << false << "" << 0 << 0 << "";
        QTest::newRow("unix no db") << "unix:/run/redis.sock" << false << "" << 0 << 0 << "";
    }
    void endpoints()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto endpoint = ConsoleSettings::parseEndpoint(text);
        QCOMPARE(endpoint.has_value(), valid);
        if (!valid) {
            return;
        }
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, db);
        QFETCH(QString, socket);
        QCOMPARE(endpoint->unixSocket, socket);
        QCOMPARE(endpoint->db, db);
        if (socket.isEmpty()) {
            QCOMPARE(endpoint->host, host);
            QCOMPARE(endpoint->port, port);
        }
    }

    void validation()
    {
        ConsoleSettings s;
        QVERIFY(s.validate().isEmpty());
        s.defaultKey.clear();
        QCOMPARE(s.validate().size(), 1);
        s.defaultKey = QStringLiteral("k");
        s.configFile = m_dir.filePath(QStringLiteral("missing.conf"));
        QCOMPARE(s.validate().size(), 1);
        s.configFile.clear();
        s.mode = ConsoleSettings::Mode::Attach;
        s.streamEndpoint = QStringLiteral("nowhere:70000");
        QVERIFY(s.validate().join(QString()).contains(QStringLiteral("STREAM")));
        QVERIFY(!s.attachRoles());
        s.streamEndpoint = QStringLiteral("localhost:6379/0");
        QVERIFY(s.attachRoles());
        QCOMPARE(s.attachRoles()->analyzer.db, 2);
        // The passive DNS store is optional: empty is no page, not a problem; malformed is one.
        QVERIFY(s.validate().isEmpty());
        QVERIFY(!s.attachPdns());
        s.pdnsEndpoint = QStringLiteral("localhost:6379/16");
        QCOMPARE(s.validate().size(), 1);
        QVERIFY(s.validate().constFirst().contains(QStringLiteral("PDNS")));
        QVERIFY(!s.attachPdns());
        s.pdnsEndpoint = QStringLiteral("unix:/run/d4/redis.sock/3");
        QVERIFY(s.validate().isEmpty());
        QCOMPARE(s.attachPdns()->unixSocket, QStringLiteral("/run/d4/redis.sock"));
        QCOMPARE(s.attachPdns()->db, 3);
        s.language = QStringLiteral("xx");
        QCOMPARE(s.validate().size(), 1);
    }

    void roundTrip()
    {
        ConsoleSettings s;
        s.mode = ConsoleSettings::Mode::Attach;
        s.language = QStringLiteral("fr");
        s.port = 14443;
        s.darkPalette = true;
        s.serverMode = d4::config::ServerMode::SharedSecret;
        s.pdnsEndpoint = QStringLiteral("localhost:6400/3");
        {
            QSettings settings;
            s.save(settings);
        }
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
        const ConsoleSettings loaded = ConsoleSettings::load(settings);
        QCOMPARE(loaded.mode, ConsoleSettings::Mode::Attach);
        QCOMPARE(loaded.port, 14443);
        QCOMPARE(loaded.pdnsEndpoint, QStringLiteral("localhost:6400/3"));
        QVERIFY(loaded.darkPalette);
        QCOMPARE(loaded.serverMode, d4::config::ServerMode::SharedSecret);
        QString error;
        const auto config = loaded.serverConfig(error);
        QVERIFY(config);
        QCOMPARE(config->serverPort, 14443);
    }

    void dialogRefusesInvalidInput()
    {
        ConsoleSettings s;
        SettingsDialog dialog(s, true);
        dialog.findChild<QRadioButton *>(QStringLiteral("attachRadio"))->setChecked(true);
        auto *metadata = dialog.findChild<QLineEdit *>(QStringLiteral("metadataEdit"));
        metadata->setText(QStringLiteral("not a host:port/db/"));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.problemsText().contains(QStringLiteral("METADATA")));
        metadata->setText(QStringLiteral("127.0.0.1:6380/0"));
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().language, QStringLiteral("de"));
        QCOMPARE(dialog.settings().mode, ConsoleSettings::Mode::Attach);
        QVERIFY(dialog.settings().firstRunDone);
    }
};

QTEST_MAIN(TestConsoleSettings)
#include "tst_consolesettings.moc"
