// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "api/lookuprequest.h"

#include <QStringBuilder>

#include "analyzers/passivedns/rrtypes.h"

namespace d4::api {

namespace {

constexpr qsizetype kMaxValue = 1024;
constexpr qsizetype kMaxLimit = 100000;

/** Strict percent-decoding: a '%' must be followed by two hex digits. */
std::optional<QByteArray> percentDecode(QByteArrayView text, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            auto hex = [](char h) {
                if (h >= '0' && h <= '9') {
                    return h - '0';
                }
                if (h >= 'a' && h <= 'f') {
                    return h - 'a' + 10;
                }
                if (h >= 'A' && h <= 'F') {
                    return h - 'A' + 10;
                }
                return -1;
            };
            const int a = hex(text[i + 1]);
            const int b = hex(text[i + 2]);
            if (a < 0 || b < 0) {
                return std::nullopt;
            }
            out += char(a * 16 + b);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

bool parseInteger(const QByteArray &text, qint64 &out)
{
    if (text.isEmpty() || text.size() > 19) {
        return false;
    }
    bool ok = false;
    out = text.toLongLong(&ok);
    return ok;
}

} // namespace

QByteArray LookupRequest::endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Query:
        return QByteArrayLiteral("query");
    case Endpoint::FQuery:
        return QByteArrayLiteral("fquery");
    case Endpoint::Info:
        return QByteArrayLiteral("info");
    }
    return {};
}

QByteArray encodeCursor(int rrtype, const QByteArray &rrname, const QByteArray &rdata)
{
    const QByteArray plain = QByteArray::number(rrtype) % '\x1f' % rrname % '\x1f' % rdata;
    return plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<CursorPosition> decodeCursor(const QByteArray &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor, QByteArray::Base64UrlEncoding |
                                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QByteArray &plain = *decoded;
    const qsizetype a = plain.indexOf('\x1f');
    const qsizetype b = a < 0 ? -1 : plain.indexOf('\x1f', a + 1);
    if (a <= 0 || b < 0) {
        return std::nullopt;
    }
    bool ok = false;
    const int type = plain.left(a).toInt(&ok);
    if (!ok || type < 0 || type > 65535) {
        return std::nullopt;
    }
    return CursorPosition{type, plain.mid(a + 1, b - a - 1), plain.mid(b + 1)};
}

LookupDecodeResult decodeLookup(const HttpRequest &http, qint64 now)
{
    LookupDecodeResult result;
    auto fail = [&result](int status, QByteArray reason) {
        result.status = status;
        result.reason = std::move(reason);
        result.request.reset();
        return result;
    };
    const qsizetype question = http.target.indexOf('?');
    const QByteArray path = question < 0 ? http.target : http.target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : http.target.mid(question + 1);
    LookupRequest request;
    QByteArray rawValue;
    if (path == "/info" || path == "/info/") {
        request.endpoint = LookupRequest::Endpoint::Info;
    } else if (path.startsWith("/query/")) {
        request.endpoint = LookupRequest::Endpoint::Query;
        rawValue = path.mid(7);
    } else if (path.startsWith("/fquery/")) {
        request.endpoint = LookupRequest::Endpoint::FQuery;
        rawValue = path.mid(8);
    } else {
        return fail(404, "unknown path; use /query/<value>, /fquery/<value> or /info");
    }
    if (http.method != "GET" && http.method != "HEAD") {
        return fail(405, "only GET is supported");
    }
    if (request.endpoint != LookupRequest::Endpoint::Info) {
        const auto value = percentDecode(rawValue, false);
        if (!value) {
            return fail(400, "malformed percent-encoding in the path");
        }
        if (value->isEmpty()) {
            return fail(400, "empty lookup value");
        }
        if (value->size() > kMaxValue) {
            return fail(400, "lookup value longer than 1024 bytes");
        }
        if (value->contains('\0') || value->contains('\n') || value->contains('\r')) {
            return fail(400, "control character in the lookup value");
        }
        request.value = *value;
    }
    QList<QPair<QByteArray, QByteArray>> parameters;
    if (!query.isEmpty()) {
        for (const QByteArray &pair : query.split('&')) {
            if (pair.isEmpty()) {
                continue;
            }
            const qsizetype equals = pair.indexOf('=');
            const auto name =
                percentDecode(equals < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(equals), true);
            const auto value =
                percentDecode(equals < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(equals + 1), true);
            if (!name || !value) {
                return fail(400, "malformed percent-encoding in the query string");
            }
            parameters.append({*name, *value});
        }
    }
    // Headers of CIRCL's pDNS 2.0 (PyPDNS) map onto the same parameters; the query string wins.
    const QByteArray headerType = http.header("dribble-filter-rrtype");
    if (!headerType.isEmpty()) {
        parameters.prepend({"rrtype", headerType});
    }
    const QByteArray headerCount = http.header("dribble-paginate-count");
    if (!headerCount.isEmpty()) {
        parameters.prepend({"limit", headerCount});
    }
    const QByteArray headerCursor = http.header("dribble-paginate-cursor");
    if (!headerCursor.isEmpty()) {
        parameters.prepend({"cursor", headerCursor});
    }
    for (const auto &[name, value] : std::as_const(parameters)) {
        if (name == "rrtype") {
            request.types.clear();
            for (const QByteArray &typeText : value.split(',')) {
                const int type = passivedns::RrTypes::fromText(typeText.trimmed());
                if (type < 0) {
                    return fail(400, "unknown rrtype '" + typeText.left(64) + "'");
                }
                if (type != 255 && !request.types.contains(type)) { // ANY = every type
                    request.types.append(type);
                }
            }
        } else if (name == "time_first_before" || name == "time_first_after" || name == "time_last_before" ||
                   name == "time_last_after") {
            qint64 number = 0;
            if (!parseInteger(value, number)) {
                return fail(400, name + " must be an integer (epoch seconds, or negative relative to now)");
            }
            if (number < 0) {
                number = now + number;
            }
            (name == "time_first_before"  ? request.timeFirstBefore
             : name == "time_first_after" ? request.timeFirstAfter
             : name == "time_last_before" ? request.timeLastBefore
                                          : request.timeLastAfter) = number;
        } else if (name == "limit") {
            qint64 number = 0;
            if (!parseInteger(value, number) || number < 1 || number > kMaxLimit) {
                return fail(400, "limit must be an integer between 1 and 100000");
            }
            request.limit = qsizetype(number);
        } else if (name == "cursor") {
            if (!value.isEmpty() && !decodeCursor(value)) {
                return fail(400, "malformed cursor");
            }
            request.cursor = value;
        } else if (name == "rdata") {
            if (value != "array" && value != "string") {
                return fail(400, "rdata must be 'array' or 'string'");
            }
            request.rdataArray = value == "array";
        } else if (name == "compat") {
            if (value != "d4" && value != "none") {
                return fail(400, "compat must be 'd4' or 'none'");
            }
            request.compatD4 = value == "d4";
        } else {
            return fail(400, "unknown parameter '" + name.left(64) + "'");
        }
    }
    result.request = std::move(request);
    return result;
}

} // namespace d4::api
