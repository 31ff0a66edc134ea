// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// d4-console: the desktop management console.

#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include "common/commandline.h"
#include "mainwindow/mainwindow.h"

namespace {

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "D4 Console: manage a D4 sensor network and analyse its data.\n\n"
                "Exit codes: 0 success, 1 runtime error, 2 invalid command line."));
    d4::app::addStandardOptions(parser);
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
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("D4 Console"));
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    auto window = std::make_unique<d4::ui::MainWindow>();
    window->show();
    return QApplication::exec();
}
