// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "config/pdnsconfig.h"

#include <QHash>
#include <QTimeZone>

#include "protocol/uuid.h"

namespace d4::config {

store::RedisEndpoint PdnsQueueConfig::defaultEndpoint()
{
    store::RedisEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = 6380;
    endpoint.db = 2;
    return endpoint;
}

bool PdnsLayoutLoader::isLayoutSection(const QString &section)
{
    return section.startsWith(kSectionPrefix);
}

QByteArray PdnsLayoutLoader::parseSeparator(const QString &value, QString &error)
{
    const QByteArray text = value.toUtf8();
    QByteArray separator;
    if (text.startsWith('"')) {
        if (text.size() < 2 || !text.endsWith('"')) {
            error = QStringLiteral("%1: the closing double quote is missing").arg(value);
            return {};
        }
        const QByteArray inner = text.mid(1, text.size() - 2);
        for (qsizetype i = 0; i < inner.size(); ++i) {
            const char c = inner[i];
            if (c == '"') {
                error =
                    QStringLiteral("%1: a double quote inside the quotes must be written \\\"").arg(value);
                return {};
            }
            if (c != '\\') {
                separator.append(c);
                continue;
            }
            const char next = i + 1 < inner.size() ? inner[i + 1] : '\0';
            if (next == 't') {
                separator.append('\t');
            } else if (next == '"' || next == '\\') {
                separator.append(next);
            } else {
                error = QStringLiteral("%1: unknown escape (use \\t, \\\" or \\\\)").arg(value);
                return {};
            }
            ++i;
        }
    } else {
        separator = text;
    }
    if (separator.isEmpty()) {
        error = QStringLiteral("the separator must not be empty");
        return {};
    }
    return separator;
}

std::optional<QMap<QByteArray, passivedns::LineLayout>> PdnsLayoutLoader::load(const IniFile &ini,
                                                                               const QString &fileName,
                                                                               const QString &defaultTimeZone,
                                                                               ConfigError &error)
{
    struct Pending
    {
        passivedns::LineLayout layout;
        bool timeZoneGiven = false;
        bool textKeyGiven = false; ///< fields or separator
        int textKeyLine = 0;
        QString textKey;
        QString section;
        int line = 0;
    };
    QHash<QString, QByteArray> sensorOfSection; // section name as written -> sensor hex
    QMap<QByteArray, Pending> pending;
    for (const auto &[name, line] : ini.sections()) {
        if (!isLayoutSection(name)) {
            continue;
        }
        const QString uuidText = name.mid(kSectionPrefix.size());
        const auto uuid = protocol::parseUuid(uuidText.toStdString());
        if (!uuid) {
            error = {
                fileName,
                line,
                name,
                {},
                QStringLiteral("'%1' is not a sensor UUID (32 hex digits, dashes allowed)").arg(uuidText)};
            return std::nullopt;
        }
        const QByteArray sensor = QByteArray::fromStdString(protocol::uuidToHex(*uuid));
        if (pending.contains(sensor)) {
            error = {fileName,
                     line,
                     name,
                     {},
                     QStringLiteral("sensor %1 already has a layout in [%2] (line %3)")
                         .arg(QString::fromLatin1(sensor), pending[sensor].section)
                         .arg(pending[sensor].line)};
            return std::nullopt;
        }
        sensorOfSection.insert(name, sensor);
        Pending &entry = pending[sensor];
        entry.section = name;
        entry.line = line;
    }
    for (const IniEntry &entry : ini.entries()) {
        if (!isLayoutSection(entry.section)) {
            continue;
        }
        Pending &target = pending[sensorOfSection.value(entry.section)];
        auto fail = [&](const QString &message) {
            error = {fileName, entry.line, entry.section, entry.key, message};
            return std::nullopt;
        };
        if (entry.key == u"fields") {
            if (entry.value.isEmpty()) {
                return fail(QStringLiteral("must not be empty (passivedns' default is SMcsCQTAtn)"));
            }
            target.layout.fields = entry.value.toLatin1();
            passivedns::LineLayout probe = target.layout;
            probe.separator = "||"; // the separator has its own key and check
            const QByteArray problem = probe.validate();
            if (!problem.isEmpty()) {
                return fail(QStringLiteral("'%1' is not a passivedns field set: %2")
                                .arg(entry.value, QString::fromLatin1(problem)));
            }
        } else if (entry.key == u"separator") {
            QString problem;
            target.layout.separator = parseSeparator(entry.value, problem);
            if (!problem.isEmpty()) {
                return fail(problem);
            }
        } else if (entry.key == u"format") {
            if (entry.value == u"json") {
                target.layout.jsonOnly = true;
            } else if (entry.value == u"text") {
                target.layout.jsonOnly = false;
            } else {
                return fail(QStringLiteral("'%1' is not a format (text or json)").arg(entry.value));
            }
        } else if (entry.key == u"time_zone") {
            target.layout.timeZone = QTimeZone(entry.value.toLatin1());
            if (!target.layout.timeZone.isValid()) {
                return fail(
                    QStringLiteral("'%1' is not a time zone (IANA name such as UTC or Europe/Luxembourg)")
                        .arg(entry.value));
            }
            target.timeZoneGiven = true;
        } else {
            return fail(QStringLiteral("unknown key (fields, separator, format, time_zone)"));
        }
        if (entry.key == u"fields" || entry.key == u"separator") {
            target.textKeyGiven = true;
            target.textKeyLine = entry.line;
            target.textKey = entry.key;
        }
    }
    QMap<QByteArray, passivedns::LineLayout> layouts;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        Pending &entry = it.value();
        if (entry.layout.jsonOnly && entry.textKeyGiven) {
            error = {fileName, entry.textKeyLine, entry.section, entry.textKey,
                     QStringLiteral("does not apply to format = json (JSON lines name their fields)")};
            return std::nullopt;
        }
        if (!entry.timeZoneGiven) {
            entry.layout.timeZone = QTimeZone(defaultTimeZone.toLatin1());
        }
        layouts.insert(it.key(), entry.layout);
    }
    return layouts;
}

} // namespace d4::config
