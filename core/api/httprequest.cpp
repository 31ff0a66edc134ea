// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Hand-written parser: see the class comment in httprequest.h for why no library is used.
#include "api/httprequest.h"

namespace d4::api {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName) {
            return value;
        }
    }
    return {};
}

HttpRequestParser::State HttpRequestParser::fail(int status, const char *reason)
{
    m_status = status;
    m_error = reason;
    return State::Error;
}

HttpRequestParser::State HttpRequestParser::next(HttpRequest &request)
{
    // Tolerate empty lines before a request (RFC 9112 §2.2).
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2);
    }
    while (m_buffer.startsWith('\n')) {
        m_buffer.remove(0, 1);
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    const qsizetype endLf = m_buffer.indexOf("\n\n");
    qsizetype headEnd = -1;
    qsizetype terminator = 0;
    if (end >= 0 && (endLf < 0 || end <= endLf)) {
        headEnd = end;
        terminator = 4;
    } else if (endLf >= 0) {
        headEnd = endLf;
        terminator = 2;
    }
    if (headEnd < 0) {
        if (m_buffer.size() > kMaxHead) {
            return fail(431, "request head too large");
        }
        return State::NeedMore;
    }
    if (headEnd > kMaxHead) {
        return fail(431, "request head too large");
    }
    const QByteArray head = m_buffer.left(headEnd);
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
    }
    HttpRequest parsed;
    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() != 3) {
        return fail(400, "malformed request line");
    }
    parsed.method = parts[0];
    parsed.target = parts[1];
    for (const char c : parsed.method) {
        if (!isTokenChar(c)) {
            return fail(400, "malformed method");
        }
    }
    if (parsed.method.isEmpty() || parsed.target.isEmpty() || !parsed.target.startsWith('/')) {
        return fail(400, "the request target must be an absolute path");
    }
    for (const char c : parsed.target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            return fail(400, "control character in the request target");
        }
    }
    if (parts[2] == "HTTP/1.1") {
        parsed.minorVersion = 1;
    } else if (parts[2] == "HTTP/1.0") {
        parsed.minorVersion = 0;
    } else {
        return fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return fail(400, "malformed header line");
        }
        QByteArray name = line.left(colon).toLower();
        for (const char c : name) {
            if (!isTokenChar(c)) {
                return fail(400, "malformed header name");
            }
        }
        parsed.headers.append({std::move(name), line.mid(colon + 1).trimmed()});
    }
    const QByteArray connection = parsed.header("connection").toLower();
    parsed.keepAlive =
        parsed.minorVersion == 1 ? !connection.contains("close") : connection.contains("keep-alive");
    if (!parsed.header("transfer-encoding").isEmpty()) {
        return fail(400, "request bodies are not supported");
    }
    qsizetype bodyLength = 0;
    const QByteArray lengthText = parsed.header("content-length");
    if (!lengthText.isEmpty()) {
        bool ok = false;
        const qlonglong length = lengthText.toLongLong(&ok);
        if (!ok || length < 0) {
            return fail(400, "malformed Content-Length");
        }
        if (length > kMaxBody) {
            return fail(413, "request body too large");
        }
        bodyLength = qsizetype(length);
    }
    if (m_buffer.size() < headEnd + terminator + bodyLength) {
        return State::NeedMore;
    }
    m_buffer.remove(0, headEnd + terminator + bodyLength);
    request = std::move(parsed);
    return State::Complete;
}

} // namespace d4::api
