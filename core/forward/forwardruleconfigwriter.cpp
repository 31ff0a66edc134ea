// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardruleconfigwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStringList>

#include "config/serverconfig.h"
#include "forward/forwardruleloader.h"
#include "sensor/fingerprint.h"

namespace d4::forward {

namespace {

/** One line of the file, with its line ending, so that untouched lines are copied as they are. */
struct TextLine
{
    QByteArray bytes; ///< with its ending
    QByteArray trimmed;
};

QList<TextLine> splitLines(const QByteArray &text)
{
    QList<TextLine> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        const QByteArray bytes = text.mid(start, end - start);
        lines.append({bytes, bytes.trimmed()});
        start = end;
    }
    return lines;
}

bool isHeader(const QByteArray &trimmed)
{
    return trimmed.startsWith('[') && trimmed.endsWith(']');
}

bool isHeaderOf(const QByteArray &trimmed, const QString &section)
{
    return isHeader(trimmed) && QString::fromUtf8(trimmed.mid(1, trimmed.size() - 2)).trimmed() == section;
}

bool isBlankOrComment(const QByteArray &trimmed)
{
    return trimmed.isEmpty() || trimmed.startsWith('#') || trimmed.startsWith(';');
}

QString joined(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

QString sectionName(const QString &name)
{
    return ForwardRuleLoader::kSectionPrefix.toString() + name;
}

} // namespace

IniKeys ForwardRuleConfigWriter::render(const ForwardRule &rule, const QString &partnerCaFile)
{
    IniKeys keys;
    const auto add = [&keys](const char *key, const QString &value) {
        keys.append({QLatin1String(key), value});
    };
    if (!rule.enabled) {
        add("enabled", QStringLiteral("no"));
    }
    add("type", QString::number(rule.type)); // not a default worth hiding: it says what is shared
    if (!rule.extendedType.isEmpty()) {
        add("extended_type", QString::fromLatin1(rule.extendedType));
    }
    QStringList queues;
    QStringList sensors;
    bool everySensor = false;
    for (const ForwardSource &source : rule.sources) {
        if (source.kind == ForwardSource::Kind::AnalyzerQueue) {
            queues.append(QString::fromLatin1(source.queueUuid));
        } else if (source.sensors.isEmpty()) {
            everySensor = true;
        } else {
            for (const QByteArray &sensor : source.sensors) {
                if (!sensors.contains(QString::fromLatin1(sensor))) {
                    sensors.append(QString::fromLatin1(sensor));
                }
            }
        }
    }
    if (!queues.isEmpty()) {
        add("queues", joined(queues));
    }
    if (everySensor) {
        add("sensors", QStringLiteral("*")); // every sensor includes the listed ones
    } else if (!sensors.isEmpty()) {
        add("sensors", joined(sensors));
    }
    add("partner", rule.partner.server.toString());
    add("partner_uuid", QString::fromLatin1(rule.partnerUuid));
    add("partner_key", QString::fromUtf8(rule.partnerKey));
    if (!partnerCaFile.isEmpty()) {
        add("partner_ca", partnerCaFile);
    }
    if (rule.partner.pin) {
        add("partner_pin", sensor::formatFingerprint(*rule.partner.pin));
    }
    if (rule.partner.insecure) {
        add("partner_insecure", QStringLiteral("yes"));
    }
    if (rule.partner.retryMax != std::chrono::seconds(30)) {
        add("retry_max", QString::number(rule.partner.retryMax.count()));
    }
    const LineFilterSettings defaults;
    if (rule.lines.passiveDns != (rule.type == 8)) {
        add("passive_dns", rule.lines.passiveDns ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    if (rule.lines.fields != defaults.fields) {
        add("layout_fields", QString::fromLatin1(rule.lines.fields));
    }
    if (rule.lines.separator != defaults.separator) {
        add("layout_separator", QString::fromUtf8(rule.lines.separator));
    }
    if (!rule.lines.dropSuffixes.isEmpty()) {
        add("drop_zones", joined(rule.lines.dropSuffixes));
    }
    if (!rule.lines.keepSuffixes.isEmpty()) {
        add("keep_zones", joined(rule.lines.keepSuffixes));
    }
    if (rule.lines.clientFields == ClientFieldPolicy::Drop) {
        add("client_fields", QStringLiteral("drop"));
    } else if (rule.lines.clientFields == ClientFieldPolicy::Pseudonymise) {
        add("client_fields", QStringLiteral("pseudonymise"));
    }
    if (!rule.lines.pseudonymKey.isEmpty()) {
        add("pseudonym_key", QString::fromUtf8(rule.lines.pseudonymKey));
    }
    if (!rule.lines.dropRrtypes.isEmpty()) {
        QStringList types;
        for (const int type : rule.lines.dropRrtypes) {
            types.append(QString::number(type));
        }
        add("drop_rrtypes", joined(types));
    }
    if (rule.lines.sampleRate != defaults.sampleRate) {
        add("sample", QString::number(rule.lines.sampleRate, 'g', QLocale::FloatingPointShortest));
    }
    const PcapFilterSettings pcapDefaults;
    if (!rule.pcap.expression.isEmpty()) {
        add("pcap_filter", rule.pcap.expression);
    }
    if (rule.pcap.snapLength != pcapDefaults.snapLength) {
        add("snap_length", QString::number(rule.pcap.snapLength));
    }
    if (rule.pcap.linkType != pcapDefaults.linkType) {
        add("link_type", QString::number(rule.pcap.linkType));
    }
    const ForwardRule ruleDefaults;
    if (!rule.spoolDirectory.isEmpty()) {
        add("spool_directory", rule.spoolDirectory);
    }
    if (rule.spoolMaxBytes != ruleDefaults.spoolMaxBytes) {
        add("spool_max_mb", QString::number(rule.spoolMaxBytes >> 20));
    }
    if (rule.ackInterval != ruleDefaults.ackInterval) {
        add("ack_interval_ms", QString::number(rule.ackInterval.count()));
    }
    if (rule.ackBytes != ruleDefaults.ackBytes) {
        add("ack_max_mb", QString::number(rule.ackBytes >> 20));
    }
    if (rule.snaplen != ruleDefaults.snaplen) {
        add("packet_size", QString::number(rule.snaplen));
    }
    return keys;
}

std::optional<IniKeys> ForwardRuleConfigWriter::sectionKeys(const QByteArray &text, const QString &name)
{
    config::IniFile ini;
    config::ConfigError error;
    if (!ini.parse(text, QString(), error)) {
        return std::nullopt;
    }
    const QString section = sectionName(name);
    bool found = false;
    for (const auto &header : ini.sections()) {
        found = found || header.first == section;
    }
    if (!found) {
        return std::nullopt;
    }
    IniKeys keys;
    for (const config::IniEntry &entry : ini.entries()) {
        if (entry.section == section) {
            keys.append({entry.key, entry.value});
        }
    }
    return keys;
}

QByteArray ForwardRuleConfigWriter::replaceSection(const QByteArray &text, const QString &name,
                                                   const std::optional<IniKeys> &keys)
{
    const QByteArray eol = text.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    const QString section = sectionName(name);
    QByteArray sectionText;
    if (keys) {
        sectionText = '[' + section.toUtf8() + ']' + eol;
        for (const auto &[key, value] : *keys) {
            sectionText += key.toUtf8() + " = " + value.toUtf8() + eol;
        }
    }

    const QList<TextLine> lines = splitLines(text);
    qsizetype header = -1;
    for (qsizetype i = 0; i < lines.size() && header < 0; ++i) {
        if (isHeaderOf(lines[i].trimmed, section)) {
            header = i;
        }
    }
    if (header < 0) {
        if (!keys) {
            return text;
        }
        QByteArray result = text;
        if (!result.isEmpty() && !result.endsWith('\n')) {
            result += eol;
        }
        if (!result.isEmpty() && !result.endsWith(QByteArray(eol + eol)) && result != eol) {
            result += eol; // a blank line between sections, as written by hand
        }
        return result + sectionText;
    }
    qsizetype next = header + 1;
    while (next < lines.size() && !isHeader(lines[next].trimmed)) {
        ++next;
    }
    // The comments and blank lines that end the section introduce what follows: they stay.
    qsizetype bodyEnd = next;
    while (bodyEnd > header + 1 && isBlankOrComment(lines[bodyEnd - 1].trimmed)) {
        --bodyEnd;
    }
    qsizetype keepFrom = bodyEnd;
    if (!keys) {
        // A removed section takes the blank lines that separated it from what follows.
        while (keepFrom < next && lines[keepFrom].trimmed.isEmpty()) {
            ++keepFrom;
        }
    }
    qsizetype keepUntil = header;
    if (!keys && keepFrom == lines.size()) {
        // The last section goes with the blank lines that separated it from the one before.
        while (keepUntil > 0 && lines[keepUntil - 1].trimmed.isEmpty()) {
            --keepUntil;
        }
    }
    QByteArray result;
    for (qsizetype i = 0; i < keepUntil; ++i) {
        result += lines[i].bytes;
    }
    if (keys) {
        // A last line without its ending gets one, so the next key cannot run into it.
        if (!result.isEmpty() && !result.endsWith('\n')) {
            result += eol;
        }
        result += sectionText;
    }
    for (qsizetype i = keepFrom; i < lines.size(); ++i) {
        result += lines[i].bytes;
    }
    return result;
}

bool ForwardRuleConfigWriter::updateFile(const QString &path, const QString &name,
                                         const std::optional<IniKeys> &keys, config::ConfigError &error)
{
    error = {};
    error.file = path;
    error.section = sectionName(name);
    if (keys) {
        for (const auto &[key, value] : *keys) {
            if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
                error.key = key;
                error.message = QStringLiteral("a value must fit on one line");
                return false;
            }
        }
    }
    QByteArray text;
    QFile current(path);
    const bool exists = current.exists();
    if (exists) {
        if (!current.open(QIODevice::ReadOnly)) {
            error.message = current.errorString();
            return false;
        }
        text = current.readAll();
        current.close();
    }
    const QByteArray updated = replaceSection(text, name, keys);
    if (!config::ServerConfigLoader::parse(updated, path, error)) {
        return false;
    }
    const QFile::Permissions permissions = exists ? QFileInfo(path).permissions() : QFile::Permissions();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(updated) != updated.size() || !file.commit()) {
        error = {path, 0, {}, {}, file.errorString()};
        return false;
    }
    if (exists) {
        QFile::setPermissions(path, permissions);
    } else {
        // Rules hold secrets (partner and pseudonym keys): a new file is readable by its owner only.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

} // namespace d4::forward
