// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardruleloader.h"

#include <functional>
#include <map>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "analyzers/passivedns/rrtypes.h"
#include "config/configvalue.h"
#include "protocol/uuid.h"

namespace d4::forward {

namespace {

/** Context of one key while it is applied: the rule, the groups and where the file lives. */
struct KeyContext
{
    ForwardRule &rule;
    const std::map<QString, QByteArrayList> &groups;
    QDir baseDirectory;
};

using Setter = std::function<QString(KeyContext &, const QString &)>; // an error, or empty

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &part :
         value.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        items.append(part.trimmed());
    }
    return items;
}

std::optional<QByteArray> canonicalUuid(const QString &text)
{
    const std::optional<protocol::Uuid> uuid = protocol::parseUuid(text.trimmed().toStdString());
    if (!uuid) {
        return std::nullopt;
    }
    return QByteArray::fromStdString(protocol::uuidToDashed(*uuid));
}

Setter integerKey(qint64 min, qint64 max, std::function<void(ForwardRule &, qint64)> assign)
{
    return [=](KeyContext &context, const QString &value) {
        qint64 number = 0;
        QString error = config::parseInteger(value, min, max, number);
        if (error.isEmpty()) {
            assign(context.rule, number);
        }
        return error;
    };
}

QString parseZones(const QString &value, QStringList &zones)
{
    zones.clear();
    static const QRegularExpression validZone(QStringLiteral("^[a-z0-9_*-]+(\\.[a-z0-9_-]+)*\\.?$"));
    for (const QString &item : splitList(value)) {
        const QString zone = item.toLower();
        if (!validZone.match(zone).hasMatch()) {
            return QStringLiteral("'%1' is not a DNS zone name").arg(item);
        }
        zones.append(zone.endsWith(QLatin1Char('.')) ? zone.chopped(1) : zone);
    }
    return {};
}

std::map<QString, Setter> buildTable()
{
    std::map<QString, Setter> table;
    table[QStringLiteral("enabled")] = [](KeyContext &c, const QString &v) {
        return config::parseBoolean(v, c.rule.enabled);
    };
    table[QStringLiteral("type")] = [](KeyContext &c, const QString &v) {
        qint64 type = 0;
        if (!config::parseInteger(v, 0, 255, type).isEmpty() ||
            (type != 1 && type != 3 && type != 8 && type != 254)) {
            return QStringLiteral("'%1' is not a forwardable type (1, 3, 8 or 254)").arg(v);
        }
        c.rule.type = int(type);
        return QString();
    };
    table[QStringLiteral("extended_type")] = [](KeyContext &c, const QString &v) {
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
        if (!valid.match(v).hasMatch()) {
            return QStringLiteral("'%1' is not an extended type name").arg(v);
        }
        c.rule.extendedType = v.toLatin1();
        return QString();
    };
    table[QStringLiteral("queues")] = [](KeyContext &c, const QString &v) {
        for (const QString &item : splitList(v)) {
            const std::optional<QByteArray> uuid = canonicalUuid(item);
            if (!uuid) {
                return QStringLiteral("'%1' is not a queue UUID").arg(item);
            }
            ForwardSource source;
            source.kind = ForwardSource::Kind::AnalyzerQueue;
            source.queueUuid = *uuid;
            c.rule.sources.append(source);
        }
        return QString();
    };
    table[QStringLiteral("sensors")] = [](KeyContext &c, const QString &v) {
        ForwardSource source;
        source.kind = ForwardSource::Kind::Sensors;
        for (const QString &item : splitList(v)) {
            if (item == u"*") {
                if (splitList(v).size() != 1) {
                    return QStringLiteral("'*' (every sensor) cannot be combined with other sensors");
                }
                break;
            }
            if (item.startsWith(QLatin1Char('@'))) {
                const auto group = c.groups.find(item.mid(1));
                if (group == c.groups.end()) {
                    return QStringLiteral("'%1' is not a group of [Sensor_Groups]").arg(item.mid(1));
                }
                source.sensors.append(group->second);
                continue;
            }
            const std::optional<QByteArray> uuid = canonicalUuid(item);
            if (!uuid) {
                return QStringLiteral("'%1' is not a sensor UUID, @group or *").arg(item);
            }
            source.sensors.append(*uuid);
        }
        if (v.trimmed().isEmpty()) {
            return QStringLiteral("must not be empty (use * for every sensor)");
        }
        QByteArrayList unique;
        for (const QByteArray &sensor : std::as_const(source.sensors)) {
            if (!unique.contains(sensor)) {
                unique.append(sensor);
            }
        }
        source.sensors = unique;
        c.rule.sources.append(source);
        return QString();
    };
    table[QStringLiteral("partner")] = [](KeyContext &c, const QString &v) {
        const std::optional<sensor::Endpoint> endpoint = sensor::Endpoint::parse(v);
        if (!endpoint) {
            return QStringLiteral("'%1' is not host:port or [ipv6]:port").arg(v);
        }
        c.rule.partner.server = *endpoint;
        return QString();
    };
    table[QStringLiteral("partner_uuid")] = [](KeyContext &c, const QString &v) {
        const std::optional<QByteArray> uuid = canonicalUuid(v);
        if (!uuid) {
            return QStringLiteral("'%1' is not a UUID").arg(v);
        }
        c.rule.partnerUuid = *uuid;
        return QString();
    };
    table[QStringLiteral("partner_key")] = [](KeyContext &c, const QString &v) {
        if (v.isEmpty()) {
            return QStringLiteral("must not be empty");
        }
        c.rule.partnerKey = v.toUtf8();
        return QString();
    };
    table[QStringLiteral("partner_ca")] = [](KeyContext &c, const QString &v) {
        QFile file(c.baseDirectory.absoluteFilePath(v));
        if (!file.open(QIODevice::ReadOnly)) {
            return QStringLiteral("cannot read the CA file %1: %2").arg(file.fileName(), file.errorString());
        }
        c.rule.partner.rootCaPem = file.readAll();
        return QString();
    };
    table[QStringLiteral("partner_pin")] = [](KeyContext &c, const QString &v) {
        c.rule.partner.pin = sensor::parseSha256Fingerprint(v);
        if (!c.rule.partner.pin) {
            return QStringLiteral("'%1' is not a SHA-256 fingerprint (64 hex digits, colons allowed)").arg(v);
        }
        return QString();
    };
    table[QStringLiteral("partner_insecure")] = [](KeyContext &c, const QString &v) {
        return config::parseBoolean(v, c.rule.partner.insecure);
    };
    table[QStringLiteral("retry_max")] =
        integerKey(1, 3600, [](ForwardRule &r, qint64 v) { r.partner.retryMax = std::chrono::seconds(v); });
    table[QStringLiteral("passive_dns")] = [](KeyContext &c, const QString &v) {
        return config::parseBoolean(v, c.rule.lines.passiveDns);
    };
    table[QStringLiteral("layout_fields")] = [](KeyContext &c, const QString &v) {
        static const QRegularExpression valid(QStringLiteral("^[HSMcsCQTAtnphLlwW]+$"));
        if (!valid.match(v).hasMatch() || !v.contains(QLatin1Char('Q')) || !v.contains(QLatin1Char('T')) ||
            !v.contains(QLatin1Char('A'))) {
            return QStringLiteral("'%1' is not a passivedns -f field list with Q, T and A").arg(v);
        }
        c.rule.lines.fields = v.toLatin1();
        return QString();
    };
    table[QStringLiteral("layout_separator")] = [](KeyContext &c, const QString &v) {
        if (v.isEmpty()) {
            return QStringLiteral("must not be empty");
        }
        c.rule.lines.separator = v.toUtf8();
        return QString();
    };
    table[QStringLiteral("drop_zones")] = [](KeyContext &c, const QString &v) {
        return parseZones(v, c.rule.lines.dropSuffixes);
    };
    table[QStringLiteral("keep_zones")] = [](KeyContext &c, const QString &v) {
        return parseZones(v, c.rule.lines.keepSuffixes);
    };
    table[QStringLiteral("client_fields")] = [](KeyContext &c, const QString &v) {
        if (v == u"keep") {
            c.rule.lines.clientFields = ClientFieldPolicy::Keep;
        } else if (v == u"drop") {
            c.rule.lines.clientFields = ClientFieldPolicy::Drop;
        } else if (v == u"pseudonymise" || v == u"pseudonymize") {
            c.rule.lines.clientFields = ClientFieldPolicy::Pseudonymise;
        } else {
            return QStringLiteral("'%1' is not keep, drop or pseudonymise").arg(v);
        }
        return QString();
    };
    table[QStringLiteral("pseudonym_key")] = [](KeyContext &c, const QString &v) {
        if (v.size() < 16) {
            return QStringLiteral("must be at least 16 characters long");
        }
        c.rule.lines.pseudonymKey = v.toUtf8();
        return QString();
    };
    table[QStringLiteral("drop_rrtypes")] = [](KeyContext &c, const QString &v) {
        c.rule.lines.dropRrtypes.clear();
        for (const QString &item : splitList(v)) {
            const int type = passivedns::RrTypes::fromText(item.toUpper().toLatin1());
            if (type < 0) {
                return QStringLiteral("'%1' is not a DNS type (mnemonic or number)").arg(item);
            }
            c.rule.lines.dropRrtypes.append(type);
        }
        return QString();
    };
    table[QStringLiteral("sample")] = [](KeyContext &c, const QString &v) {
        bool ok = false;
        const double rate = v.toDouble(&ok);
        if (!ok || !(rate > 0.0) || rate > 1.0) {
            return QStringLiteral("'%1' is not a fraction in (0, 1]").arg(v);
        }
        c.rule.lines.sampleRate = rate;
        return QString();
    };
    table[QStringLiteral("pcap_filter")] = [](KeyContext &c, const QString &v) {
        c.rule.pcap.expression = v;
        return QString();
    };
    table[QStringLiteral("snap_length")] =
        integerKey(0, 262144, [](ForwardRule &r, qint64 v) { r.pcap.snapLength = quint32(v); });
    table[QStringLiteral("link_type")] =
        integerKey(0, 65535, [](ForwardRule &r, qint64 v) { r.pcap.linkType = quint32(v); });
    table[QStringLiteral("spool_directory")] = [](KeyContext &c, const QString &v) {
        c.rule.spoolDirectory = v.isEmpty() ? QString() : c.baseDirectory.absoluteFilePath(v);
        return QString();
    };
    table[QStringLiteral("spool_max_mb")] =
        integerKey(1, 1024 * 1024, [](ForwardRule &r, qint64 v) { r.spoolMaxBytes = quint64(v) << 20; });
    table[QStringLiteral("ack_interval_ms")] = integerKey(
        100, 3600 * 1000, [](ForwardRule &r, qint64 v) { r.ackInterval = std::chrono::milliseconds(v); });
    table[QStringLiteral("ack_max_mb")] =
        integerKey(1, 4096, [](ForwardRule &r, qint64 v) { r.ackBytes = quint64(v) << 20; });
    table[QStringLiteral("packet_size")] =
        integerKey(1, 1000000, [](ForwardRule &r, qint64 v) { r.snaplen = quint32(v); });
    return table;
}

/** Cross-key checks once a section is read; an error message or empty. */
QString validate(ForwardRule &rule, bool passiveDnsGiven)
{
    if (rule.partner.server.host.isEmpty()) {
        return QStringLiteral("missing key 'partner'");
    }
    if (rule.partnerUuid.isEmpty()) {
        return QStringLiteral("missing key 'partner_uuid'");
    }
    if (rule.partnerKey.isEmpty()) {
        return QStringLiteral("missing key 'partner_key'");
    }
    if (rule.partner.rootCaPem.isEmpty() && !rule.partner.pin && !rule.partner.insecure) {
        return QStringLiteral("the partner's certificate is not verified: set partner_ca or partner_pin "
                              "(or partner_insecure = yes to accept any certificate)");
    }
    if (rule.sources.isEmpty()) {
        return QStringLiteral("no source: set 'queues' and/or 'sensors'");
    }
    if (rule.type == 254 && rule.extendedType.isEmpty()) {
        return QStringLiteral("type 254 needs 'extended_type'");
    }
    if (rule.type != 254 && !rule.extendedType.isEmpty()) {
        return QStringLiteral("'extended_type' is only for type 254");
    }
    if (!passiveDnsGiven) {
        rule.lines.passiveDns = rule.type == 8;
    }
    const bool pdnsFilters = !rule.lines.dropSuffixes.isEmpty() || !rule.lines.keepSuffixes.isEmpty() ||
                             !rule.lines.dropRrtypes.isEmpty() ||
                             rule.lines.clientFields != ClientFieldPolicy::Keep;
    if (pdnsFilters && !rule.lines.passiveDns) {
        return QStringLiteral("zone, rrtype and client-field filters need passive_dns = yes");
    }
    if (rule.lines.clientFields == ClientFieldPolicy::Pseudonymise && rule.lines.pseudonymKey.isEmpty()) {
        return QStringLiteral("client_fields = pseudonymise needs 'pseudonym_key'");
    }
    if (rule.isPcap() && (pdnsFilters || rule.lines.sampleRate < 1.0)) {
        return QStringLiteral("line filters do not apply to a type-1 (pcap) rule");
    }
    if (rule.isPcap() && std::any_of(rule.sources.cbegin(), rule.sources.cend(), [](const ForwardSource &s) {
            return s.kind == ForwardSource::Kind::AnalyzerQueue;
        })) {
        return QStringLiteral("a type-1 rule takes live sensors ('sensors'): type-1 analyzer queues hold "
                              "file names, not packets");
    }
    if (!rule.isPcap() && (!rule.pcap.expression.isEmpty() || rule.pcap.snapLength != 0)) {
        return QStringLiteral("pcap_filter and snap_length only apply to type 1");
    }
    return {};
}

} // namespace

bool ForwardRuleLoader::isForwardSection(const QString &section)
{
    return section.startsWith(kSectionPrefix) || section == kGroupsSection;
}

std::optional<QList<ForwardRule>> ForwardRuleLoader::load(const config::IniFile &ini, const QString &fileName,
                                                          config::ConfigError &error)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    const QDir baseDirectory = QFileInfo(fileName).absoluteDir();

    std::map<QString, QByteArrayList> groups;
    for (const config::IniEntry &entry : ini.entries()) {
        if (entry.section != kGroupsSection) {
            continue;
        }
        QByteArrayList members;
        for (const QString &item : splitList(entry.value)) {
            const std::optional<QByteArray> uuid = canonicalUuid(item);
            if (!uuid) {
                error = {fileName, entry.line, entry.section, entry.key,
                         QStringLiteral("'%1' is not a sensor UUID").arg(item)};
                return std::nullopt;
            }
            members.append(*uuid);
        }
        groups[entry.key] = members;
    }

    const std::map<QString, Setter> table = buildTable();
    QList<ForwardRule> rules;
    for (const auto &[section, line] : ini.sections()) {
        if (!section.startsWith(kSectionPrefix)) {
            continue;
        }
        ForwardRule rule;
        rule.name = section.mid(kSectionPrefix.size());
        if (!validName.match(rule.name).hasMatch()) {
            error = {fileName,
                     line,
                     section,
                     {},
                     QStringLiteral("a rule name has 1 to 64 letters, digits, '-' or '_'")};
            return std::nullopt;
        }
        KeyContext context{rule, groups, baseDirectory};
        bool passiveDnsGiven = false;
        for (const config::IniEntry &entry : ini.entries()) {
            if (entry.section != section) {
                continue;
            }
            const auto setter = table.find(entry.key);
            if (setter == table.end()) {
                error = {fileName, entry.line, section, entry.key, QStringLiteral("unknown key")};
                return std::nullopt;
            }
            const QString problem = setter->second(context, entry.value);
            if (!problem.isEmpty()) {
                error = {fileName, entry.line, section, entry.key, problem};
                return std::nullopt;
            }
            passiveDnsGiven = passiveDnsGiven || entry.key == u"passive_dns";
        }
        const QString problem = validate(rule, passiveDnsGiven);
        if (!problem.isEmpty()) {
            error = {fileName, line, section, {}, problem};
            return std::nullopt;
        }
        rules.append(rule);
    }
    return rules;
}

} // namespace d4::forward
