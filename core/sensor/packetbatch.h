// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "protocol/packetencoder.h"
#include "sensor/result.h"
#include "sensor/sensorerror.h"

struct iovec;

namespace d4::sensor {

class ParallelSealer;

/**
 * A buffer of D4 packets built in place, so source bytes are copied once (by the kernel) on
 * their way out: one readv() scatters them straight into the payload slots of a buffer laid out
 * as [62-byte header][snaplen payload][header][payload]..., seal() signs each packet in place,
 * and the result is contiguous, ready for one write().
 *
 * Splitting one read of n bytes into snaplen pieces yields exactly the packets the C client's
 * successive read(snaplen) calls yield on the same bytes: a regular file gives full packets and
 * a short last one; a pipe or terminal gives what was there, since readv() returns as soon as
 * any data is available and never waits to fill the batch.
 *
 * Not thread-safe. Move-only.
 */
class PacketBatch final
{
public:
    /** Payload bytes one batch holds at most (rounded down to whole packets, at least one). */
    static constexpr std::size_t kDefaultBatchBytes = std::size_t{1} << 20;

    explicit PacketBatch(std::uint32_t snaplen, std::size_t batchBytes = kDefaultBatchBytes);
    ~PacketBatch();
    PacketBatch(PacketBatch &&) noexcept;
    PacketBatch &operator=(PacketBatch &&) noexcept;

    /**
     * One readv() from @p fd into the payload slots: the number of bytes read, 0 at end of input.
     * EINTR is retried; on a non-blocking descriptor it waits with poll() instead of spinning.
     */
    Result<std::size_t, SensorError> readFrom(int fd);

    /**
     * Signs the packets holding the first @p payloadBytes bytes of the slots (as returned by
     * readFrom, or placed with payloadSlot) and returns them. 0 gives one empty packet, the
     * end-of-input marker. With @p helper, the second half of a large batch is signed on its thread
     * at the same time (the bytes produced are the same).
     */
    std::span<const std::uint8_t> seal(protocol::PacketEncoder &encoder, std::size_t payloadBytes,
                                       std::uint64_t timestamp, ParallelSealer *helper = nullptr);

    /** Payload bytes that fit in one batch. */
    std::size_t capacity() const noexcept { return m_slots * m_snaplen; }
    std::uint32_t snaplen() const noexcept { return m_snaplen; }

private:
    std::size_t stride() const noexcept;
    void sealRange(protocol::PacketEncoder &encoder, std::size_t firstPacket, std::size_t endPacket,
                   std::size_t payloadBytes, std::uint64_t timestamp);

    std::uint32_t m_snaplen;
    std::size_t m_slots;
    std::unique_ptr<std::uint8_t[]> m_buffer;
    std::vector<iovec> m_iov;
};

} // namespace d4::sensor
