// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "d4types.h"

#include <algorithm>
#include <array>

namespace d4::protocol {

namespace {

using namespace std::string_view_literals;

// Descriptions follow D4-project/architecture format/type.json; defaults follow the reference
// server's accepted_type list {1, 2, 4, 8, 254}.
constexpr std::array<TypeInfo, 10> kTypes{{
    {0, "reserved"sv, "Reserved"sv, false, false},
    {1, "pcap"sv, "pcap (libpcap 2.4)"sv, true, true},
    {2, "meta-header"sv, "meta header (JSON)"sv, true, true},
    {3, "log-line"sv, "generic log line"sv, false, true},
    {4, "dnscap"sv, "dnscap output"sv, true, true},
    {5, "pcapng"sv, "pcapng (diagnostic)"sv, false, false},
    {6, "ndjson"sv, "generic NDJSON or JSON Lines"sv, false, true},
    {7, "yaf"sv, "generic YAF (Yet Another Flowmeter)"sv, false, false},
    {8, "passivedns"sv, "passivedns CSV stream"sv, true, true},
    {254, "extended"sv, "type defined by meta header (type 2)"sv, true, true},
}};

} // namespace

std::span<const TypeInfo> typeTable() noexcept
{
    return kTypes;
}

const TypeInfo *findType(int type) noexcept
{
    const auto it =
        std::find_if(kTypes.begin(), kTypes.end(), [type](const TypeInfo &t) { return t.type == type; });
    return it == kTypes.end() ? nullptr : &*it;
}

} // namespace d4::protocol
