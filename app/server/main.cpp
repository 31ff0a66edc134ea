// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-server: the D4 ingest server without a GUI, for servers and systemd.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "common/commandline.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "D4 sensor-network ingest server (headless).\n\n"
                "Exit codes: 0 success, 1 runtime error, 2 invalid command line or configuration."));
    d4::app::addStandardOptions(parser);
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        QCoreApplication::translate("main", "Read the server configuration from <file> (server.conf format)."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(configOption);
    parser.process(app);

    QTextStream(stderr) << QCoreApplication::translate(
                               "main", "d4-server: the ingest service is not part of this build yet.")
                        << '\n';
    return 1;
}
