// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "framedecoder.h"

#include <algorithm>
#include <cstring>

#include "uuid.h"

namespace d4::protocol {

const char *frameErrorText(FrameError error) noexcept
{
    switch (error) {
    case FrameError::None:
        return "no error";
    case FrameError::PayloadTooLarge:
        return "payload size above the limit";
    case FrameError::BadVersion:
        return "unsupported protocol version";
    case FrameError::UuidNotV4:
        return "sensor UUID is not a version-4 UUID";
    }
    return "unknown error";
}

FrameDecoder::FrameDecoder(FrameLimits limits)
    : m_limits(limits)
{
}

void FrameDecoder::compact()
{
    // Only the unfinished tail moves, and only once the consumed prefix dominates the buffer,
    // so the amortised cost per input byte stays constant.
    if (m_start == 0) {
        return;
    }
    if (m_start == m_end) {
        m_start = m_end = 0;
        return;
    }
    if (m_start >= m_buffer.size() / 2) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_start, m_end - m_start);
        m_end -= m_start;
        m_start = 0;
    }
}

std::span<std::uint8_t> FrameDecoder::prepareWrite(std::size_t maxBytes)
{
    compact();
    if (m_buffer.size() - m_end < maxBytes) {
        m_buffer.resize(std::max(m_end + maxBytes, m_buffer.size() * 2));
    }
    return {m_buffer.data() + m_end, m_buffer.size() - m_end};
}

void FrameDecoder::commitWrite(std::size_t written)
{
    m_end = std::min(m_end + written, m_buffer.size());
}

void FrameDecoder::append(std::span<const std::uint8_t> data)
{
    if (data.empty()) {
        return;
    }
    const std::span<std::uint8_t> space = prepareWrite(data.size());
    std::memcpy(space.data(), data.data(), data.size());
    commitWrite(data.size());
}

FrameError FrameDecoder::validate(const Header &header) const noexcept
{
    if (header.size > m_limits.maxPayload) {
        return FrameError::PayloadTooLarge;
    }
    if (m_limits.requiredVersion >= 0 && header.version != m_limits.requiredVersion) {
        return FrameError::BadVersion;
    }
    if (m_limits.requireUuidV4 && !isUuidV4(header.uuid)) {
        return FrameError::UuidNotV4;
    }
    return FrameError::None;
}

std::optional<Header> FrameDecoder::pendingHeader() const
{
    if (m_end - m_start < kHeaderSize) {
        return std::nullopt;
    }
    return decodeHeader(std::span<const std::uint8_t, kHeaderSize>(m_buffer.data() + m_start, kHeaderSize));
}

std::optional<Frame> FrameDecoder::next()
{
    if (m_error != FrameError::None || m_end - m_start < kHeaderSize) {
        return std::nullopt;
    }
    const std::span<const std::uint8_t, kHeaderSize> rawHeader(m_buffer.data() + m_start, kHeaderSize);
    const Header header = decodeHeader(rawHeader);
    m_error = validate(header);
    if (m_error != FrameError::None) {
        return std::nullopt;
    }
    const std::size_t frameSize = kHeaderSize + header.size;
    if (m_end - m_start < frameSize) {
        // Reserve the whole frame once, so a fragmented payload is never reallocated twice.
        if (m_buffer.size() - m_start < frameSize) {
            compact();
            if (m_buffer.size() - m_start < frameSize) {
                m_buffer.resize(m_start + frameSize);
            }
        }
        return std::nullopt;
    }
    Frame frame{header, std::span<const std::uint8_t, kHeaderSize>(m_buffer.data() + m_start, kHeaderSize),
                std::span<const std::uint8_t>(m_buffer.data() + m_start + kHeaderSize, header.size)};
    m_start += frameSize;
    return frame;
}

void FrameDecoder::reset()
{
    m_start = m_end = 0;
    m_error = FrameError::None;
}

} // namespace d4::protocol
