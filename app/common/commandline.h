// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QStringList>

class QCommandLineParser;
class QString;

namespace d4::app {

/** Sets application name, version and organisation for the executable @p applicationName. */
void setApplicationIdentity(const QString &applicationName);

/** Adds --help and --version, the options every executable shares. */
void addStandardOptions(QCommandLineParser &parser);

/**
 * True when @p arguments only ask for --help or --version, which an executable can answer
 * without a display or any service (d4-console uses it to avoid needing a GUI platform).
 */
bool asksOnlyForHelpOrVersion(const QStringList &arguments);

} // namespace d4::app
