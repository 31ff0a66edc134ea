// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/pcapstreamtracker.h"

#include <algorithm>
#include <cstring>

namespace d4::sensor {

namespace {

// The first four bytes of a libpcap file, as they appear in the stream.
constexpr std::uint8_t kLittleMicro[4] = {0xd4, 0xc3, 0xb2, 0xa1};
constexpr std::uint8_t kLittleNano[4] = {0x4d, 0x3c, 0xb2, 0xa1};
constexpr std::uint8_t kBigMicro[4] = {0xa1, 0xb2, 0xc3, 0xd4};
constexpr std::uint8_t kBigNano[4] = {0xa1, 0xb2, 0x3c, 0x4d};

bool startsWith(const std::uint8_t *data, const std::uint8_t (&magic)[4])
{
    return std::memcmp(data, magic, sizeof magic) == 0;
}

} // namespace

std::uint32_t PcapStreamTracker::read32(const std::uint8_t *data) const noexcept
{
    if (m_bigEndian) {
        return std::uint32_t{data[0]} << 24 | std::uint32_t{data[1]} << 16 | std::uint32_t{data[2]} << 8 |
               std::uint32_t{data[3]};
    }
    return std::uint32_t{data[0]} | std::uint32_t{data[1]} << 8 | std::uint32_t{data[2]} << 16 |
           std::uint32_t{data[3]} << 24;
}

void PcapStreamTracker::feed(std::span<const std::uint8_t> bytes)
{
    while (!bytes.empty()) {
        if (m_state == State::NotPcap || m_state == State::RecordTooLarge) {
            return;
        }
        if (m_globalHeaderBytes < kGlobalHeaderSize) {
            feedGlobalHeader(bytes);
        } else if (m_record.empty()) {
            skipRecords(bytes);
        } else {
            continueRecord(bytes);
        }
    }
}

void PcapStreamTracker::feedGlobalHeader(std::span<const std::uint8_t> &bytes)
{
    const std::size_t take = std::min(kGlobalHeaderSize - m_globalHeaderBytes, bytes.size());
    std::copy_n(bytes.data(), take, m_globalHeader.data() + m_globalHeaderBytes);
    m_globalHeaderBytes += take;
    m_position += take;
    bytes = bytes.subspan(take);
    if (m_state == State::Detecting && m_globalHeaderBytes >= 4) {
        const std::uint8_t *magic = m_globalHeader.data();
        if (startsWith(magic, kLittleMicro) || startsWith(magic, kLittleNano)) {
            m_state = State::Tracking;
        } else if (startsWith(magic, kBigMicro) || startsWith(magic, kBigNano)) {
            m_state = State::Tracking;
            m_bigEndian = true;
        } else {
            m_state = State::NotPcap;
            return;
        }
    }
    if (m_globalHeaderBytes == kGlobalHeaderSize) {
        const std::uint32_t snapLength = read32(m_globalHeader.data() + 16);
        m_maxRecordLength = std::max(kMaxRecordLength, std::min(snapLength, kSnapLengthCap));
    }
}

bool PcapStreamTracker::acceptRecordHeader(const std::uint8_t *header, std::uint64_t recordOffset)
{
    m_lastLength = read32(header + 8);
    if (m_lastLength <= m_maxRecordLength) {
        return true;
    }
    m_state = State::RecordTooLarge;
    m_rejectedLength = m_lastLength;
    m_rejectedOffset = recordOffset;
    m_position = recordOffset + kRecordHeaderSize;
    std::vector<std::uint8_t>().swap(m_record); // give the memory back: it is never needed again
    m_recordSize = 0;
    return false;
}

void PcapStreamTracker::skipRecords(std::span<const std::uint8_t> &bytes)
{
    std::size_t offset = 0;
    while (bytes.size() - offset >= kRecordHeaderSize) {
        if (!acceptRecordHeader(bytes.data() + offset, m_position + offset)) {
            bytes = {};
            return;
        }
        const std::size_t total = kRecordHeaderSize + m_lastLength;
        if (bytes.size() - offset < total) {
            break;
        }
        offset += total;
    }
    // What is left is the beginning of a record; when it holds the header, the loop just read it.
    const std::span<const std::uint8_t> rest = bytes.subspan(offset);
    if (!rest.empty()) {
        m_recordSize = rest.size() >= kRecordHeaderSize ? kRecordHeaderSize + m_lastLength : 0;
        m_record.reserve(m_recordSize);
        m_record.assign(rest.begin(), rest.end());
    }
    m_position += bytes.size();
    bytes = {};
}

void PcapStreamTracker::continueRecord(std::span<const std::uint8_t> &bytes)
{
    if (m_record.size() < kRecordHeaderSize) {
        const std::size_t take = std::min(kRecordHeaderSize - m_record.size(), bytes.size());
        m_record.insert(m_record.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(take));
        m_position += take;
        bytes = bytes.subspan(take);
        if (m_record.size() < kRecordHeaderSize) {
            return;
        }
        if (!acceptRecordHeader(m_record.data(), m_position - kRecordHeaderSize)) {
            bytes = {};
            return;
        }
        m_recordSize = kRecordHeaderSize + m_lastLength;
        m_record.reserve(m_recordSize);
    }
    const std::size_t take = std::min(m_recordSize - m_record.size(), bytes.size());
    m_record.insert(m_record.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(take));
    m_position += take;
    bytes = bytes.subspan(take);
    if (m_record.size() == m_recordSize) {
        m_record.clear(); // keeps the capacity, at most one record, for the next unfinished one
        m_recordSize = 0;
    }
}

std::vector<std::uint8_t> PcapStreamTracker::resumePrefix() const
{
    if (m_state != State::Tracking) {
        return {};
    }
    std::vector<std::uint8_t> prefix;
    prefix.reserve(m_globalHeaderBytes + m_record.size());
    prefix.insert(prefix.end(), m_globalHeader.begin(),
                  m_globalHeader.begin() + static_cast<std::ptrdiff_t>(m_globalHeaderBytes));
    prefix.insert(prefix.end(), m_record.begin(), m_record.end());
    return prefix;
}

} // namespace d4::sensor
