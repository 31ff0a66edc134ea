// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "common/commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include "d4/version.h"

namespace d4::app {

void setApplicationIdentity(const QString &applicationName)
{
    QCoreApplication::setApplicationName(applicationName);
    QCoreApplication::setApplicationVersion(QStringLiteral(D4_VERSION_STRING));
    QCoreApplication::setOrganizationName(QStringLiteral("D4 Console"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("d4-project.org"));
}

void addStandardOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
}

bool asksOnlyForHelpOrVersion(const QStringList &arguments)
{
    static const QStringList kFlags{QStringLiteral("-h"),         QStringLiteral("--help"),
                                    QStringLiteral("-v"),         QStringLiteral("--version"),
                                    QStringLiteral("--help-all"), QStringLiteral("-?")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (kFlags.contains(arguments.at(i))) {
            return true;
        }
    }
    return false;
}

} // namespace d4::app
