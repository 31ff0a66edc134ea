// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-server: the D4 ingest server without a GUI, for servers and systemd.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "common/commandline.h"
#include "common/logsetup.h"
#include "common/serverruntime.h"
#include "common/unixsignalwatcher.h"
#include "config/serverconfig.h"
#include "server/analyze.h"

namespace {

enum ExitCode
{
    ExitOk = 0,
    ExitRuntimeError = 1,
    ExitBadConfiguration = 2
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-server"));
    // `d4-server analyze FILE... [--json]`: offline capture analysis, no server started.
    if (argc >= 2 && qstrcmp(argv[1], "analyze") == 0) {
        return d4::app::runAnalyze(app.arguments());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "D4 sensor-network ingest server (headless).\n\n"
                "Without --config it listens on port 4443 in registration mode and runs its own\n"
                "redis-server under the data directory. See docs/configuration.md for every key.\n\n"
                "Exit codes: 0 stopped cleanly, 1 runtime error (Redis, TLS, port),\n"
                "2 invalid command line or configuration file."));
    d4::app::addStandardOptions(parser);
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        QCoreApplication::translate("main",
                                    "Read the server configuration from <file> (server.conf format)."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption portOption(
        {QStringLiteral("p"), QStringLiteral("port")},
        QCoreApplication::translate("main", "Listen on <port> instead of server_port (0 picks a free port)."),
        QCoreApplication::translate("main", "port"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QCoreApplication::translate("main", "Use <dir> as data_directory."),
                                        QCoreApplication::translate("main", "dir"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QCoreApplication::translate("main", "Log debug messages."));
    parser.addOptions({configOption, portOption, dataOption, verboseOption});
    parser.process(app);
    d4::app::installLogHandler(parser.isSet(verboseOption));

    QTextStream err(stderr);
    d4::config::ServerConfig config;
    if (parser.isSet(configOption)) {
        d4::config::ConfigError error;
        auto loaded = d4::config::ServerConfigLoader::load(parser.value(configOption), error);
        if (!loaded) {
            err << "d4-server: " << error.toString() << '\n';
            return ExitBadConfiguration;
        }
        config = *loaded;
    }
    if (parser.isSet(portOption)) {
        bool ok = false;
        const int port = parser.value(portOption).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            err << "d4-server: --port: '" << parser.value(portOption) << "' is not a port number\n";
            return ExitBadConfiguration;
        }
        config.serverPort = port;
    }
    if (parser.isSet(dataOption)) {
        config.dataDirectory = parser.value(dataOption);
    }

    d4::app::ServerRuntime runtime(config);
    // Watched before the start, so that a SIGTERM as soon as the line below is out (a test, systemd)
    // is a clean stop once the event loop runs, not the default action.
    d4::app::UnixSignalWatcher signals;
    QObject::connect(&signals, &d4::app::UnixSignalWatcher::terminationRequested, &app, [&](int) {
        runtime.stop();
        QCoreApplication::quit();
    });
    QString error;
    if (!runtime.start(error)) {
        err << "d4-server: " << error << '\n';
        return ExitRuntimeError;
    }
    // Tests and scripts read this line to learn the port and the certificate to pin.
    QTextStream(stdout) << "d4-server listening on port " << runtime.listeningPort() << " fingerprint "
                        << runtime.identity().fingerprint() << Qt::endl;
    return QCoreApplication::exec();
}
