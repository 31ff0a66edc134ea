// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "payloadcontent.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include <openssl/rand.h>

namespace d4::bench {

namespace {

constexpr std::size_t kLineLength = 120;
constexpr std::size_t kGlobalHeader = 24;
constexpr std::size_t kRecordHeader = 16;
constexpr std::size_t kRecord = 1024; ///< record header + frame

void put32(std::uint8_t *out, std::uint32_t value)
{
    std::memcpy(out, &value, 4); // little-endian hosts: the magic below says so
}

/** One passivedns line of exactly @p length bytes including its '\n'. */
std::string passiveDnsLine(std::size_t number, std::size_t length)
{
    char head[96];
    const int n =
        std::snprintf(head, sizeof head, "1700000000.%06zu||198.51.100.%zu||192.0.2.53||IN||host%zu.",
                      number % 1000000, number % 250 + 1, number);
    std::string line(head, static_cast<std::size_t>(n));
    const std::string tail = "example.com.||A||203.0.113.7||300||1\n";
    const std::size_t fill = length > line.size() + tail.size() ? length - line.size() - tail.size() : 0;
    line.append(fill, 'x');
    line += tail;
    return line;
}

/** A record of @p size bytes: header, then an Ethernet/IPv4/UDP frame padded with a pattern. */
void writeRecord(std::uint8_t *out, std::size_t size, std::uint32_t second)
{
    const auto frame = static_cast<std::uint32_t>(size - kRecordHeader);
    put32(out, second);
    put32(out + 4, 0);
    put32(out + 8, frame);
    put32(out + 12, frame);
    std::uint8_t *f = out + kRecordHeader;
    for (std::size_t i = 0; i < frame; ++i) {
        f[i] = static_cast<std::uint8_t>(i * 7);
    }
    if (frame >= 42) {
        static const std::uint8_t header[] = {
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00, // Ethernet
            0x45, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00,             // IPv4
            0xc6, 0x33, 0x64, 0x01, 0xc0, 0x00, 0x02, 0x35,                                     // addrs
            0x30, 0x39, 0x00, 0x35, 0x00, 0x00, 0x00, 0x00};                                    // UDP
        std::memcpy(f, header, sizeof header);
        const auto ipLength = static_cast<std::uint16_t>(std::min<std::size_t>(frame - 14, 0xffff));
        f[16] = static_cast<std::uint8_t>(ipLength >> 8);
        f[17] = static_cast<std::uint8_t>(ipLength);
    }
}

} // namespace

std::size_t linesPerPayload(std::size_t size)
{
    return size / kLineLength;
}

void fillPayload(Content content, int index, std::vector<std::uint8_t> &payload)
{
    const std::size_t size = payload.size();
    switch (content) {
    case Content::Random:
        RAND_bytes(payload.data(), static_cast<int>(size));
        return;
    case Content::Lines: {
        // linesPerPayload() lines; the last one takes the remainder so the payload ends at '\n'.
        const std::size_t count = linesPerPayload(size);
        std::size_t offset = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t length = i + 1 == count ? size - offset : kLineLength;
            const std::string line = passiveDnsLine(static_cast<std::size_t>(index) * count + i, length);
            std::memcpy(payload.data() + offset, line.data(), line.size());
            offset += line.size();
        }
        return;
    }
    case Content::Pcap: {
        std::uint8_t *out = payload.data();
        std::size_t left = size;
        if (index == 0) {
            put32(out, 0xa1b2c3d4);
            out[4] = 2; // version 2.4
            out[5] = 0;
            out[6] = 4;
            out[7] = 0;
            std::memset(out + 8, 0, 8);
            put32(out + 16, 262144); // snap length
            put32(out + 20, 1);      // Ethernet
            out += kGlobalHeader;
            left -= kGlobalHeader;
        }
        const auto second = static_cast<std::uint32_t>(std::time(nullptr));
        while (left > 0) {
            // Never leave less than one record header behind.
            const std::size_t record = left == kRecord || left >= kRecord + kRecordHeader ? kRecord : left;
            writeRecord(out, record, second);
            out += record;
            left -= record;
        }
        return;
    }
    }
}

} // namespace d4::bench
