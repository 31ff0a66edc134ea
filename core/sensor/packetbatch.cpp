// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/packetbatch.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "sensor/parallelsealer.h"

#include <poll.h>
#include <sys/uio.h>

namespace d4::sensor {

using protocol::kHeaderSize;

namespace {

std::size_t slotCount(std::uint32_t snaplen, std::size_t batchBytes)
{
    // readv() takes at most IOV_MAX segments, one per packet.
    return std::clamp<std::size_t>(batchBytes / std::max<std::uint32_t>(snaplen, 1), 1, IOV_MAX);
}

} // namespace

PacketBatch::PacketBatch(std::uint32_t snaplen, std::size_t batchBytes)
    : m_snaplen(std::max<std::uint32_t>(snaplen, 1))
    , m_slots(slotCount(m_snaplen, batchBytes))
    // Default-initialised (not zeroed): every byte sent is written by readv or seal first.
    , m_buffer(new std::uint8_t[m_slots * stride()])
    , m_iov(m_slots)
{
    for (std::size_t i = 0; i < m_slots; ++i) {
        m_iov[i].iov_base = m_buffer.get() + i * stride() + kHeaderSize;
        m_iov[i].iov_len = m_snaplen;
    }
}

PacketBatch::~PacketBatch() = default;
PacketBatch::PacketBatch(PacketBatch &&) noexcept = default;
PacketBatch &PacketBatch::operator=(PacketBatch &&) noexcept = default;

std::size_t PacketBatch::stride() const noexcept
{
    return kHeaderSize + m_snaplen;
}

Result<std::size_t, SensorError> PacketBatch::readFrom(int fd)
{
    for (;;) {
        const ssize_t n = ::readv(fd, m_iov.data(), static_cast<int>(m_iov.size()));
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            pollfd waitFor{fd, POLLIN, 0};
            ::poll(&waitFor, 1, -1);
            continue;
        }
        return SensorError{SensorError::Kind::Source, QStringLiteral("reading the source failed: %1")
                                                          .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    }
}

void PacketBatch::sealRange(protocol::PacketEncoder &encoder, std::size_t firstPacket, std::size_t endPacket,
                            std::size_t payloadBytes, std::uint64_t timestamp)
{
    for (std::size_t packet = firstPacket; packet < endPacket; ++packet) {
        const std::size_t start = packet * m_snaplen;
        const std::size_t size =
            std::min<std::size_t>(payloadBytes - std::min(payloadBytes, start), m_snaplen);
        std::uint8_t *header = m_buffer.get() + packet * stride();
        encoder.sealHeader(std::span<std::uint8_t, kHeaderSize>(header, kHeaderSize),
                           std::span<const std::uint8_t>(header + kHeaderSize, size), timestamp);
    }
}

std::span<const std::uint8_t> PacketBatch::seal(protocol::PacketEncoder &encoder, std::size_t payloadBytes,
                                                std::uint64_t timestamp, ParallelSealer *helper)
{
    payloadBytes = std::min(payloadBytes, capacity());
    // 0 bytes still make one (empty) packet: the end-of-input marker.
    const std::size_t packets = std::max<std::size_t>(1, (payloadBytes + m_snaplen - 1) / m_snaplen);
    // Splitting only pays when each half is worth a thread hand-over (tens of microseconds).
    constexpr std::size_t kMinPacketsToSplit = 16;
    if (helper && packets >= kMinPacketsToSplit) {
        const std::size_t half = packets / 2;
        helper->run([this, half, packets, payloadBytes, timestamp](protocol::PacketEncoder &second) {
            sealRange(second, half, packets, payloadBytes, timestamp);
        });
        sealRange(encoder, 0, half, payloadBytes, timestamp);
        helper->wait();
    } else {
        sealRange(encoder, 0, packets, payloadBytes, timestamp);
    }
    const std::size_t lastSize = payloadBytes - (packets - 1) * m_snaplen;
    return {m_buffer.get(), (packets - 1) * stride() + kHeaderSize + lastSize};
}

} // namespace d4::sensor
