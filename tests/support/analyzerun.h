// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include "testenvironment.h"

namespace d4::test {

/** What one `d4-server analyze` run gave: exit code (-1 when it crashed or hung), stdout, stderr. */
struct AnalyzeRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/** Runs the built `d4-server analyze ARGUMENTS...` to its end (killed after 60 s). */
inline AnalyzeRun runAnalyze(const QStringList &arguments)
{
    QProcess process;
    process.start(builtExecutable(QStringLiteral("d4-server")),
                  QStringList{QStringLiteral("analyze")} + arguments);
    AnalyzeRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace d4::test
