// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/tcpconnect.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <QStringList>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace d4::sensor {

namespace {

using Clock = std::chrono::steady_clock;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString numericAddress(const addrinfo &address)
{
    char host[NI_MAXHOST] = {};
    if (::getnameinfo(address.ai_addr, address.ai_addrlen, host, sizeof(host), nullptr, 0, NI_NUMERICHOST) !=
        0) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(host);
}

/** Connects one socket to one address before @p deadline: 0 on success, else an errno value. */
int connectOne(int fd, const addrinfo &address, Clock::time_point deadline)
{
    if (::connect(fd, address.ai_addr, address.ai_addrlen) == 0) {
        return 0;
    }
    if (errno != EINPROGRESS) {
        return errno;
    }
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            return ETIMEDOUT;
        }
        pollfd waitFor{fd, POLLOUT, 0};
        const int ready = ::poll(&waitFor, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return ready == 0 ? ETIMEDOUT : errno;
        }
        int error = 0;
        socklen_t length = sizeof(error);
        if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
            return errno;
        }
        return error;
    }
}

} // namespace

Result<int, SensorError> connectTcp(const Endpoint &server, std::chrono::milliseconds timeout)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *list = nullptr;
    const QByteArray host = server.host.toUtf8();
    const QByteArray port = QByteArray::number(server.port);
    const int resolved = ::getaddrinfo(host.constData(), port.constData(), &hints, &list);
    if (resolved != 0) {
        return SensorError{SensorError::Kind::Connect,
                           QStringLiteral("cannot resolve %1: %2")
                               .arg(server.host, QString::fromLocal8Bit(::gai_strerror(resolved)))};
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owner(list, &::freeaddrinfo);
    const Clock::time_point deadline = Clock::now() + timeout;
    QStringList failures;
    for (const addrinfo *address = list; address; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                address->ai_protocol);
        const int error = fd < 0 ? errno : connectOne(fd, *address, deadline);
        if (error == 0) {
            return fd;
        }
        if (fd >= 0) {
            ::close(fd);
        }
        failures << numericAddress(*address) + QStringLiteral(": ") + errnoText(error);
    }
    return SensorError{SensorError::Kind::Connect,
                       QStringLiteral("cannot connect to %1 (%2)")
                           .arg(server.toString(), failures.join(QStringLiteral("; ")))};
}

void tuneSensorSocket(int fd, std::chrono::milliseconds userTimeout) noexcept
{
    const int on = 1;
    // Packets leave in batches already; Nagle would only delay the tail of a live capture.
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
    const int idle = 30;
    const int interval = 10;
    const int count = 3;
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle));
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof(interval));
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof(count));
#ifdef TCP_USER_TIMEOUT
    // Without it, data the server never acknowledges is retried for ~15 minutes before an error.
    const auto milliseconds = static_cast<unsigned int>(userTimeout.count());
    ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &milliseconds, sizeof(milliseconds));
#else
    static_cast<void>(userTimeout);
#endif
}

} // namespace d4::sensor
