// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/configdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace d4::sensor {

ConfigDirectory::ConfigDirectory(QString path)
    : m_path(std::move(path))
{
}

bool ConfigDirectory::isDirectory() const
{
    return QFileInfo(m_path).isDir();
}

QString ConfigDirectory::filePath(const QString &name) const
{
    return QDir(m_path).filePath(name);
}

Result<std::optional<QByteArray>, ConfigError> ConfigDirectory::readRaw(const QString &name,
                                                                        qsizetype maxBytes) const
{
    const QString path = filePath(name);
    const QFileInfo info(path);
    if (!info.exists()) {
        return std::optional<QByteArray>();
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return ConfigError{
            ConfigError::Code::Unreadable, name,
            QStringLiteral("%1: cannot read the file (%2)")
                .arg(path, info.isDir() ? QStringLiteral("it is a directory") : file.errorString())};
    }
    // One byte more than allowed tells "exactly at the limit" from "too large" without trusting size().
    const QByteArray content = file.read(maxBytes + 1);
    if (content.size() > maxBytes) {
        return ConfigError{ConfigError::Code::TooLarge, name,
                           QStringLiteral("%1: the file is larger than %2 bytes").arg(path).arg(maxBytes)};
    }
    return std::optional<QByteArray>(content);
}

Result<std::optional<QByteArray>, ConfigError> ConfigDirectory::readSetting(const QString &name,
                                                                            qsizetype maxBytes) const
{
    auto raw = readRaw(name, maxBytes);
    if (raw && raw.value()) {
        return std::optional<QByteArray>(trimLineEnding(*raw.value()));
    }
    return raw;
}

std::optional<ConfigError> ConfigDirectory::write(const QString &name, const QByteArray &content) const
{
    const QString path = filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        return ConfigError{ConfigError::Code::WriteFailed, name,
                           QStringLiteral("%1: cannot write the file (%2)").arg(path, file.errorString())};
    }
    return std::nullopt;
}

QByteArray ConfigDirectory::trimLineEnding(QByteArray value)
{
    if (value.endsWith('\n')) {
        value.chop(1);
    }
    if (value.endsWith('\r')) {
        value.chop(1);
    }
    return value;
}

} // namespace d4::sensor
