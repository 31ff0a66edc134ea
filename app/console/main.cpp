// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-console: the desktop management console. By default it runs the D4 server in-process
// (managed redis-server, ingest, workers: the same ServerRuntime as d4-server); or it attaches
// to the Redis of a running server, including a d4-core deployment.

#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>

#include "backscatter/backscatterpage.h"
#include "backscatter/importbackscatterlink.h"
#include "common/commandline.h"
#include "common/logsetup.h"
#include "common/serverruntime.h"
#include "config/serverconfig.h"
#include "console/consolecontroller.h"
#include "dialogs/settingsdialog.h"
#include "dns/dnspage.h"
#include "forward/forwardpage.h"
#include "i18n/languageloader.h"
#include "import/importcontroller.h"
#include "import/importpage.h"
#include "ingest/ingestserver.h"
#include "log/logsink.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "settings/consolesettings.h"
#include "theme/consoleicons.h"
#include "theme/palette.h"

namespace {

enum ExitCode
{
    ExitOk = 0,
    ExitRuntimeError = 1,
    ExitBadCommandLine = 2
};

struct Options
{
    QCommandLineOption config{{QStringLiteral("c"), QStringLiteral("config")},
                              QCoreApplication::translate("main",
                                                          "Run the embedded server from <file> (server.conf "
                                                          "format, as d4-server)."),
                              QCoreApplication::translate("main", "file")};
    QCommandLineOption attach{QStringLiteral("attach"),
                              QCoreApplication::translate("main",
                                                          "Attach to the Redis endpoints of the settings "
                                                          "instead of running a server.")};
    QCommandLineOption embedded{QStringLiteral("embedded"),
                                QCoreApplication::translate("main",
                                                            "Run the embedded server even when the settings "
                                                            "say attach.")};
    QCommandLineOption port{{QStringLiteral("p"), QStringLiteral("port")},
                            QCoreApplication::translate("main", "Embedded server: listen on <port>."),
                            QCoreApplication::translate("main", "port")};
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Embedded server: use <dir> as data directory."),
        QCoreApplication::translate("main", "dir")};
    QCommandLineOption settings{
        QStringLiteral("settings"),
        QCoreApplication::translate("main", "Show the settings dialog before starting.")};
};

void describeOptions(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "D4 Console: manage a D4 sensor network and analyse its data.\n\n"
                "Without options it runs the D4 server in-process (port 4443, registration mode, its own\n"
                "redis-server under the data directory), or attaches to existing Redis endpoints when the\n"
                "settings say so (chosen in the first-run dialog, File > Settings).\n\n"
                "Exit codes: 0 success, 1 runtime error, 2 invalid command line or configuration."));
    d4::app::addStandardOptions(parser);
    parser.addOptions(
        {options.config, options.attach, options.embedded, options.port, options.dataDir, options.settings});
    parser.addPositionalArgument(
        QStringLiteral("captures"),
        QCoreApplication::translate("main", "Capture files or folders to import (pcap, pcapng, gzip)."),
        QStringLiteral("[captures...]"));
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version are answered without a GUI platform, so they work over SSH too.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    if (d4::app::asksOnlyForHelpOrVersion(arguments)) {
        QCoreApplication app(argc, argv);
        d4::app::setApplicationIdentity(QStringLiteral("d4-console"));
        d4::ui::LanguageLoader::install(QSettings().value(QStringLiteral("ui/language")).toString());
        const Options options; // after the translator, so the option texts are translated
        QCommandLineParser parser;
        describeOptions(parser, options);
        parser.process(app);
        return ExitOk;
    }

    QApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.d4_project.D4Console"));
    QApplication::setWindowIcon(d4::ui::ConsoleIcons::icon(d4::ui::ConsoleIcons::Id::Application));
    d4::ui::LanguageLoader::install(QSettings().value(QStringLiteral("ui/language")).toString());
    QApplication::setApplicationDisplayName(QStringLiteral("D4 Console"));
    const Options options;
    QCommandLineParser parser;
    describeOptions(parser, options);
    parser.process(app);
    d4::app::installLogHandler(false);
    d4::ui::LogSink::install();

    QSettings qsettings;
    d4::ui::ConsoleSettings settings = d4::ui::ConsoleSettings::load(qsettings);
    d4::ui::applyPalette(settings.darkPalette);
    const bool explicitMode =
        parser.isSet(options.config) || parser.isSet(options.attach) || parser.isSet(options.embedded);
    if ((!settings.firstRunDone && !explicitMode) || parser.isSet(options.settings)) {
        d4::ui::SettingsDialog dialog(settings, !settings.firstRunDone);
        if (dialog.exec() == QDialog::Accepted) {
            settings = dialog.settings();
            settings.save(qsettings);
        }
    }
    const bool attach =
        parser.isSet(options.attach) || (settings.mode == d4::ui::ConsoleSettings::Mode::Attach &&
                                         !parser.isSet(options.config) && !parser.isSet(options.embedded));

    d4::management::ManagementOptions management;
    std::unique_ptr<d4::app::ServerRuntime> runtime;
    d4::ui::ServerContact contact;
    QString title;
    if (attach) {
        const auto roles = settings.attachRoles();
        if (!roles || (!settings.pdnsEndpoint.trimmed().isEmpty() && !settings.attachPdns())) {
            QMessageBox::critical(nullptr, QStringLiteral("D4 Console"),
                                  settings.validate().join(QLatin1Char('\n')));
            return ExitBadCommandLine;
        }
        management.roles = *roles;
        management.serverMode = settings.attachedServerMode;
        title = QCoreApplication::translate("main", "attached to %1").arg(roles->metadata.describe());
    } else {
        QString error;
        std::optional<d4::config::ServerConfig> config;
        if (parser.isSet(options.config)) {
            d4::config::ConfigError configError;
            config = d4::config::ServerConfigLoader::load(parser.value(options.config), configError);
            error = configError.toString();
        } else {
            config = settings.serverConfig(error);
        }
        if (!config) {
            QMessageBox::critical(nullptr, QStringLiteral("D4 Console"), error);
            return ExitBadCommandLine;
        }
        if (parser.isSet(options.port)) {
            bool ok = false;
            config->serverPort = parser.value(options.port).toInt(&ok);
            if (!ok || config->serverPort < 0 || config->serverPort > 65535) {
                QMessageBox::critical(nullptr, QStringLiteral("D4 Console"),
                                      QCoreApplication::translate("main", "--port: not a port number"));
                return ExitBadCommandLine;
            }
        }
        if (parser.isSet(options.dataDir)) {
            config->dataDirectory = parser.value(options.dataDir);
        }
        runtime = std::make_unique<d4::app::ServerRuntime>(*config);
        if (!runtime->start(error)) {
            QMessageBox::critical(nullptr, QStringLiteral("D4 Console"),
                                  QCoreApplication::translate("main",
                                                              "The embedded server did not start: %1\n\n"
                                                              "Check File > Settings or run with --attach.")
                                      .arg(error));
            return ExitRuntimeError;
        }
        management.roles = runtime->redisRoles();
        management.defaultQueueMaxSize = config->analyzerQueuesMaxSize;
        management.serverMode = d4::config::ServerConfig::modeName(config->serverMode);
        management.saveDirectory = config->effectiveSaveDirectory();
        d4::ingest::IngestServer *ingest = runtime->ingestServer();
        management.ingestStatistics = [ingest] { return ingest->statistics(); };
        contact.destination =
            QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(runtime->listeningPort());
        contact.fingerprint = runtime->identity().fingerprint();
        contact.certificatePath = runtime->identity().certificatePath;
        title =
            QCoreApplication::translate("main", "embedded server on port %1").arg(runtime->listeningPort());
    }

    d4::ui::MainWindow window;
    window.setWindowTitle(QStringLiteral("D4 Console — %1").arg(title));
    d4::management::ManagementService service(management);
    d4::ui::ConsoleController controller(&window, &service);
    controller.setServerContact(contact);
    // The passive DNS analyzer runs inside the server. Embedded, the page charts it live; attached,
    // it searches the attached server's store and charts that store's counters, when the
    // settings name it (attach/pdns).
    const std::optional<d4::store::RedisEndpoint> pdnsStore =
        runtime ? std::optional<d4::store::RedisEndpoint>(runtime->pdnsRedis()) : settings.attachPdns();
    if ((runtime && runtime->pdnsAnalyzer()) || (!runtime && pdnsStore)) {
        auto *dnsPage = new d4::ui::DnsPage(*pdnsStore, runtime ? runtime->pdnsAnalyzer() : nullptr);
        if (runtime) {
            // Null (box hidden) without [Passive_DNS_Queue]; attached, the page reads the published state.
            dnsPage->setRemoteQueue(runtime->pdnsRemoteQueue());
        }
        window.addPage(QCoreApplication::translate("main", "Passive DNS"),
                       d4::ui::ConsoleIcons::icon(d4::ui::ConsoleIcons::Id::PassiveDns), dnsPage);
    }
    // The Backscatter page also shows imported captures, so it is there in both modes; only its
    // "Live" source needs the embedded server's analyzer.
    auto *backscatterPage = new d4::ui::BackscatterPage(runtime ? runtime->backscatterAnalyzer() : nullptr);
    window.addPage(QCoreApplication::translate("main", "Backscatter"),
                   d4::ui::ConsoleIcons::icon(d4::ui::ConsoleIcons::Id::Backscatter), backscatterPage);
    // Forwarding rules run in the server; the page only needs their Redis keys, so it is there in
    // both modes.
    auto *forwardPage = new d4::ui::ForwardPage(management.roles.metadata, management.roles.analyzer);
    if (runtime) {
        // The embedded server's rules are edited in its server.conf, when it has one.
        forwardPage->setConfigFile(parser.isSet(options.config) ? parser.value(options.config)
                                                                : settings.configFile);
    }
    window.addPage(QCoreApplication::translate("main", "Sharing"),
                   d4::ui::ConsoleIcons::icon(d4::ui::ConsoleIcons::Id::Sharing), forwardPage);
    // Capture import: drops on the window, File > Import, and capture files on the command line.
    d4::ui::ImportController importer;
    if (pdnsStore) {
        d4::import::ImportOptions importOptions;
        importOptions.pdnsStore = *pdnsStore; // imported DNS records next to the sensors'
        importer.setOptions(importOptions);
    }
    auto *importPage = new d4::ui::ImportPage(&importer);
    d4::ui::linkImportsToBackscatterPage(&importer, backscatterPage);
    window.addPage(QCoreApplication::translate("main", "Import"),
                   d4::ui::ConsoleIcons::icon(d4::ui::ConsoleIcons::Id::Import), importPage);
    window.setDropHandlers([&importer](const QMimeData *mime) { return importer.canImport(mime); },
                           [&importer, &window, importPage](const QMimeData *mime) {
                               window.showPage(importPage);
                               return importer.importMimeData(mime);
                           });
    QObject::connect(window.importAction(), &QAction::triggered, &window, [&importer, &window, importPage] {
        const QStringList files = QFileDialog::getOpenFileNames(
            &window, QCoreApplication::translate("main", "Import captures"), QString(),
            QCoreApplication::translate("main", "Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)"));
        if (!files.isEmpty()) {
            window.showPage(importPage);
            importer.importPaths(files);
        }
    });

    service.start();
    window.restoreWindowState();
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        window.showPage(importPage);
        importer.importPaths(parser.positionalArguments());
    }
    const int code = QApplication::exec();
    service.stop();
    if (runtime) {
        runtime->stop();
    }
    d4::ui::LogSink::uninstall();
    return code;
}
