// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: bytes from a lookup client through HttpRequestParser, decodeLookup() and the cursor
// decoder, and the same bytes as a COF line through CofFormat::parse(). Properties: no crash; every
// decoded request either carries a request or a 4xx status with a reason (never 5xx but 505).

#include <cstdint>
#include <cstdlib>

#include <QByteArray>

#include "api/cofformat.h"
#include "api/httprequest.h"
#include "api/lookuprequest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    d4::api::HttpRequestParser parser;
    // Feed in two pieces to exercise the incremental path.
    parser.feed(input.left(input.size() / 2));
    d4::api::HttpRequest request;
    auto state = parser.next(request);
    parser.feed(input.mid(input.size() / 2));
    for (int i = 0; i < 16; ++i) {
        state = parser.next(request);
        if (state != d4::api::HttpRequestParser::State::Complete) {
            break;
        }
        const d4::api::LookupDecodeResult decoded = d4::api::decodeLookup(request, 1700000000);
        if (!decoded.request && (decoded.status < 400 || decoded.status >= 500 || decoded.reason.isEmpty())) {
            std::abort();
        }
    }
    if (state == d4::api::HttpRequestParser::State::Error &&
        (parser.errorReason().isEmpty() || (parser.errorStatus() >= 500 && parser.errorStatus() != 505))) {
        std::abort();
    }
    (void)d4::api::decodeCursor(input);
    (void)d4::api::CofFormat::parse(input);
    return 0;
}
