// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Text lines are split by passivedns::LineParser::splitText (see lineparser.h for why that parser is
// hand-written); this file only looks at the query, type, answer and client fields. JSON lines are
// parsed by QJsonDocument; a small hand-written scanner then finds where the top-level "client"
// string sits in the text, because QJsonDocument reports no positions and re-serialising would
// change the line (key order, escapes) beyond the one value that has to change.
#include "forward/linefilter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QVarLengthArray>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/rrtypes.h"
#include "forward/pseudonymiser.h"
#include "forward/zonelist.h"

namespace d4::forward {

namespace {

constexpr std::uint64_t kSampleScale = 1000000;

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() &&
           (text.back() == '\r' || text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
        text.chop(1);
    }
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t')) {
        text = text.sliced(1);
    }
    return text;
}

/**
 * The sampling hash of a line: 64-bit FNV-1a over its bytes, then the splitmix64 finaliser so
 * that the low digits used by the modulo depend on every byte. Stable across runs and builds.
 */
std::uint64_t sampleHash(QByteArrayView line)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : line) {
        hash ^= std::uint8_t(c);
        hash *= 0x100000001b3ULL;
    }
    hash ^= hash >> 30;
    hash *= 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 27;
    hash *= 0x94d049bb133111ebULL;
    hash ^= hash >> 31;
    return hash;
}

/** Index after the JSON string that starts at @p i (a '"'), or -1. */
qsizetype skipJsonString(QByteArrayView text, qsizetype i)
{
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return -1;
}

/** Index after the JSON value that starts at @p i, or -1. */
qsizetype skipJsonValue(QByteArrayView text, qsizetype i)
{
    if (i >= text.size()) {
        return -1;
    }
    if (text[i] == '"') {
        return skipJsonString(text, i);
    }
    if (text[i] == '{' || text[i] == '[') {
        int depth = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '"') {
                i = skipJsonString(text, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
            ++i;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
    while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
           text[i] != '\t' && text[i] != '\r' && text[i] != '\n') {
        ++i;
    }
    return i;
}

qsizetype skipJsonSpace(QByteArrayView text, qsizetype i)
{
    while (i >= 0 && i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
        ++i;
    }
    return i;
}

/**
 * The contents (between the quotes) of every string value of a top-level key written exactly
 * "client" in @p text, a JSON object QJsonDocument has accepted. Empty when there is none or the
 * text is not as expected (the caller then re-serialises).
 */
QVarLengthArray<QByteArrayView, 2> clientValuesOf(QByteArrayView text)
{
    QVarLengthArray<QByteArrayView, 2> values;
    qsizetype i = skipJsonSpace(text, 0);
    if (i >= text.size() || text[i] != '{') {
        return {};
    }
    i = skipJsonSpace(text, i + 1);
    while (i >= 0 && i < text.size() && text[i] == '"') {
        const qsizetype keyEnd = skipJsonString(text, i);
        if (keyEnd < 0) {
            return {};
        }
        const QByteArrayView key = text.sliced(i + 1, keyEnd - i - 2);
        i = skipJsonSpace(text, keyEnd);
        if (i < 0 || i >= text.size() || text[i] != ':') {
            return {};
        }
        i = skipJsonSpace(text, i + 1);
        const qsizetype valueEnd = skipJsonValue(text, i);
        if (valueEnd < 0) {
            return {};
        }
        if (key == QByteArrayView("client") && text[i] == '"') {
            values.append(text.sliced(i + 1, valueEnd - i - 2));
        }
        i = skipJsonSpace(text, valueEnd);
        if (i >= 0 && i < text.size() && text[i] == ',') {
            i = skipJsonSpace(text, i + 1);
        }
    }
    return values;
}

} // namespace

struct LineFilter::Private
{
    explicit Private(const LineFilterSettings &settings)
        : parser(passivedns::LineLayout{settings.fields, settings.separator, QTimeZone::utc()}, {})
        , validLayout(parser.layout().validate().isEmpty())
        , dropZones(settings.dropSuffixes)
        , keepZones(settings.keepSuffixes)
        , dropRrtypes(settings.dropRrtypes)
        , clientFields(settings.clientFields)
    {
        std::sort(dropRrtypes.begin(), dropRrtypes.end());
        const double rate = settings.sampleRate;
        if (!(rate > 0)) {
            sampleThreshold = 0; // also NaN
        } else if (rate >= 1) {
            sampleThreshold = kSampleScale;
        } else {
            sampleThreshold = std::uint64_t(std::llround(rate * double(kSampleScale)));
        }
        if (clientFields == ClientFieldPolicy::Pseudonymise) {
            pseudonymiser = std::make_unique<Pseudonymiser>(settings.pseudonymKey);
        }
    }

    bool sampledOut(QByteArrayView line) const
    {
        return sampleThreshold < kSampleScale && sampleHash(line) % kSampleScale >= sampleThreshold;
    }

    /** The decision on the DNS part of a line; @p line is what sampling hashes. */
    FilterReason classify(QByteArrayView line, QByteArrayView query, QByteArrayView typeText,
                          QByteArrayView answer) const
    {
        if (query.isEmpty()) {
            return FilterReason::Unparsable;
        }
        const int rrtype = passivedns::RrTypes::fromText(typeText);
        if (rrtype < 0 || rrtype > 65535) {
            return FilterReason::Unparsable;
        }
        if (!dropZones.isEmpty()) {
            if (dropZones.contains(query)) {
                return FilterReason::DropSuffix;
            }
            // Answers that are host names (CNAME, NS, MX, PTR, SRV, SOA, RP, DNAME targets); an
            // error record carries an RCODE name there instead.
            if (passivedns::RrTypes::isNameTyped(rrtype) && !passivedns::LineParser::isRcodeName(answer) &&
                dropZones.contains(answer)) {
                return FilterReason::DropSuffix;
            }
        }
        if (!keepZones.isEmpty() && !keepZones.contains(query)) {
            return FilterReason::NotKept;
        }
        if (std::binary_search(dropRrtypes.cbegin(), dropRrtypes.cend(), rrtype)) {
            return FilterReason::Rrtype;
        }
        if (sampledOut(line)) {
            return FilterReason::Sampled;
        }
        return FilterReason::None;
    }

    /** Appends the replacement of a non-empty client field (IP when @p isMac is false). */
    void appendClient(QByteArrayView value, bool isMac, QByteArray &out) const
    {
        if (clientFields == ClientFieldPolicy::Pseudonymise) {
            if (isMac) {
                pseudonymiser->appendMac(value, out);
            } else {
                pseudonymiser->appendAddress(value, out);
            }
        }
        // Drop: nothing, the field stays in place, empty.
    }

    FilterDecision applyText(QByteArrayView line, QByteArrayView text) const;
    FilterDecision applyJson(QByteArrayView line, QByteArrayView text) const;

    passivedns::LineParser parser;
    bool validLayout;
    ZoneList dropZones;
    ZoneList keepZones;
    QList<int> dropRrtypes; ///< sorted
    ClientFieldPolicy clientFields;
    std::uint64_t sampleThreshold = kSampleScale; ///< kept when hash % 1e6 < this
    std::unique_ptr<Pseudonymiser> pseudonymiser;
};

FilterDecision LineFilter::Private::applyText(QByteArrayView line, QByteArrayView text) const
{
    FilterDecision decision;
    passivedns::TextFields fields;
    if (!validLayout || parser.splitText(text, fields).has_value()) {
        decision.reason = FilterReason::Unparsable;
        return decision;
    }
    decision.reason = classify(line, fields.field('Q'), fields.field('T'), fields.field('A'));
    if (!decision.kept()) {
        return decision;
    }
    // The client fields in output order (client IP before client MAC); views into line.
    const QByteArrayView client = fields.field('c');
    const QByteArrayView clientMac = fields.field('w');
    if (clientFields == ClientFieldPolicy::Keep || (client.isEmpty() && clientMac.isEmpty())) {
        decision.output = line.toByteArray();
        return decision;
    }
    decision.output.reserve(line.size() + 64);
    const char *position = line.data();
    const char *const end = line.data() + line.size();
    for (const auto &[value, isMac] : {std::pair{client, false}, std::pair{clientMac, true}}) {
        if (value.isEmpty()) {
            continue;
        }
        decision.output.append(position, value.data() - position);
        appendClient(value, isMac, decision.output);
        position = value.data() + value.size();
    }
    decision.output.append(position, end - position);
    return decision;
}

FilterDecision LineFilter::Private::applyJson(QByteArrayView line, QByteArrayView text) const
{
    FilterDecision decision;
    decision.reason = FilterReason::Unparsable;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return decision;
    }
    QJsonObject object = document.object();
    const QJsonValue query = object.value(QLatin1String("query"));
    const QJsonValue type = object.value(QLatin1String("type"));
    const QJsonValue answer = object.value(QLatin1String("answer"));
    if (!query.isString() || !answer.isString()) {
        return decision;
    }
    QByteArray typeText;
    if (type.isString()) {
        typeText = type.toString().toUtf8();
    } else if (type.isDouble()) {
        const double number = type.toDouble();
        if (!(number >= 0 && number <= 65535) || number != std::floor(number)) {
            return decision;
        }
        typeText = QByteArray::number(int(number));
    } else {
        return decision;
    }
    decision.reason = classify(line, query.toString().toUtf8(), typeText, answer.toString().toUtf8());
    if (!decision.kept()) {
        return decision;
    }
    // passivedns' JSON has no MAC fields; "client" is the client IP.
    const QJsonValue client = object.value(QLatin1String("client"));
    if (clientFields == ClientFieldPolicy::Keep || !client.isString() || client.toString().isEmpty()) {
        decision.output = line.toByteArray();
        return decision;
    }
    QByteArray replacement;
    appendClient(client.toString().toUtf8(), false, replacement);
    const QVarLengthArray<QByteArrayView, 2> values = clientValuesOf(text);
    if (values.isEmpty()) {
        // The key is spelt with escapes: re-serialised (key order may change, values are kept).
        object.insert(QLatin1String("client"), QString::fromLatin1(replacement));
        decision.output = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return decision;
    }
    // Only the value changes; the rest of the line stays byte for byte.
    decision.output.reserve(line.size() + replacement.size());
    const char *position = line.data();
    for (const QByteArrayView value : values) {
        decision.output.append(position, value.data() - position);
        decision.output.append(replacement);
        position = value.data() + value.size();
    }
    decision.output.append(position, line.data() + line.size() - position);
    return decision;
}

LineFilter::LineFilter(LineFilterSettings settings)
    : m_settings(std::move(settings))
    , d(std::make_shared<const Private>(m_settings))
{
}

FilterDecision LineFilter::apply(QByteArrayView line) const
{
    if (!m_settings.passiveDns) {
        FilterDecision decision;
        if (d->sampledOut(line)) {
            decision.reason = FilterReason::Sampled;
        } else {
            decision.output = line.toByteArray();
        }
        return decision;
    }
    const QByteArrayView text = trimmed(line);
    if (text.isEmpty()) {
        FilterDecision decision;
        decision.reason = FilterReason::Unparsable;
        return decision;
    }
    if (text.front() == '{') {
        return d->applyJson(line, text);
    }
    return d->applyText(line, text);
}

} // namespace d4::forward
