// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Hand-written parser: see the class comment in lineparser.h for why no library is used.
#include "analyzers/passivedns/lineparser.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include "analyzers/passivedns/rrtypes.h"

namespace d4::passivedns {

namespace {

// passivedns' fixed output order (gamelinux/passivedns:src/output.c), timestamp first.
constexpr char kOutputOrder[] = "ShcwsWpCQLTAltn";

bool parseUnsigned(QByteArrayView text, qint64 &out, int maxDigits = 18)
{
    if (text.isEmpty() || text.size() > maxDigits) {
        return false;
    }
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

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

} // namespace

QByteArray rejectReasonName(RejectReason reason)
{
    switch (reason) {
    case RejectReason::Empty:
        return QByteArrayLiteral("empty");
    case RejectReason::TooFewFields:
        return QByteArrayLiteral("too_few_fields");
    case RejectReason::TooManyFields:
        return QByteArrayLiteral("too_many_fields");
    case RejectReason::BadTimestamp:
        return QByteArrayLiteral("bad_timestamp");
    case RejectReason::EmptyName:
        return QByteArrayLiteral("empty_name");
    case RejectReason::BadType:
        return QByteArrayLiteral("bad_type");
    case RejectReason::BadNumber:
        return QByteArrayLiteral("bad_number");
    case RejectReason::BadJson:
        return QByteArrayLiteral("bad_json");
    case RejectReason::Count_:
        break;
    }
    return QByteArrayLiteral("unknown");
}

QByteArray LineLayout::validate() const
{
    if (separator.isEmpty()) {
        return QByteArrayLiteral("empty separator");
    }
    for (const char c : fields) {
        if (!QByteArrayView("HSM").contains(c) && !QByteArrayView(kOutputOrder).contains(c)) {
            return QByteArrayLiteral("unknown field letter '") + c + '\'';
        }
    }
    for (const char c : {'Q', 'T', 'A'}) {
        if (!fields.contains(c)) {
            return QByteArrayLiteral("the fields must include Q, T and A");
        }
    }
    return {};
}

LineParser::LineParser(LineLayout layout, QByteArrayList excludes)
    : m_layout(std::move(layout))
    , m_excludes(std::move(excludes))
    , m_columns(columnsOf(m_layout.fields))
    , m_legacy(columnsOf("ScsCQTAt"))
{
}

LineParser::Columns LineParser::columnsOf(QByteArrayView letters)
{
    Columns columns;
    columns.dateTime = letters.contains('H');
    columns.seconds = !columns.dateTime && letters.contains('S');
    columns.micros = !columns.dateTime && letters.contains('M');
    for (const char c : QByteArrayView(kOutputOrder)) {
        if (c == 'S' ? (columns.dateTime || columns.seconds || columns.micros) : letters.contains(c)) {
            columns.order.append(c);
        }
    }
    return columns;
}

bool LineParser::isRcodeName(QByteArrayView answer)
{
    static constexpr const char *kNames[] = {"FORMERR",  "SERVFAIL", "NXDOMAIN", "NOTIMPL", "REFUSED",
                                             "YXDOMAIN", "YXRRSET",  "NXRRSET",  "NOTAUTH", "NOTZONE"};
    for (const char *name : kNames) {
        if (answer == QByteArrayView(name)) {
            return true;
        }
    }
    qint64 number = 0;
    return answer.startsWith("UNKNOWN-ERROR-") && parseUnsigned(answer.sliced(14), number, 5);
}

QByteArray LineParser::normaliseName(QByteArrayView name)
{
    QByteArray out = name.toByteArray().toLower();
    if (out.size() > 1 && out.endsWith('.')) {
        out.chop(1);
    }
    return out;
}

QByteArray LineParser::normaliseRdata(int rrtype, QByteArrayView rdata)
{
    if (rrtype == RrTypes::AAAA || (rrtype == RrTypes::A && rdata.size() > 15)) {
        const QHostAddress address(QString::fromLatin1(rdata));
        if (!address.isNull()) {
            return address.toString().toLatin1();
        }
    }
    if (RrTypes::isNameTyped(rrtype)) {
        return normaliseName(rdata);
    }
    return rdata.toByteArray();
}

bool LineParser::parseTimestamp(QByteArrayView text, const Columns &columns, PdnsRecord &record) const
{
    qint64 value = 0;
    if (columns.dateTime) {
        // YYYY-MM-DD HH:MM:SS.micro in the sensor's local time (no zone in the text).
        const qsizetype dot = text.indexOf('.');
        const QByteArrayView whole = dot < 0 ? text : text.first(dot);
        QDateTime when =
            QDateTime::fromString(QString::fromLatin1(whole), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!when.isValid()) {
            return false;
        }
        when.setTimeZone(m_layout.timeZone);
        record.seconds = when.toSecsSinceEpoch();
        if (dot >= 0) {
            if (!parseUnsigned(text.sliced(dot + 1), value, 6)) {
                return false;
            }
            record.micros = int(value);
        }
        return true;
    }
    if (columns.seconds) {
        const qsizetype dot = columns.micros ? text.indexOf('.') : -1;
        if (!parseUnsigned(dot < 0 ? text : text.first(dot), value, 12)) {
            return false;
        }
        record.seconds = value;
        if (dot >= 0) {
            if (!parseUnsigned(text.sliced(dot + 1), value, 6)) {
                return false;
            }
            record.micros = int(value);
        }
        return true;
    }
    // M alone: only the microsecond part; the line carries no time, so the time of ingest is used.
    if (!parseUnsigned(text, value, 6)) {
        return false;
    }
    record.seconds = QDateTime::currentSecsSinceEpoch();
    record.micros = int(value);
    return true;
}

ParseResult LineParser::parse(QByteArrayView line) const
{
    line = trimmed(line);
    if (line.isEmpty()) {
        return {};
    }
    if (line.front() == '{') {
        return parseJson(line);
    }
    if (m_layout.jsonOnly) {
        ParseResult result;
        result.reason = RejectReason::BadJson;
        return result;
    }
    return parseText(line, columnsFor(line));
}

const LineParser::Columns &LineParser::columnsFor(QByteArrayView line) const
{
    if (m_layout.isDefault()) {
        // Pre-1.0: eight fields, integer timestamp. The 1.x timestamp always has a '.'.
        const qsizetype first = line.indexOf(m_layout.separator);
        if (first > 0 && !line.first(first).contains('.')) {
            return m_legacy;
        }
        // Count separators as split() finds them (QByteArrayView::count() also counts overlapping
        // ones, so "||||" around an empty field would count three).
        qsizetype separators = 0;
        for (qsizetype at = line.indexOf(m_layout.separator); at >= 0 && separators <= 7;
             at = line.indexOf(m_layout.separator, at + m_layout.separator.size())) {
            ++separators;
        }
        if (separators == 7) {
            return m_legacy;
        }
    }
    return m_columns;
}

std::optional<RejectReason> LineParser::splitText(QByteArrayView line, TextFields &fields) const
{
    const Columns &columns = columnsFor(line);
    fields.order = columns.order;
    return split(line, m_layout.separator, columns.order, fields.values);
}

std::optional<RejectReason> LineParser::split(QByteArrayView line, QByteArrayView separator,
                                              QByteArrayView order,
                                              QVarLengthArray<QByteArrayView, 24> &tokens)
{
    tokens.clear();
    qsizetype start = 0;
    while (true) {
        const qsizetype next = line.indexOf(separator, start);
        if (next < 0) {
            tokens.append(line.sliced(start));
            break;
        }
        tokens.append(line.sliced(start, next - start));
        start = next + separator.size();
        if (tokens.size() > 4096) {
            break;
        }
    }
    const qsizetype expected = order.size();
    if (tokens.size() < expected) {
        return RejectReason::TooFewFields;
    }
    const qsizetype answerIndex = order.indexOf('A');
    if (tokens.size() > expected) {
        if (answerIndex < 0) {
            return RejectReason::TooManyFields;
        }
        // Left fields from the left, right fields from the right, the middle is the answer.
        const qsizetype extra = tokens.size() - expected;
        const QByteArrayView first = tokens[answerIndex];
        const QByteArrayView last = tokens[answerIndex + extra];
        const QByteArrayView joined(first.data(), (last.data() + last.size()) - first.data());
        tokens[answerIndex] = joined;
        for (qsizetype i = answerIndex + 1; i < expected; ++i) {
            tokens[i] = tokens[i + extra];
        }
        tokens.resize(expected);
    }
    return std::nullopt;
}

ParseResult LineParser::parseText(QByteArrayView line, const Columns &columns) const
{
    QVarLengthArray<QByteArrayView, 24> tokens;
    ParseResult result;
    if (const std::optional<RejectReason> reason = split(line, m_layout.separator, columns.order, tokens)) {
        result.reason = *reason;
        return result;
    }
    const qsizetype expected = columns.order.size();
    PdnsRecord record;
    QByteArrayView query;
    QByteArrayView type;
    QByteArrayView answer;
    for (qsizetype i = 0; i < expected; ++i) {
        const QByteArrayView token = tokens[i];
        switch (columns.order[i]) {
        case 'S':
            if (!parseTimestamp(token, columns, record)) {
                result.reason = RejectReason::BadTimestamp;
                return result;
            }
            break;
        case 'Q':
            query = token;
            break;
        case 'T':
            type = token;
            break;
        case 'A':
            answer = token;
            break;
        case 't':
            if (!parseUnsigned(token, record.ttl, 10)) {
                result.reason = RejectReason::BadNumber;
                return result;
            }
            break;
        case 'n':
            if (!parseUnsigned(token, record.count, 12)) {
                result.reason = RejectReason::BadNumber;
                return result;
            }
            break;
        default:
            break;
        }
    }
    if (!columns.order.contains('S')) {
        record.seconds = QDateTime::currentSecsSinceEpoch();
    }
    return finish(query, type, answer, std::move(record));
}

ParseResult LineParser::parseJson(QByteArrayView line) const
{
    ParseResult result;
    result.reason = RejectReason::BadJson;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return result;
    }
    const QJsonObject object = document.object();
    const QJsonValue query = object.value(QLatin1String("query"));
    const QJsonValue type = object.value(QLatin1String("type"));
    const QJsonValue answer = object.value(QLatin1String("answer"));
    if (!query.isString() || !answer.isString() || !(type.isString() || type.isDouble())) {
        return result;
    }
    PdnsRecord record;
    // Numbers must be integers a qint64 holds exactly (no float-to-integer overflow).
    auto badNumber = [](const QJsonValue &value) {
        return value.isDouble() && !(value.toDouble() >= 0 && value.toDouble() <= 9.0e15);
    };
    const QJsonValue seconds = object.value(QLatin1String("timestamp_s"));
    const QJsonValue micros = object.value(QLatin1String("timestamp_ms")); // µs despite the name
    const QJsonValue dateTime = object.value(QLatin1String("timestamp"));
    if (badNumber(seconds) || badNumber(micros)) {
        result.reason = RejectReason::BadTimestamp;
        return result;
    }
    if (seconds.isDouble()) {
        record.seconds = qint64(seconds.toDouble());
    } else if (dateTime.isString()) {
        Columns columns;
        columns.dateTime = true;
        if (!parseTimestamp(dateTime.toString().toLatin1(), columns, record)) {
            result.reason = RejectReason::BadTimestamp;
            return result;
        }
    } else {
        record.seconds = QDateTime::currentSecsSinceEpoch();
    }
    if (micros.isDouble()) {
        if (micros.toDouble() > 999999) {
            result.reason = RejectReason::BadTimestamp;
            return result;
        }
        record.micros = int(micros.toDouble());
    }
    if (record.seconds < 0 || record.micros < 0 || record.micros > 999999) {
        result.reason = RejectReason::BadTimestamp;
        return result;
    }
    const QJsonValue ttl = object.value(QLatin1String("ttl"));
    const QJsonValue count = object.value(QLatin1String("count"));
    if ((!ttl.isUndefined() && (!ttl.isDouble() || badNumber(ttl))) ||
        (!count.isUndefined() && (!count.isDouble() || badNumber(count)))) {
        result.reason = RejectReason::BadNumber;
        return result;
    }
    if (ttl.isDouble()) {
        record.ttl = qint64(ttl.toDouble());
    }
    if (count.isDouble()) {
        record.count = qint64(count.toDouble());
    }
    if (badNumber(type)) {
        result.reason = RejectReason::BadType;
        return result;
    }
    const QByteArray typeText =
        type.isString() ? type.toString().toLatin1() : QByteArray::number(qint64(type.toDouble()));
    return finish(query.toString().toUtf8(), typeText, answer.toString().toUtf8(), std::move(record));
}

ParseResult LineParser::finish(QByteArrayView query, QByteArrayView type, QByteArrayView answer,
                               PdnsRecord record) const
{
    ParseResult result;
    if (query.isEmpty()) {
        result.reason = RejectReason::EmptyName;
        return result;
    }
    record.rrtype = RrTypes::fromText(type);
    if (record.rrtype < 0) {
        result.reason = RejectReason::BadType;
        return result;
    }
    record.rrname = normaliseName(query);
    for (const QByteArray &exclude : m_excludes) {
        if (!exclude.isEmpty() && record.rrname.contains(exclude)) {
            result.kind = ParseResult::Kind::Excluded;
            result.record = std::move(record);
            return result;
        }
    }
    if (isRcodeName(answer) && record.ttl <= 0) {
        record.error = true;
        record.rdata = answer.toByteArray();
        result.kind = ParseResult::Kind::Error;
    } else {
        record.rdata = normaliseRdata(record.rrtype, answer);
        result.kind = ParseResult::Kind::Record;
    }
    if (record.count == 0) {
        record.count = 1;
    }
    result.record = std::move(record);
    return result;
}

} // namespace d4::passivedns
