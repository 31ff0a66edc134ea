// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// File › Settings opened from the running console (menu and Ctrl+,), attached to a real
// redis-server: every validation path refuses with a message naming the problem and saves
// nothing; valid values are saved in QSettings, read back by the next opening, and the palette
// choice applies at once.

#include <functional>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "console/consolecontroller.h"
#include "dialogs/settingsdialog.h"
#include "ingest/certificatestore.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "modaldialogdriver.h"
#include "redisserverfixture.h"
#include "settings/consolesettings.h"
#include "testenvironment.h"
#include "theme/palette.h"

using namespace d4;
using d4::test::RedisServerFixture;
using d4::test::whenModal;
using d4::ui::ConsoleSettings;
using d4::ui::SettingsDialog;

namespace {

template <typename T> T *field(QWidget *dialog, const char *name)
{
    T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
    if (!widget) {
        qWarning("no field %s", name);
    }
    return widget;
}

/** Replaces the text of @p edit from the keyboard. */
void retype(QWidget *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

/** Clicks a check box or radio button on its indicator (the widget may be wider than its text). */
void clickIndicator(QWidget *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

QPushButton *okButton(QDialog *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("&OK") || button->text() == QStringLiteral("OK")) {
            return button;
        }
    }
    qWarning("no OK button");
    return nullptr;
}

/** Everything QSettings holds, to show that a refused dialog saved nothing. */
QMap<QString, QVariant> storedSettings()
{
    QSettings settings;
    QMap<QString, QVariant> all;
    for (const QString &key : settings.allKeys()) {
        all.insert(key, settings.value(key));
    }
    return all;
}

struct Refusal
{
    const char *name;
    std::function<void(SettingsDialog *)> enter;
    QString expected;
};

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RedisServerFixture m_redis;
    std::unique_ptr<management::ManagementService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleController> m_controller;
    QString m_certificate;
    QString m_key;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    /**
     * Opens File › Settings with Ctrl+, and runs @p drive on the dialog. The window is activated
     * first: offscreen, no window is active after a dialog closes, and shortcuts need one.
     */
    void openWithShortcut(const std::function<void(SettingsDialog *)> &drive)
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        bool opened = false;
        whenModal<SettingsDialog>(this, [&opened, drive](SettingsDialog *dialog) {
            opened = true;
            drive(dialog);
        });
        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QVERIFY2(opened, "Ctrl+, opened no settings dialog");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("d4-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        ui::applyPalette(false);
        D4_START_REDIS(m_redis);
        m_certificate = path("server.crt");
        m_key = path("server.key");
        QString error;
        QVERIFY2(ingest::CertificateStore::generate(m_certificate, m_key, error), qPrintable(error));

        management::ManagementOptions options;
        options.roles = store::RedisRoles{m_redis.endpoint(4), m_redis.endpoint(0), m_redis.endpoint(2)};
        options.refreshIntervalMs = 200;
        m_service = std::make_unique<management::ManagementService>(options);
        m_window = std::make_unique<ui::MainWindow>();
        m_controller = std::make_unique<ui::ConsoleController>(m_window.get(), m_service.get());
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
    }

    void opensFromTheFileMenuAndTheShortcut()
    {
        // File › Settings… through the menu bar, from the keyboard: Alt+F, then S.
        QString title;
        whenModal<SettingsDialog>(this, [&title](SettingsDialog *dialog) {
            title = dialog->windowTitle();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::AltModifier);
        QMenu *file = m_window->menuBar()->actions().first()->menu();
        QTRY_VERIFY(file->isVisible());
        QTest::keyClick(file, Qt::Key_S);
        QTRY_COMPARE(title, QStringLiteral("Settings"));
        QVERIFY(!QApplication::activeModalWidget());

        // Ctrl+, opens the same dialog, with the stored values.
        title.clear();
        openWithShortcut([&title](SettingsDialog *dialog) {
            title = dialog->windowTitle();
            QCOMPARE(field<QSpinBox>(dialog, "portSpin")->value(), ConsoleSettings().port);
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(title, QStringLiteral("Settings"));
        QVERIFY(storedSettings().isEmpty()); // cancelled: nothing written
    }

    void refusesEachInvalidValueWithAClearMessage()
    {
        QFile notPem(path("not-a-certificate.crt"));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("-----BEGIN NOTHING-----\n");
        notPem.close();
        const QString plainFile = m_certificate; // a file where a directory is expected
        const auto attach = [](SettingsDialog *dialog) {
            clickIndicator(field<QRadioButton>(dialog, "attachRadio"));
            QVERIFY(field<QRadioButton>(dialog, "attachRadio")->isChecked());
        };
        const QList<Refusal> refusals{
            {"METADATA endpoint",
             [&](SettingsDialog *d) {
                 attach(d);
                 retype(field<QLineEdit>(d, "metadataEdit"), QStringLiteral("localhost:6380/0/1"));
             },
             QStringLiteral("The METADATA endpoint 'localhost:6380/0/1' is not host:port/db")},
            {"STREAM endpoint",
             [&](SettingsDialog *d) {
                 attach(d);
                 retype(field<QLineEdit>(d, "streamEdit"), QStringLiteral("localhost:99999"));
             },
             QStringLiteral("The STREAM endpoint 'localhost:99999'")},
            {"ANALYZER endpoint",
             [&](SettingsDialog *d) {
                 attach(d);
                 retype(field<QLineEdit>(d, "analyzerEdit"), QStringLiteral("localhost:6380/16"));
             },
             QStringLiteral("(db 0 to 15)")},
            {"unix socket without db",
             [&](SettingsDialog *d) {
                 attach(d);
                 retype(field<QLineEdit>(d, "metadataEdit"), QStringLiteral("unix:/run/redis.sock"));
             },
             QStringLiteral("unix:/path/db")},
            {"configuration file",
             [&](SettingsDialog *d) { retype(field<QLineEdit>(d, "configFileEdit"), path("missing.conf")); },
             QStringLiteral("Cannot read the configuration file ") + path("missing.conf")},
            {"data directory",
             [&](SettingsDialog *d) { retype(field<QLineEdit>(d, "dataDirectoryEdit"), plainFile); },
             QStringLiteral("The data directory %1 is not a directory").arg(plainFile)},
            {"empty default key",
             [&](SettingsDialog *d) { retype(field<QLineEdit>(d, "defaultKeyEdit"), {}); },
             QStringLiteral("The default HMAC key must not be empty")},
            {"long default key",
             [&](SettingsDialog *d) {
                 retype(field<QLineEdit>(d, "defaultKeyEdit"), QString(101, QLatin1Char('k')));
             },
             QStringLiteral("at most 100 characters")},
            {"missing certificate",
             [&](SettingsDialog *d) {
                 retype(field<QLineEdit>(d, "tlsCertificateEdit"), path("missing.crt"));
                 retype(field<QLineEdit>(d, "tlsKeyEdit"), m_key);
             },
             QStringLiteral("Cannot read the TLS certificate ") + path("missing.crt")},
            {"not a certificate",
             [&](SettingsDialog *d) {
                 retype(field<QLineEdit>(d, "tlsCertificateEdit"), notPem.fileName());
                 retype(field<QLineEdit>(d, "tlsKeyEdit"), m_key);
             },
             QStringLiteral("holds no PEM certificate")},
            {"key without certificate",
             [&](SettingsDialog *d) { retype(field<QLineEdit>(d, "tlsKeyEdit"), m_key); },
             QStringLiteral("A TLS private key needs its certificate")},
            {"missing key",
             [&](SettingsDialog *d) {
                 retype(field<QLineEdit>(d, "tlsCertificateEdit"), m_certificate);
                 retype(field<QLineEdit>(d, "tlsKeyEdit"), path("missing.key"));
             },
             QStringLiteral("Cannot read the TLS private key ") + path("missing.key")},
        };
        const auto before = storedSettings();
        for (const Refusal &refusal : refusals) {
            QString problems;
            bool stayedOpen = false;
            openWithShortcut([&](SettingsDialog *dialog) {
                refusal.enter(dialog);
                QTest::mouseClick(okButton(dialog), Qt::LeftButton);
                stayedOpen = dialog->isVisible() && dialog->result() == QDialog::Rejected;
                const auto *label = field<QLabel>(dialog, "settingsProblems");
                problems = label->text();
                // The dialog grows so that every problem shows.
                QTRY_VERIFY(label->height() >= label->heightForWidth(label->width()));
                QTest::keyClick(dialog, Qt::Key_Escape);
            });
            QVERIFY(!QTest::currentTestFailed());
            QVERIFY2(stayedOpen, refusal.name);
            QVERIFY2(problems.contains(refusal.expected),
                     qPrintable(QString::fromLatin1(refusal.name) + QStringLiteral(": ") + problems));
            QCOMPARE(storedSettings(), before);
        }

        // The port spin box cannot hold an invalid port; a settings file can, and is refused too.
        openWithShortcut([](SettingsDialog *dialog) {
            auto *port = field<QSpinBox>(dialog, "portSpin");
            retype(port, QStringLiteral("70000"));
            QVERIFY(port->value() <= 65535);
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        ConsoleSettings stored;
        stored.port = 70000;
        stored.language = QStringLiteral("xx");
        const QStringList problems = stored.validate();
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.contains(QStringLiteral("The port 70000 is not between 0 and 65535.")));
        QVERIFY(problems.contains(QStringLiteral("Unknown language 'xx'.")));
    }

    void savesValidValuesAndReadsThemBack()
    {
        const QString data = path("data/nested"); // created by the server later: its parent is writable
        openWithShortcut([&](SettingsDialog *dialog) {
            retype(field<QLineEdit>(dialog, "dataDirectoryEdit"), data);
            retype(field<QSpinBox>(dialog, "portSpin"), QStringLiteral("14443"));
            auto *mode = field<QComboBox>(dialog, "serverModeCombo");
            mode->setFocus();
            QTest::keyClick(mode, Qt::Key_Down);
            QCOMPARE(mode->currentData().toString(), QStringLiteral("shared-secret"));
            retype(field<QLineEdit>(dialog, "defaultKeyEdit"), QStringLiteral("a key of our own"));
            retype(field<QLineEdit>(dialog, "tlsCertificateEdit"), m_certificate);
            retype(field<QLineEdit>(dialog, "tlsKeyEdit"), m_key);
            auto *language = field<QComboBox>(dialog, "languageCombo");
            language->setCurrentIndex(language->findData(QStringLiteral("fr")));
            clickIndicator(field<QCheckBox>(dialog, "darkCheck"));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QVERIFY2(!dialog->isVisible(), qPrintable(dialog->problemsText()));
        });
        QVERIFY(!QTest::currentTestFailed());
        {
            QSettings settings;
            const ConsoleSettings saved = ConsoleSettings::load(settings);
            QCOMPARE(saved.mode, ConsoleSettings::Mode::Embedded);
            QCOMPARE(saved.dataDirectory, data);
            QCOMPARE(saved.port, 14443);
            QCOMPARE(saved.serverMode, config::ServerMode::SharedSecret);
            QCOMPARE(saved.defaultKey, QStringLiteral("a key of our own"));
            QCOMPARE(saved.tlsCertificate, m_certificate);
            QCOMPARE(saved.tlsPrivateKey, m_key);
            QCOMPARE(saved.language, QStringLiteral("fr"));
            QVERIFY(saved.darkPalette);
            QVERIFY(saved.firstRunDone);
            QVERIFY(saved.validate().isEmpty());
        }
        // The palette applied at once, and View › Dark palette agrees.
        QVERIFY(ui::isDarkPalette());
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("darkPaletteAction"))->isChecked());

        // The next opening shows what was saved; attach endpoints are saved the same way.
        openWithShortcut([&](SettingsDialog *dialog) {
            QCOMPARE(field<QLineEdit>(dialog, "dataDirectoryEdit")->text(), data);
            QCOMPARE(field<QSpinBox>(dialog, "portSpin")->value(), 14443);
            QCOMPARE(field<QComboBox>(dialog, "serverModeCombo")->currentData().toString(),
                     QStringLiteral("shared-secret"));
            QCOMPARE(field<QLineEdit>(dialog, "defaultKeyEdit")->text(), QStringLiteral("a key of our own"));
            QCOMPARE(field<QComboBox>(dialog, "languageCombo")->currentData().toString(),
                     QStringLiteral("fr"));
            QVERIFY(field<QCheckBox>(dialog, "darkCheck")->isChecked());
            clickIndicator(field<QRadioButton>(dialog, "attachRadio"));
            retype(field<QLineEdit>(dialog, "metadataEdit"),
                   QStringLiteral("127.0.0.1:%1/0").arg(m_redis.port()));
            retype(field<QLineEdit>(dialog, "streamEdit"),
                   QStringLiteral("127.0.0.1:%1/4").arg(m_redis.port()));
            retype(field<QLineEdit>(dialog, "analyzerEdit"),
                   QStringLiteral("unix:%1/2").arg(m_redis.unixSocketPath()));
            retype(field<QLineEdit>(dialog, "pdnsEdit"),
                   QStringLiteral("127.0.0.1:%1/16").arg(m_redis.port()));
            auto *attachedMode = field<QComboBox>(dialog, "attachedModeCombo");
            attachedMode->setCurrentIndex(attachedMode->findData(QStringLiteral("registration")));
            clickIndicator(field<QCheckBox>(dialog, "darkCheck"));
            // Database 16 does not exist: refused with the role named, nothing saved.
            QTest::keyClick(dialog, Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            QVERIFY2(dialog->problemsText().contains(QStringLiteral("PDNS")),
                     qPrintable(dialog->problemsText()));
            retype(field<QLineEdit>(dialog, "pdnsEdit"),
                   QStringLiteral("127.0.0.1:%1/3").arg(m_redis.port()));
            QTest::keyClick(dialog, Qt::Key_Return);
            QVERIFY2(!dialog->isVisible(), qPrintable(dialog->problemsText()));
        });
        QSettings settings;
        const ConsoleSettings saved = ConsoleSettings::load(settings);
        QCOMPARE(saved.mode, ConsoleSettings::Mode::Attach);
        QVERIFY(saved.attachPdns());
        QCOMPARE(saved.attachPdns()->port, m_redis.port());
        QCOMPARE(saved.attachPdns()->db, 3);
        QCOMPARE(saved.attachedServerMode, QStringLiteral("registration"));
        const auto roles = saved.attachRoles();
        QVERIFY(roles);
        QCOMPARE(roles->metadata.port, m_redis.port());
        QCOMPARE(roles->stream.db, 4);
        QCOMPARE(roles->analyzer.unixSocket, m_redis.unixSocketPath());
        QCOMPARE(roles->analyzer.db, 2);
        QVERIFY(!saved.darkPalette);
        QVERIFY(!ui::isDarkPalette());
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("darkPaletteAction"))->isChecked());
        // The embedded values stay as they were.
        QCOMPARE(saved.port, 14443);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
