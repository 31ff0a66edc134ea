// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace d4::test {

/**
 * A d4-sensor configuration directory in a temporary directory: type 1, key kKey and uuid
 * kUuid to start with; change any file with set().
 */
class SensorTestConfig final
{
public:
    static constexpr char kKey[] = "private key to change";
    static constexpr char kUuid[] = "1d940331-9fc9-4381-8fc9-3b624db66025";

    SensorTestConfig();

    /** Writes (or with a null @p content removes) file @p name. */
    void set(const QString &name, const QByteArray &content);
    QByteArray get(const QString &name) const;
    QString path() const { return m_dir.path(); }
    /** A path for scratch files next to (not inside) the configuration. */
    QString scratchPath(const QString &name) const;

    /** A QProcess set up to run the built d4-sensor with -c path() and @p extraArguments. */
    void prepare(QProcess &process, const QStringList &extraArguments = {}) const;

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_scratch;
};

} // namespace d4::test
