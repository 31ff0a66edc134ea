// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "testenvironment.h"

#include <QDir>
#include <QStandardPaths>

namespace d4::test {

bool runningInCi()
{
    const QByteArray ci = qgetenv("CI").toLower();
    return ci == "true" || ci == "1";
}

QString testDataPath(const QString &relativePath)
{
    return QDir(QStringLiteral(D4_TEST_DATA_DIR)).filePath(relativePath);
}

QString builtExecutable(const QString &name)
{
    return QDir(QStringLiteral(D4_BINARY_DIR)).filePath(QStringLiteral("app/") + name);
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        // Debian installs redis-server in /usr/bin, but sbin paths are often missing for non-root users.
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    }
    return path;
}

} // namespace d4::test
