// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>

namespace d4::api {

/** One parsed HTTP/1.x request head (the lookup API has no request bodies). */
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< origin-form: path and query, still percent-encoded
    int minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerName) const;
};

/**
 * Incremental HTTP/1.x request-head parser for the lookup server.
 *
 * Hand-written rather than Qt6::HttpServer 6.4: the lookup API must answer every malformed request
 * with 400 and a reason (never 500, never a silent close), see the raw, still-encoded path (to treat
 * "*.", trailing dots and percent escapes itself), set its own Content-Type and paging headers, and
 * the request parser must be a small pure function for the fuzzer. QHttpServer 6.4 offers none of that
 * (route converters reject before our code runs, no missing-route handler until 6.5). Only what a
 * GET-only API needs is accepted: request line, headers, Content-Length up to 64 KiB (skipped), no
 * chunked bodies, head at most 16 KiB.
 */
class HttpRequestParser final
{
public:
    enum class State
    {
        NeedMore,
        Complete,
        Error
    };

    /** Appends bytes; call next() until it returns something other than Complete. */
    void feed(const QByteArray &bytes) { m_buffer += bytes; }
    /** Parses the next request in the buffer. On Complete, @p request is filled and consumed. */
    State next(HttpRequest &request);
    /** Why the last next() returned Error (for the 400 body). */
    QByteArray errorReason() const { return m_error; }
    int errorStatus() const { return m_status; }

    static constexpr qsizetype kMaxHead = 16 * 1024;
    static constexpr qsizetype kMaxBody = 64 * 1024;

private:
    State fail(int status, const char *reason);

    QByteArray m_buffer;
    QByteArray m_error;
    int m_status = 400;
};

} // namespace d4::api
