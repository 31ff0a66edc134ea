// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/zonelist.h"

#include <array>

namespace d4::forward {

namespace {

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

} // namespace

ZoneList::ZoneList(const QStringList &zones)
{
    for (const QString &zone : zones) {
        const QByteArray bytes = zone.trimmed().toUtf8();
        QByteArrayView text = bytes;
        while (!text.isEmpty() && text.back() == '.') {
            text.chop(1);
        }
        while (!text.isEmpty() && text.front() == '.') {
            text = text.sliced(1);
        }
        if (text.isEmpty()) {
            // "." (or only dots): the root zone, which contains every name. An empty entry is ignored.
            m_root = m_root || bytes.contains('.');
            continue;
        }
        std::string normalised;
        normalised.reserve(std::size_t(text.size()));
        for (const char c : text) {
            normalised.push_back(lowerAscii(c));
        }
        m_zones.insert(std::move(normalised));
    }
}

bool ZoneList::contains(QByteArrayView name) const
{
    if (m_root) {
        return true;
    }
    if (m_zones.empty()) {
        return false;
    }
    while (!name.isEmpty() && name.back() == '.') {
        name.chop(1);
    }
    if (name.isEmpty()) {
        return false;
    }
    // Lower-case into a stack buffer (names are at most 253 bytes; longer "names" are copied).
    std::array<char, 256> buffer;
    std::string longName;
    char *lowered = buffer.data();
    if (name.size() > qsizetype(buffer.size())) {
        longName.resize(std::size_t(name.size()));
        lowered = longName.data();
    }
    for (qsizetype i = 0; i < name.size(); ++i) {
        lowered[i] = lowerAscii(name[i]);
    }
    std::string_view suffix(lowered, std::size_t(name.size()));
    while (true) {
        if (m_zones.find(suffix) != m_zones.end()) {
            return true;
        }
        const std::size_t dot = suffix.find('.');
        if (dot == std::string_view::npos) {
            return false;
        }
        suffix.remove_prefix(dot + 1);
    }
}

} // namespace d4::forward
