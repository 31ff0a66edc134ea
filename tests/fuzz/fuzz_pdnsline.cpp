// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: passivedns lines (text in the default, pre-1.0 and a custom layout, and JSON mode)
// through LineParser, and DNS wire messages through DnsExtractor. Properties checked: no crash, a
// record always has a name and a type in 0..65535, counts and TTLs are never negative.

#include <cstdint>
#include <cstdlib>

#include <QByteArray>

#include "analyzers/passivedns/dnsextractor.h"
#include "analyzers/passivedns/lineparser.h"

namespace {

void check(const d4::passivedns::ParseResult &result)
{
    using Kind = d4::passivedns::ParseResult::Kind;
    if (result.kind == Kind::Record || result.kind == Kind::Error) {
        const auto &record = result.record;
        if (record.rrname.isEmpty() || record.rrtype < 0 || record.rrtype > 65535 || record.count < 1 ||
            record.ttl < -1 || record.micros < 0 || record.micros > 999999) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    static const d4::passivedns::LineParser defaultParser;
    static const d4::passivedns::LineParser customParser = [] {
        d4::passivedns::LineLayout layout;
        layout.fields = "HhcsCQTAtn";
        layout.separator = ";";
        return d4::passivedns::LineParser(layout);
    }();
    for (const QByteArray &line : input.split('\n')) {
        check(defaultParser.parse(line));
        check(customParser.parse(line));
    }
    for (const auto &record : d4::passivedns::DnsExtractor::extract(input, 1700000000)) {
        if (record.rrtype < 0 || record.rrtype > 65535) {
            std::abort();
        }
    }
    return 0;
}
