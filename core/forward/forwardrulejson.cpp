// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardrulejson.h"

#include <cmath>
#include <limits>

#include <QJsonArray>

/*
 * The JSON layout (snake_case keys; docs/forwarding.md):
 *   { "name", "enabled", "type", "extended_type",
 *     "sources": [ {"kind": "analyzer_queue", "queue": uuid} | {"kind": "sensors", "sensors": [uuid...]} ],
 *     "partner": { "host", "port", "pin" (fingerprint, optional), "insecure", "retry_max_s", "retry_limit",
 *                  "connect_timeout_ms", "stall_timeout_ms", "linger_timeout_ms" },
 *     "partner_uuid",
 *     "lines": { "passive_dns", "fields", "separator", "drop_suffixes", "keep_suffixes", "client_fields",
 *                "drop_rrtypes", "sample_rate" },
 *     "pcap": { "expression", "snap_length", "link_type" },
 *     "spool_directory", "spool_max_bytes", "ack_interval_ms", "ack_bytes", "snaplen" }
 * Required: name, type, sources, partner (host, port), partner_uuid. Every other key may be absent
 * (the ForwardRule default then applies) but, when present, must have the right type and range.
 * Integers travel as JSON numbers: exact up to 2^53, far beyond any byte count a spool can hold.
 */

namespace d4::forward {

namespace {

constexpr auto kAnalyzerQueue = QLatin1StringView("analyzer_queue");
constexpr auto kSensors = QLatin1StringView("sensors");

QString policyName(ClientFieldPolicy policy)
{
    switch (policy) {
    case ClientFieldPolicy::Keep:
        return QStringLiteral("keep");
    case ClientFieldPolicy::Drop:
        return QStringLiteral("drop");
    case ClientFieldPolicy::Pseudonymise:
        return QStringLiteral("pseudonymise");
    }
    return QStringLiteral("keep");
}

QJsonArray stringArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonArray latin1Array(const QByteArrayList &values)
{
    QJsonArray array;
    for (const QByteArray &value : values) {
        array.append(QString::fromLatin1(value));
    }
    return array;
}

/**
 * Reads optional keys of one object: a missing key keeps the default, a key of the wrong type or
 * out of range makes the whole object invalid (ok() false).
 */
class Reader final
{
public:
    explicit Reader(const QJsonObject &object)
        : m_object(object)
    {
    }

    bool ok() const noexcept { return m_ok; }
    void fail() noexcept { m_ok = false; }

    bool has(QLatin1StringView key) const { return m_object.contains(key); }

    void boolean(QLatin1StringView key, bool &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            return;
        }
        if (!value.isBool()) {
            fail();
            return;
        }
        out = value.toBool();
    }

    void string(QLatin1StringView key, QString &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            return;
        }
        if (!value.isString()) {
            fail();
            return;
        }
        out = value.toString();
    }

    void bytes(QLatin1StringView key, QByteArray &out)
    {
        QString text = QString::fromLatin1(out);
        string(key, text);
        out = text.toUtf8();
    }

    /** An integral number in [minimum, maximum]. */
    template <typename T> void integer(QLatin1StringView key, T &out, double minimum, double maximum)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            return;
        }
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || std::isnan(number) || std::floor(number) != number || number < minimum ||
            number > maximum) {
            fail();
            return;
        }
        out = T(number);
    }

    void stringList(QLatin1StringView key, QStringList &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            return;
        }
        if (!value.isArray()) {
            fail();
            return;
        }
        QStringList list;
        for (const QJsonValue &element : value.toArray()) {
            if (!element.isString()) {
                fail();
                return;
            }
            list.append(element.toString());
        }
        out = list;
    }

    QJsonObject object(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            return {};
        }
        if (!value.isObject()) {
            fail();
            return {};
        }
        return value.toObject();
    }

private:
    const QJsonObject &m_object;
    bool m_ok = true;
};

constexpr double kMaxExact = 9007199254740992.0; // 2^53

std::optional<ForwardSource> sourceFromJson(const QJsonValue &value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue kind = object.value(QLatin1StringView("kind"));
    ForwardSource source;
    Reader reader(object);
    if (kind == QJsonValue(kAnalyzerQueue)) {
        source.kind = ForwardSource::Kind::AnalyzerQueue;
        if (!object.value(QLatin1StringView("queue")).isString()) {
            return std::nullopt;
        }
        reader.bytes(QLatin1StringView("queue"), source.queueUuid);
        if (source.queueUuid.isEmpty()) {
            return std::nullopt;
        }
    } else if (kind == QJsonValue(kSensors)) {
        source.kind = ForwardSource::Kind::Sensors;
        QStringList sensors;
        reader.stringList(QLatin1StringView("sensors"), sensors);
        for (const QString &sensor : sensors) {
            source.sensors.append(sensor.toLatin1());
        }
    } else {
        return std::nullopt;
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    return source;
}

bool partnerFromJson(const QJsonValue &value, sensor::TlsOptions &partner)
{
    if (!value.isObject()) {
        return false;
    }
    const QJsonObject object = value.toObject();
    if (!object.value(QLatin1StringView("host")).isString() ||
        !object.value(QLatin1StringView("port")).isDouble()) {
        return false;
    }
    Reader reader(object);
    reader.string(QLatin1StringView("host"), partner.server.host);
    reader.integer(QLatin1StringView("port"), partner.server.port, 1, 65535);
    if (partner.server.host.isEmpty()) {
        return false;
    }
    if (reader.has(QLatin1StringView("pin"))) {
        QString pin;
        reader.string(QLatin1StringView("pin"), pin);
        partner.pin = sensor::parseSha256Fingerprint(pin);
        if (!partner.pin) {
            return false;
        }
    }
    reader.boolean(QLatin1StringView("insecure"), partner.insecure);
    qint64 retryMax = partner.retryMax.count();
    reader.integer(QLatin1StringView("retry_max_s"), retryMax, 0, kMaxExact);
    partner.retryMax = std::chrono::seconds(retryMax);
    reader.integer(QLatin1StringView("retry_limit"), partner.retryLimit, 0, std::numeric_limits<int>::max());
    qint64 connect = partner.connectTimeout.count();
    reader.integer(QLatin1StringView("connect_timeout_ms"), connect, 0, kMaxExact);
    partner.connectTimeout = std::chrono::milliseconds(connect);
    qint64 stall = partner.stallTimeout.count();
    reader.integer(QLatin1StringView("stall_timeout_ms"), stall, 0, kMaxExact);
    partner.stallTimeout = std::chrono::milliseconds(stall);
    qint64 linger = partner.lingerTimeout.count();
    reader.integer(QLatin1StringView("linger_timeout_ms"), linger, 0, kMaxExact);
    partner.lingerTimeout = std::chrono::milliseconds(linger);
    return reader.ok();
}

bool linesFromJson(const QJsonObject &object, LineFilterSettings &lines)
{
    Reader reader(object);
    reader.boolean(QLatin1StringView("passive_dns"), lines.passiveDns);
    reader.bytes(QLatin1StringView("fields"), lines.fields);
    reader.bytes(QLatin1StringView("separator"), lines.separator);
    reader.stringList(QLatin1StringView("drop_suffixes"), lines.dropSuffixes);
    reader.stringList(QLatin1StringView("keep_suffixes"), lines.keepSuffixes);
    if (reader.has(QLatin1StringView("client_fields"))) {
        QString policy;
        reader.string(QLatin1StringView("client_fields"), policy);
        if (policy == QLatin1StringView("keep")) {
            lines.clientFields = ClientFieldPolicy::Keep;
        } else if (policy == QLatin1StringView("drop")) {
            lines.clientFields = ClientFieldPolicy::Drop;
        } else if (policy == QLatin1StringView("pseudonymise")) {
            lines.clientFields = ClientFieldPolicy::Pseudonymise;
        } else {
            reader.fail();
        }
    }
    const QJsonValue rrtypes = object.value(QLatin1StringView("drop_rrtypes"));
    if (!rrtypes.isUndefined()) {
        if (!rrtypes.isArray()) {
            return false;
        }
        QList<int> numbers;
        for (const QJsonValue &element : rrtypes.toArray()) {
            const double number = element.toDouble(-1);
            if (!element.isDouble() || std::floor(number) != number || number < 0 || number > 65535) {
                return false;
            }
            numbers.append(int(number));
        }
        lines.dropRrtypes = numbers;
    }
    const QJsonValue rate = object.value(QLatin1StringView("sample_rate"));
    if (!rate.isUndefined()) {
        if (!rate.isDouble() || !(rate.toDouble() > 0) || rate.toDouble() > 1) {
            return false;
        }
        lines.sampleRate = rate.toDouble();
    }
    return reader.ok();
}

bool pcapFromJson(const QJsonObject &object, PcapFilterSettings &pcap)
{
    Reader reader(object);
    reader.string(QLatin1StringView("expression"), pcap.expression);
    reader.integer(QLatin1StringView("snap_length"), pcap.snapLength, 0, std::numeric_limits<quint32>::max());
    reader.integer(QLatin1StringView("link_type"), pcap.linkType, 0, std::numeric_limits<quint32>::max());
    return reader.ok();
}

} // namespace

QJsonObject ForwardRuleJson::toJson(const ForwardRule &rule)
{
    QJsonArray sources;
    for (const ForwardSource &source : rule.sources) {
        QJsonObject object;
        if (source.kind == ForwardSource::Kind::AnalyzerQueue) {
            object.insert(QLatin1StringView("kind"), kAnalyzerQueue);
            object.insert(QLatin1StringView("queue"), QString::fromLatin1(source.queueUuid));
        } else {
            object.insert(QLatin1StringView("kind"), kSensors);
            object.insert(QLatin1StringView("sensors"), latin1Array(source.sensors));
        }
        sources.append(object);
    }

    // rootCaPem and partnerKey are secrets (or site configuration) and stay out.
    QJsonObject partner{
        {QLatin1StringView("host"), rule.partner.server.host},
        {QLatin1StringView("port"), int(rule.partner.server.port)},
        {QLatin1StringView("insecure"), rule.partner.insecure},
        {QLatin1StringView("retry_max_s"), double(rule.partner.retryMax.count())},
        {QLatin1StringView("retry_limit"), rule.partner.retryLimit},
        {QLatin1StringView("connect_timeout_ms"), double(rule.partner.connectTimeout.count())},
        {QLatin1StringView("stall_timeout_ms"), double(rule.partner.stallTimeout.count())},
        {QLatin1StringView("linger_timeout_ms"), double(rule.partner.lingerTimeout.count())},
    };
    if (rule.partner.pin) {
        partner.insert(QLatin1StringView("pin"), sensor::formatFingerprint(*rule.partner.pin));
    }

    QJsonArray rrtypes;
    for (const int rrtype : rule.lines.dropRrtypes) {
        rrtypes.append(rrtype);
    }
    // pseudonymKey is a secret and stays out.
    const QJsonObject lines{
        {QLatin1StringView("passive_dns"), rule.lines.passiveDns},
        {QLatin1StringView("fields"), QString::fromUtf8(rule.lines.fields)},
        {QLatin1StringView("separator"), QString::fromUtf8(rule.lines.separator)},
        {QLatin1StringView("drop_suffixes"), stringArray(rule.lines.dropSuffixes)},
        {QLatin1StringView("keep_suffixes"), stringArray(rule.lines.keepSuffixes)},
        {QLatin1StringView("client_fields"), policyName(rule.lines.clientFields)},
        {QLatin1StringView("drop_rrtypes"), rrtypes},
        {QLatin1StringView("sample_rate"), rule.lines.sampleRate},
    };
    const QJsonObject pcap{
        {QLatin1StringView("expression"), rule.pcap.expression},
        {QLatin1StringView("snap_length"), double(rule.pcap.snapLength)},
        {QLatin1StringView("link_type"), double(rule.pcap.linkType)},
    };

    return QJsonObject{
        {QLatin1StringView("name"), rule.name},
        {QLatin1StringView("enabled"), rule.enabled},
        {QLatin1StringView("type"), rule.type},
        {QLatin1StringView("extended_type"), QString::fromUtf8(rule.extendedType)},
        {QLatin1StringView("sources"), sources},
        {QLatin1StringView("partner"), partner},
        {QLatin1StringView("partner_uuid"), QString::fromLatin1(rule.partnerUuid)},
        {QLatin1StringView("lines"), lines},
        {QLatin1StringView("pcap"), pcap},
        {QLatin1StringView("spool_directory"), rule.spoolDirectory},
        {QLatin1StringView("spool_max_bytes"), double(rule.spoolMaxBytes)},
        {QLatin1StringView("ack_interval_ms"), double(rule.ackInterval.count())},
        {QLatin1StringView("ack_bytes"), double(rule.ackBytes)},
        {QLatin1StringView("snaplen"), double(rule.snaplen)},
    };
}

std::optional<ForwardRule> ForwardRuleJson::fromJson(const QJsonObject &object)
{
    ForwardRule rule;
    const QJsonValue name = object.value(QLatin1StringView("name"));
    const QJsonValue type = object.value(QLatin1StringView("type"));
    const QJsonValue sources = object.value(QLatin1StringView("sources"));
    const QJsonValue partnerUuid = object.value(QLatin1StringView("partner_uuid"));
    if (!name.isString() || name.toString().isEmpty() || !type.isDouble() || !sources.isArray() ||
        !partnerUuid.isString()) {
        return std::nullopt;
    }
    rule.name = name.toString();
    const double typeNumber = type.toDouble();
    if (typeNumber != 1 && typeNumber != 3 && typeNumber != 8 && typeNumber != 254) {
        return std::nullopt;
    }
    rule.type = int(typeNumber);
    rule.partnerUuid = partnerUuid.toString().toLatin1();
    for (const QJsonValue &value : sources.toArray()) {
        const std::optional<ForwardSource> source = sourceFromJson(value);
        if (!source) {
            return std::nullopt;
        }
        rule.sources.append(*source);
    }
    if (!partnerFromJson(object.value(QLatin1StringView("partner")), rule.partner)) {
        return std::nullopt;
    }

    Reader reader(object);
    reader.boolean(QLatin1StringView("enabled"), rule.enabled);
    reader.bytes(QLatin1StringView("extended_type"), rule.extendedType);
    if (!linesFromJson(reader.object(QLatin1StringView("lines")), rule.lines) ||
        !pcapFromJson(reader.object(QLatin1StringView("pcap")), rule.pcap)) {
        return std::nullopt;
    }
    reader.string(QLatin1StringView("spool_directory"), rule.spoolDirectory);
    reader.integer(QLatin1StringView("spool_max_bytes"), rule.spoolMaxBytes, 0, kMaxExact);
    qint64 ackInterval = rule.ackInterval.count();
    reader.integer(QLatin1StringView("ack_interval_ms"), ackInterval, 0, kMaxExact);
    rule.ackInterval = std::chrono::milliseconds(ackInterval);
    reader.integer(QLatin1StringView("ack_bytes"), rule.ackBytes, 0, kMaxExact);
    reader.integer(QLatin1StringView("snaplen"), rule.snaplen, 1, std::numeric_limits<quint32>::max());
    if (!reader.ok()) {
        return std::nullopt;
    }
    return rule;
}

} // namespace d4::forward
