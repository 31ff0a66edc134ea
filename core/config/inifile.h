// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QString>

namespace d4::config {

/** One `key = value` line of an INI file, with where it was found. */
struct IniEntry
{
    QString section; ///< as written
    QString key;     ///< lower-cased, as Python's configparser does
    QString value;   ///< trimmed
    int line = 0;
};

/** A parse or validation error that names the file, the line and the key. */
struct ConfigError
{
    QString file;
    int line = 0;
    QString section;
    QString key;
    QString message;

    /** "file:line: [section] key: message" (the parts that are known). */
    QString toString() const;
};

/**
 * Reads the INI dialect of d4-core's server.conf (Python configparser): `[section]` headers,
 * `key = value` or `key: value`, full-line comments starting with `#` or `;`, keys case-insensitive.
 * Hand-written rather than QSettings because errors must name the line, duplicate keys must be
 * refused, and QSettings would reinterpret values (commas, quotes, percent-encoding).
 */
class IniFile final
{
public:
    /** Parses @p text; on failure returns false and fills @p error (its file is @p fileName). */
    bool parse(const QByteArray &text, const QString &fileName, ConfigError &error);

    const QList<IniEntry> &entries() const noexcept { return m_entries; }
    const QList<QPair<QString, int>> &sections() const noexcept { return m_sections; }

private:
    QList<IniEntry> m_entries;
    QList<QPair<QString, int>> m_sections; ///< name and line of every section header
};

} // namespace d4::config
