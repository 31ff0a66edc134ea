// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace d4::test {

/**
 * A libpcap stream built in memory for the type-1 resume tests, with its record boundaries known
 * by construction (so the tests do not re-implement the tracker to check it).
 */
class PcapTestStream final
{
public:
    struct Options
    {
        bool bigEndian = false;
        bool nanosecond = false;
        std::uint32_t snapLength = 65535;
    };

    explicit PcapTestStream(Options options)
        : m_options(options)
    {
        const std::uint32_t magic = options.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4;
        put32(magic);
        put16(2);
        put16(4);
        put32(0); // thiszone
        put32(0); // sigfigs
        put32(options.snapLength);
        put32(1); // Ethernet
    }

    /** Appends a record with @p length captured bytes (a recognisable pattern). */
    void addRecord(std::uint32_t length)
    {
        m_starts.push_back(m_bytes.size());
        put32(1700000000 + static_cast<std::uint32_t>(m_starts.size())); // seconds
        put32(static_cast<std::uint32_t>(m_starts.size()) * 7);          // fraction
        put32(length);                                                   // incl_len
        put32(length + 3);                                               // orig_len
        for (std::uint32_t i = 0; i < length; ++i) {
            m_bytes.push_back(static_cast<std::uint8_t>(i * 31 + m_starts.size()));
        }
    }

    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }
    std::span<const std::uint8_t> globalHeader() const { return std::span(m_bytes).first(24); }
    const std::vector<std::size_t> &recordStarts() const { return m_starts; }

    /** Where the record holding byte @p offset starts (@p offset itself at a boundary or the end). */
    std::size_t recordStartAt(std::size_t offset) const
    {
        if (offset >= m_bytes.size()) {
            return offset; // the last record is complete
        }
        std::size_t start = 24;
        for (const std::size_t s : m_starts) {
            if (s <= offset) {
                start = s;
            }
        }
        return std::min(start, offset);
    }

    /**
     * What a session continuing at @p offset must be sent first, by the contract of
     * PcapStreamTracker::resumePrefix(): nothing before the magic is known, the part of the global
     * header seen inside it, else the global header and the record bytes before @p offset.
     */
    std::vector<std::uint8_t> expectedPrefix(std::size_t offset) const
    {
        if (offset < 4) {
            return {};
        }
        if (offset <= 24) {
            return {m_bytes.begin(), m_bytes.begin() + static_cast<std::ptrdiff_t>(offset)};
        }
        std::vector<std::uint8_t> prefix(m_bytes.begin(), m_bytes.begin() + 24);
        prefix.insert(prefix.end(), m_bytes.begin() + static_cast<std::ptrdiff_t>(recordStartAt(offset)),
                      m_bytes.begin() + static_cast<std::ptrdiff_t>(offset));
        return prefix;
    }

private:
    void put16(std::uint16_t value)
    {
        if (m_options.bigEndian) {
            m_bytes.push_back(static_cast<std::uint8_t>(value >> 8));
            m_bytes.push_back(static_cast<std::uint8_t>(value));
        } else {
            m_bytes.push_back(static_cast<std::uint8_t>(value));
            m_bytes.push_back(static_cast<std::uint8_t>(value >> 8));
        }
    }
    void put32(std::uint32_t value)
    {
        if (m_options.bigEndian) {
            put16(static_cast<std::uint16_t>(value >> 16));
            put16(static_cast<std::uint16_t>(value));
        } else {
            put16(static_cast<std::uint16_t>(value));
            put16(static_cast<std::uint16_t>(value >> 16));
        }
    }

    Options m_options;
    std::vector<std::uint8_t> m_bytes;
    std::vector<std::size_t> m_starts;
};

} // namespace d4::test
