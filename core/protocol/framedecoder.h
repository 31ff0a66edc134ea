// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "d4header.h"

namespace d4::protocol {

/** Why a byte stream stopped being a valid sequence of D4 packets. */
enum class FrameError : std::uint8_t
{
    None,
    PayloadTooLarge, ///< header size above FrameLimits::maxPayload
    BadVersion,      ///< header version differs from FrameLimits::requiredVersion
    UuidNotV4,       ///< sensor UUID is not an RFC 4122 version-4 UUID
};

/** A short English description of @p error, for logs. */
const char *frameErrorText(FrameError error) noexcept;

struct FrameLimits
{
    std::uint32_t maxPayload = kDefaultMaxPayload;
    /** Version every header must carry; a negative value accepts any version. */
    int requiredVersion = kProtocolVersion;
    bool requireUuidV4 = true;
};

/** One complete packet. The spans point into the decoder and stay valid until it is next modified. */
struct Frame
{
    Header header;
    std::span<const std::uint8_t, kHeaderSize> rawHeader;
    std::span<const std::uint8_t> payload;
};

/**
 * Incremental D4 frame decoder: bytes go in in any split, complete packets come out as soon as
 * their last byte has arrived.
 *
 * Each input byte is copied at most once (into the internal buffer, or read there directly with
 * prepareWrite/commitWrite) and the buffer only ever holds consumed frames plus the one being
 * assembled, so large or fragmented input costs linear time. A header is validated as soon as its
 * 62 bytes are present, before its payload arrives, so an oversize announcement is rejected
 * without buffering it. Errors are sticky until reset().
 */
class FrameDecoder final
{
public:
    explicit FrameDecoder(FrameLimits limits = {});

    /** Copies @p data into the decoder. */
    void append(std::span<const std::uint8_t> data);

    /**
     * Zero-copy input: returns at least @p maxBytes writable bytes at the end of the buffer;
     * write into them, then call commitWrite() with how many were written.
     */
    std::span<std::uint8_t> prepareWrite(std::size_t maxBytes);
    void commitWrite(std::size_t written);

    /** The next complete frame, or nullopt when more bytes are needed or an error occurred. */
    std::optional<Frame> next();

    FrameError error() const noexcept { return m_error; }

    /** The header of the frame being assembled, once its 62 bytes are in (even if it failed validation). */
    std::optional<Header> pendingHeader() const;

    /** Bytes received but not yet returned as a frame. */
    std::size_t bufferedBytes() const noexcept { return m_end - m_start; }

    /** Drops any partial frame and clears the error. */
    void reset();

    const FrameLimits &limits() const noexcept { return m_limits; }

private:
    void compact();
    FrameError validate(const Header &header) const noexcept;

    FrameLimits m_limits;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_start = 0; ///< first byte of the frame being assembled
    std::size_t m_end = 0;   ///< one past the last received byte
    FrameError m_error = FrameError::None;
};

} // namespace d4::protocol
