// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>

#include "api/httprequest.h"

namespace d4::api {

/**
 * A lookup of the COF server, decoded from the request target and headers
 * (docs/passive-dns.md "Lookup API"):
 *   GET /query/<name | IP | *.domain>   GET /fquery/<rdata | IP>   GET /info
 * Parameters (query string): rrtype=<mnemonic|number>[,...] (or header dribble-filter-rrtype),
 * time_first_before/after, time_last_before/after (epoch seconds, or negative = relative to now),
 * limit=<1..100000> (or dribble-paginate-count), cursor=<opaque> (or dribble-paginate-cursor),
 * rdata=array, compat=d4 (IP queries return every record of the names, as analyzer-d4-passivedns).
 */
struct LookupRequest
{
    enum class Endpoint
    {
        Query,
        FQuery,
        Info
    };
    Endpoint endpoint = Endpoint::Query;
    QByteArray value; ///< decoded path argument (normalisation is the server's job)
    QList<int> types; ///< empty = every type
    std::optional<qint64> timeFirstBefore;
    std::optional<qint64> timeFirstAfter;
    std::optional<qint64> timeLastBefore;
    std::optional<qint64> timeLastAfter;
    qsizetype limit = 0; ///< 0 = the server default
    QByteArray cursor;   ///< opaque, empty = from the start
    bool rdataArray = false;
    bool compatD4 = false;

    static QByteArray endpointName(Endpoint endpoint);
};

/** Outcome of decoding: a request, or the HTTP status and reason to send back. */
struct LookupDecodeResult
{
    std::optional<LookupRequest> request;
    int status = 200;
    QByteArray reason;
};

/**
 * Decodes one HTTP request into a LookupRequest. Pure function (no I/O): @p now resolves relative
 * time fences. 404 for unknown paths, 405 for methods other than GET/HEAD, 400 with a reason for
 * anything malformed (bad escapes, empty or over-long values, unknown types, bad numbers).
 */
LookupDecodeResult decodeLookup(const HttpRequest &request, qint64 now);

/** The cursor for "everything after this tuple", and back (nullopt if the cursor is malformed). */
QByteArray encodeCursor(int rrtype, const QByteArray &rrname, const QByteArray &rdata);
struct CursorPosition
{
    int rrtype = 0;
    QByteArray rrname;
    QByteArray rdata;
};
std::optional<CursorPosition> decodeCursor(const QByteArray &cursor);

} // namespace d4::api
