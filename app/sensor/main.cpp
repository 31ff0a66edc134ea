// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include <QCommandLineParser>
#include <QCoreApplication>

#include "common/commandline.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    d4::app::setApplicationIdentity(QStringLiteral("d4-sensor"));
    QCommandLineParser parser;
    d4::app::addStandardOptions(parser);
    parser.process(app);
    return 2;
}
