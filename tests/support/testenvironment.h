// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::test {

/** True when the environment variable CI is "true" (or "1"): missing dependencies then fail instead of skip.
 */
bool runningInCi();

/** Absolute path of a file under tests/data/. */
QString testDataPath(const QString &relativePath);

/** Absolute path of an executable built by this project (d4-sensor, d4-server...). */
QString builtExecutable(const QString &name);

/** Absolute path of a program on PATH, or an empty string. */
QString findProgram(const QString &name);

} // namespace d4::test

/**
 * Inside a test function: skip when @p program is missing, but fail under CI, where a missing
 * dependency means the set-up command is broken.
 */
#define D4_REQUIRE_PROGRAM(path, program)                                                                    \
    const QString path = d4::test::findProgram(QStringLiteral(program));                                     \
    if (path.isEmpty()) {                                                                                    \
        if (d4::test::runningInCi()) {                                                                       \
            QFAIL(program " is not installed; run scripts/install-deps.sh");                                 \
        }                                                                                                    \
        QSKIP(program " is not installed");                                                                  \
    }
