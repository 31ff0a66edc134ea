// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "config/backscatterconfig.h"

#include "config/configvalue.h"
#include "config/pdnsconfig.h"
#include "protocol/uuid.h"

namespace d4::config {

namespace {

constexpr qint64 kNanosPerSecond = 1000000000LL;
constexpr qint64 kMaxCount = 1000000000LL;
constexpr qint64 kMaxEvidencePackets = 1000000; // as `d4-server analyze --evidence-packets`
constexpr qint64 kMaxRetentionDays = 36500;     // a century: "keep" is 0

/** parseInteger() into @p target (any integer type). */
template <typename T> QString setInteger(const QString &value, qint64 min, qint64 max, T &target)
{
    qint64 number = 0;
    QString error = parseInteger(value, min, max, number);
    if (error.isEmpty()) {
        target = static_cast<T>(number);
    }
    return error;
}

template <typename T>
QString setOptionalInteger(const QString &value, qint64 min, qint64 max, std::optional<T> &target)
{
    T number{};
    QString error = setInteger(value, min, max, number);
    if (error.isEmpty()) {
        target = number;
    }
    return error;
}

} // namespace

QStringList BackscatterConfig::keys()
{
    return {QStringLiteral("enabled"),
            QStringLiteral("preset"),
            QStringLiteral("min_packets"),
            QStringLiteral("min_duration"),
            QStringLiteral("min_window_packets"),
            QStringLiteral("window"),
            QStringLiteral("slide"),
            QStringLiteral("timeout"),
            QStringLiteral("prefixes"),
            QStringLiteral("udp_responses"),
            QStringLiteral("evidence_packets"),
            QStringLiteral("evidence_recent"),
            QStringLiteral("evidence_max_mb"),
            QStringLiteral("attacks_file"),
            QStringLiteral("evidence_files"),
            QStringLiteral("retention_days")};
}

QString BackscatterConfig::apply(const QString &key, const QString &value)
{
    if (key == u"enabled") {
        return parseBoolean(value, enabled);
    }
    if (key == u"preset") {
        if (value == u"corsaro") {
            preset = Preset::Corsaro;
        } else if (value == u"moore") {
            preset = Preset::Moore;
        } else if (value == u"sensitive") {
            preset = Preset::Sensitive;
        } else {
            return QStringLiteral("'%1' is not a preset (corsaro, moore or sensitive)").arg(value);
        }
        return {};
    }
    if (key == u"min_packets") {
        return setOptionalInteger(value, 1, kMaxCount, minPackets);
    }
    if (key == u"min_duration") {
        return setOptionalInteger(value, 0, 86400, minDurationSeconds);
    }
    if (key == u"min_window_packets") {
        return setOptionalInteger(value, 0, kMaxCount, minWindowPackets);
    }
    if (key == u"window") {
        return setInteger(value, 1, 3600, windowSeconds);
    }
    if (key == u"slide") {
        return setInteger(value, 1, 3600, slideSeconds);
    }
    if (key == u"timeout") {
        return setInteger(value, 1, 86400, timeoutSeconds);
    }
    if (key == u"prefixes") {
        prefixes.clear();
        for (const QString &part : value.split(QLatin1Char(','))) {
            const QString text = part.trimmed();
            if (text.isEmpty()) {
                continue;
            }
            analyzers::backscatter::MonitoredPrefix prefix;
            if (!analyzers::backscatter::MonitoredPrefix::parse(text, prefix)) {
                return QStringLiteral("'%1' is not an IPv4 prefix (a.b.c.d/length)").arg(text);
            }
            prefixes.append(prefix);
        }
        return {};
    }
    if (key == u"udp_responses") {
        return parseBoolean(value, udpResponses);
    }
    if (key == u"evidence_packets") {
        return setInteger(value, 0, kMaxEvidencePackets, evidencePackets);
    }
    if (key == u"evidence_recent") {
        return setInteger(value, 0, kMaxEvidencePackets, evidenceRecent);
    }
    if (key == u"evidence_max_mb") {
        return setInteger(value, 1, 65536, evidenceMaxMb);
    }
    if (key == u"attacks_file") {
        return parseBoolean(value, attacksFile);
    }
    if (key == u"evidence_files") {
        return parseBoolean(value, evidenceFiles);
    }
    if (key == u"retention_days") {
        return setInteger(value, 0, kMaxRetentionDays, retentionDays);
    }
    return QStringLiteral("unknown key");
}

QString BackscatterConfig::checkWindow() const
{
    return settings().thresholds.windowProblem();
}

analyzers::backscatter::BackscatterSettings BackscatterConfig::settings() const
{
    auto settings = analyzers::backscatter::BackscatterSettings::fromPreset(preset);
    if (minPackets) {
        settings.thresholds.minPackets = *minPackets;
    }
    if (minDurationSeconds) {
        settings.thresholds.minDurationNs = *minDurationSeconds * kNanosPerSecond;
    }
    if (minWindowPackets) {
        settings.thresholds.minWindowPackets = *minWindowPackets;
    }
    settings.thresholds.windowNs = windowSeconds * kNanosPerSecond;
    settings.thresholds.slideNs = slideSeconds * kNanosPerSecond;
    settings.inactivityTimeoutNs = timeoutSeconds * kNanosPerSecond;
    settings.monitoredPrefixes = prefixes;
    settings.udpResponses = udpResponses;
    settings.evidence.firstPackets = evidencePackets;
    settings.evidence.recentPackets = evidenceRecent;
    settings.evidenceMaxBytes = evidenceMaxMb * 1024 * 1024;
    return settings;
}

QStringList BackscatterQueueConfig::keys()
{
    return {QStringLiteral("enabled"), QStringLiteral("queue_uuid"), QStringLiteral("host"),
            QStringLiteral("port"),    QStringLiteral("db"),         QStringLiteral("unix_socket"),
            QStringLiteral("password")};
}

QString BackscatterQueueConfig::apply(const QString &key, const QString &value)
{
    if (key == u"enabled") {
        return parseBoolean(value, enabled);
    }
    if (key == u"queue_uuid") {
        // As [Passive_DNS_Queue]: a version-4 UUID once the dashes are removed, kept as written.
        const auto uuid = protocol::parseUuid(value.toStdString());
        if (!uuid || !protocol::isUuidV4(*uuid) || value.contains(QLatin1Char(' '))) {
            return QStringLiteral("'%1' is not a version-4 UUID (as the D4 server's queue list shows it)")
                .arg(value);
        }
        queueUuid = value;
        return {};
    }
    if (key == u"host") {
        if (value.isEmpty()) {
            return QStringLiteral("must not be empty");
        }
        host = value;
        return {};
    }
    if (key == u"port") {
        return setOptionalInteger(value, 1, 65535, port);
    }
    if (key == u"db") {
        return setOptionalInteger(value, 0, 15, db);
    }
    if (key == u"unix_socket") {
        if (value.isEmpty()) {
            return QStringLiteral("must not be empty");
        }
        unixSocket = value;
        return {};
    }
    if (key == u"password") {
        password = value;
        return {};
    }
    return QStringLiteral("unknown key");
}

store::RedisEndpoint BackscatterQueueConfig::endpoint(const store::RedisEndpoint &ownAnalyzer) const
{
    store::RedisEndpoint result = ownAnalyzer;
    if (host || unixSocket) {
        result = PdnsQueueConfig::defaultEndpoint();
        result.host = host.value_or(result.host);
        result.unixSocket = unixSocket.value_or(QString());
    }
    result.port = port.value_or(result.port);
    result.db = db.value_or(result.db);
    result.password = password.value_or(result.password);
    return result;
}

} // namespace d4::config
