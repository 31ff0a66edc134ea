// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include <QByteArrayView>
#include <QStringList>

namespace d4::forward {

/**
 * A set of DNS zones for the forwarding filters. A zone contains itself and its subdomains:
 * "example.com" contains "example.com" and "www.example.com", not "badexample.com". Names and
 * zones compare case-insensitively (ASCII) with trailing dots ignored; leading dots of a zone are
 * ignored too, and "." (the root) contains every name.
 *
 * contains() looks up each label suffix of the name in a hash set, so its cost depends on the
 * number of labels of the name, not on the number of zones (block lists may be long). Thread-safe
 * (const).
 */
class ZoneList final
{
public:
    ZoneList() = default;
    explicit ZoneList(const QStringList &zones);

    bool isEmpty() const noexcept { return m_zones.empty() && !m_root; }
    /** True when @p name (presentation form, any case, with or without the trailing dot) is in a zone. */
    bool contains(QByteArrayView name) const;

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> m_zones;
    bool m_root = false;
};

} // namespace d4::forward
