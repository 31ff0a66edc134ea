// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "sensor/configerror.h"
#include "sensor/result.h"

namespace d4::sensor {

/**
 * File access for the one-setting-per-file configuration directory that the D4 C and Go
 * clients share (files uuid, key, type, snaplen...). Pure file handling: what the values mean
 * is SensorConfig's business. Errors name the file with its full path.
 */
class ConfigDirectory final
{
public:
    /** Size limit of a one-line setting file (the C client reads 1024 bytes). */
    static constexpr qsizetype kMaxSettingBytes = 1024;

    explicit ConfigDirectory(QString path);

    const QString &path() const noexcept { return m_path; }
    bool isDirectory() const;
    QString filePath(const QString &name) const;

    /**
     * The content of setting file @p name with trimLineEnding() applied; nullopt when the file
     * does not exist; an error when it cannot be read or holds more than @p maxBytes bytes.
     */
    Result<std::optional<QByteArray>, ConfigError> readSetting(const QString &name,
                                                               qsizetype maxBytes = kMaxSettingBytes) const;

    /** As readSetting(), without trimming (metaheader.json, rootCA.crt). */
    Result<std::optional<QByteArray>, ConfigError> readRaw(const QString &name, qsizetype maxBytes) const;

    /** Replaces file @p name atomically with @p content; returns the error, if any. */
    std::optional<ConfigError> write(const QString &name, const QByteArray &content) const;

    /**
     * The Go client's rule, which the C client's "cut at the last newline" agrees with for
     * one-line files: drop one trailing '\n', then one trailing '\r'. Nothing else is touched,
     * so a key keeps its spaces.
     */
    static QByteArray trimLineEnding(QByteArray value);

private:
    QString m_path;
};

} // namespace d4::sensor
