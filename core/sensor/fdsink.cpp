// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/fdsink.h"

#include <cerrno>
#include <cstring>

#include "sensor/fdutil.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace d4::sensor {

FdSink::FdSink(int fd, PreambleFactory preamble)
    : m_fd(fd)
    , m_preamble(std::move(preamble))
{
}

std::optional<SensorError> FdSink::open()
{
    enlargePipe(m_fd);
    if (!m_preamble) {
        return std::nullopt;
    }
    const std::vector<std::uint8_t> preamble = m_preamble(ResumePoint{});
    return write(preamble);
}

std::optional<SensorError> FdSink::write(std::span<const std::uint8_t> packets)
{
    while (!packets.empty()) {
        const ssize_t n = ::write(m_fd, packets.data(), packets.size());
        if (n > 0) {
            packets = packets.subspan(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // A descriptor inherited in non-blocking mode: wait instead of spinning.
            pollfd waitFor{m_fd, POLLOUT, 0};
            ::poll(&waitFor, 1, -1);
            continue;
        }
        return SensorError{SensorError::Kind::Output,
                           QStringLiteral("writing the output failed: %1")
                               .arg(QString::fromLocal8Bit(std::strerror(n < 0 ? errno : EIO)))};
    }
    return std::nullopt;
}

std::optional<SensorError> FdSink::close()
{
    return std::nullopt;
}

} // namespace d4::sensor
