// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensortestconfig.h"

#include <QDir>
#include <QFile>

#include "testenvironment.h"

namespace d4::test {

SensorTestConfig::SensorTestConfig()
{
    set(QStringLiteral("type"), "1\n");
    set(QStringLiteral("key"), QByteArray(kKey) + '\n');
    set(QStringLiteral("uuid"), QByteArray(kUuid) + '\n');
}

void SensorTestConfig::set(const QString &name, const QByteArray &content)
{
    const QString file = QDir(m_dir.path()).filePath(name);
    if (content.isNull()) {
        QFile::remove(file);
        return;
    }
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(file));
    }
}

QByteArray SensorTestConfig::get(const QString &name) const
{
    QFile in(QDir(m_dir.path()).filePath(name));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

QString SensorTestConfig::scratchPath(const QString &name) const
{
    return QDir(m_scratch.path()).filePath(name);
}

void SensorTestConfig::prepare(QProcess &process, const QStringList &extraArguments) const
{
    process.setProgram(builtExecutable(QStringLiteral("d4-sensor")));
    process.setArguments(QStringList{QStringLiteral("-c"), path()} + extraArguments);
}

} // namespace d4::test
