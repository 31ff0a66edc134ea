// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace d4::protocol {

/** One row of the D4 type table (the architecture repository's type.json). */
struct TypeInfo
{
    std::uint8_t type;
    std::string_view name;        ///< short identifier, e.g. "pcap"
    std::string_view description; ///< as type.json words it
    bool acceptedByDefault;       ///< in the reference server's default accepted set
    bool hasWorker;               ///< a built-in worker consumes this type's streams
};

/** Every defined type, in ascending order. */
std::span<const TypeInfo> typeTable() noexcept;

/** The entry for @p type, or nullptr when the type is not defined. */
const TypeInfo *findType(int type) noexcept;

inline constexpr std::uint8_t kTypePcap = 1;
inline constexpr std::uint8_t kTypeMetaHeader = 2;
inline constexpr std::uint8_t kTypeLogLine = 3;
inline constexpr std::uint8_t kTypeDnscap = 4;
inline constexpr std::uint8_t kTypePcapng = 5;
inline constexpr std::uint8_t kTypeNdjson = 6;
inline constexpr std::uint8_t kTypeYaf = 7;
inline constexpr std::uint8_t kTypePassiveDns = 8;
inline constexpr std::uint8_t kTypeExtended = 254;

} // namespace d4::protocol
