// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "config/inifile.h"

#include <QSet>

namespace d4::config {

QString ConfigError::toString() const
{
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
    }
    out += QStringLiteral(": ");
    if (!section.isEmpty()) {
        out += QLatin1Char('[') + section + QStringLiteral("] ");
    }
    if (!key.isEmpty()) {
        out += key + QStringLiteral(": ");
    }
    return out + message;
}

bool IniFile::parse(const QByteArray &text, const QString &fileName, ConfigError &error)
{
    m_entries.clear();
    m_sections.clear();
    QString section;
    QSet<QString> seenInSection;
    QSet<QString> seenSections;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNumber = static_cast<int>(index + 1);
        const QString raw = QString::fromUtf8(lines.at(index));
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')) || line.size() < 3) {
                error = {
                    fileName, lineNumber, {}, {}, QStringLiteral("malformed section header '%1'").arg(line)};
                return false;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            if (seenSections.contains(section)) {
                error = {fileName, lineNumber, section, {}, QStringLiteral("section appears twice")};
                return false;
            }
            seenSections.insert(section);
            seenInSection.clear();
            m_sections.append({section, lineNumber});
            continue;
        }
        if (raw.front().isSpace()) {
            error = {
                fileName, lineNumber, section, {}, QStringLiteral("continuation lines are not supported")};
            return false;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        qsizetype separator = equals;
        if (separator < 0 || (colon >= 0 && colon < separator)) {
            separator = colon;
        }
        if (separator <= 0) {
            error = {fileName,
                     lineNumber,
                     section,
                     {},
                     QStringLiteral("expected 'key = value', found '%1'").arg(line)};
            return false;
        }
        const QString key = line.left(separator).trimmed().toLower();
        if (section.isEmpty()) {
            error = {fileName, lineNumber, {}, key, QStringLiteral("key outside of any [section]")};
            return false;
        }
        if (seenInSection.contains(key)) {
            error = {fileName, lineNumber, section, key, QStringLiteral("key appears twice in this section")};
            return false;
        }
        seenInSection.insert(key);
        m_entries.append({section, key, line.mid(separator + 1).trimmed(), lineNumber});
    }
    return true;
}

} // namespace d4::config
