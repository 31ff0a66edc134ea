// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// bench_ingest_load's generator: K sensors on one thread with epoll and non-blocking OpenSSL.
// Each connection is a small state machine (connect, handshake, send, idle, close); writes are
// bounded per connection and loop pass so that all sensors get their turn.

#include "ingestloadgenerator.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <string>
#include <vector>

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include "protocol/packetencoder.h"
#include "protocol/uuid.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace d4::bench {

using namespace d4::protocol;

namespace {

constexpr std::size_t kMaxWrite = 64 * 1024;       ///< bytes per SSL_write (four TLS records)
constexpr std::size_t kBudgetPerPass = 256 * 1024; ///< per connection per loop pass, for fairness
constexpr std::uint64_t kStdinTag = std::numeric_limits<std::uint64_t>::max();

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

LoadGenerator::LoadGenerator(Options options)
    : m_options(std::move(options))
    , m_packetSize(kHeaderSize + m_options.payload)
    , m_connections(static_cast<std::size_t>(m_options.sensors))
{
}

LoadGenerator::~LoadGenerator()
{
    for (Connection &c : m_connections) {
        release(c);
    }
    if (m_ctx) {
        SSL_CTX_free(m_ctx);
    }
    if (m_epoll >= 0) {
        ::close(m_epoll);
    }
}

void LoadGenerator::setUp()
{
    std::signal(SIGPIPE, SIG_IGN);
    m_ctx = SSL_CTX_new(TLS_client_method());
    if (!m_ctx) {
        die("SSL_CTX_new: " + sslErrorText());
    }
    SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_NONE, nullptr);
    // Every connect-storm handshake must be a full one.
    SSL_CTX_set_session_cache_mode(m_ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(m_ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
    SSL_CTX_set_mode(m_ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const int rc = getaddrinfo(m_options.host.c_str(), m_options.port.c_str(), &hints, &found);
    if (rc != 0 || !found) {
        die("cannot resolve " + m_options.host + ": " + gai_strerror(rc));
    }
    std::memcpy(&m_address, found->ai_addr, found->ai_addrlen);
    m_addressLength = found->ai_addrlen;
    freeaddrinfo(found);
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        die(std::string("epoll_create1: ") + std::strerror(errno));
    }
    if (m_options.mode == Mode::Idle) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = kStdinTag;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, STDIN_FILENO, &event) != 0) {
            // stdin is a regular file or /dev/null: only --seconds can end the idle phase.
            if (m_options.seconds <= 0) {
                die("--mode idle needs --seconds > 0 when stdin cannot be polled");
            }
        }
    }
}

void LoadGenerator::buildRings()
{
    if (m_options.mode == Mode::ConnectStorm) {
        return;
    }
    const int packets = m_options.mode == Mode::Idle ? 1 : m_options.ring;
    const auto now = static_cast<std::uint64_t>(std::time(nullptr));
    std::vector<std::uint8_t> payload(m_options.payload);
    for (Connection &c : m_connections) {
        PacketEncoder encoder(generateUuidV4(), static_cast<std::uint8_t>(m_options.type), m_options.key);
        c.ring.reserve(static_cast<std::size_t>(packets) * m_packetSize);
        for (int i = 0; i < packets; ++i) {
            fillPayload(m_options.content, i, payload);
            encoder.appendPacket(c.ring, payload, now + static_cast<std::uint64_t>(i));
        }
        if (m_options.mode == Mode::Idle) {
            c.stopAt = m_packetSize;
        }
    }
}

void LoadGenerator::watch(Connection &c, std::uint32_t events)
{
    if (c.events == events) {
        return;
    }
    epoll_event event{};
    event.events = events;
    event.data.u64 = index(c);
    if (epoll_ctl(m_epoll, c.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &event) != 0) {
        die(std::string("epoll_ctl: ") + std::strerror(errno));
    }
    c.events = events;
}

void LoadGenerator::start(Connection &c)
{
    c.started = Clock::now();
    c.fd = ::socket(m_address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail(c, std::string("socket: ") + std::strerror(errno));
        return;
    }
    ++m_inProgress;
    c.state = State::Connecting;
    if (::connect(c.fd, reinterpret_cast<const sockaddr *>(&m_address), m_addressLength) != 0 &&
        errno != EINPROGRESS) {
        fail(c, std::string("connect: ") + std::strerror(errno));
        return;
    }
    watch(c, EPOLLOUT);
}

void LoadGenerator::startConnections()
{
    const int limit = m_options.concurrency > 0 ? m_options.concurrency : m_options.sensors;
    while (m_nextToStart < m_connections.size() && m_inProgress < limit) {
        start(m_connections[m_nextToStart++]);
    }
}

void LoadGenerator::handle(Connection &c, std::uint32_t events)
{
    switch (c.state) {
    case State::Connecting: {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            fail(c, std::string("connect: ") + std::strerror(error));
            return;
        }
        c.ssl = SSL_new(m_ctx);
        if (!c.ssl || SSL_set_fd(c.ssl, c.fd) != 1) {
            fail(c, "SSL_new: " + sslErrorText());
            return;
        }
        SSL_set_connect_state(c.ssl);
        c.state = State::Handshaking;
        handshake(c);
        return;
    }
    case State::Handshaking:
        handshake(c);
        return;
    case State::Sending:
        if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
            readIncoming(c);
        }
        if (c.state == State::Sending && (events & EPOLLOUT)) {
            pump(c);
        }
        return;
    case State::Idle:
        readIncoming(c);
        return;
    case State::Closing:
        finishShutdown(c);
        return;
    case State::Draining:
        readIncoming(c);
        return;
    case State::Waiting:
    case State::Done:
    case State::Failed:
        return;
    }
}

void LoadGenerator::handshake(Connection &c)
{
    ERR_clear_error();
    errno = 0;
    const int rc = SSL_do_handshake(c.ssl);
    if (rc == 1) {
        c.handshaken = Clock::now();
        m_lastHandshake = c.handshaken;
        --m_inProgress;
        ++m_handshaken;
        onHandshakeDone(c);
        return;
    }
    switch (SSL_get_error(c.ssl, rc)) {
    case SSL_ERROR_WANT_READ:
        watch(c, EPOLLIN);
        return;
    case SSL_ERROR_WANT_WRITE:
        watch(c, EPOLLOUT);
        return;
    default:
        fail(c, "TLS handshake: " + sslErrorText());
        return;
    }
}

void LoadGenerator::onHandshakeDone(Connection &c)
{
    if (m_options.mode == Mode::ConnectStorm) {
        c.state = State::Idle;
        ++m_readySensors;
        watch(c, EPOLLIN);
        return;
    }
    c.state = State::Sending;
    watch(c, EPOLLIN | EPOLLOUT);
    // Stream mode sends nothing until every sensor is up, so the measured phase has all K.
    if (m_options.mode == Mode::Stream) {
        ++m_readySensors;
        return;
    }
    pump(c);
}

void LoadGenerator::pump(Connection &c)
{
    if (m_options.mode == Mode::Stream && !m_ready) {
        watch(c, EPOLLIN);
        return;
    }
    // With --rate, a sensor may write up to the packet boundary its schedule has reached; an
    // interrupted SSL_write is still completed with its original length.
    const bool pacing = m_options.mode == Mode::Stream && m_options.rate > 0 && !m_stopping;
    const std::uint64_t limit = pacing ? std::min(c.stopAt, pacedLimit(Clock::now())) : c.stopAt;
    c.paced = false;
    std::size_t budget = kBudgetPerPass;
    while (budget > 0 && c.bytesSent < limit) {
        std::size_t length = c.retryLength;
        if (length == 0) {
            length =
                std::min({c.ring.size() - c.offset, kMaxWrite,
                          static_cast<std::size_t>(std::min<std::uint64_t>(limit - c.bytesSent, kMaxWrite))});
        }
        ERR_clear_error();
        errno = 0;
        const int rc = SSL_write(c.ssl, c.ring.data() + c.offset, static_cast<int>(length));
        if (rc <= 0) {
            const int error = SSL_get_error(c.ssl, rc);
            if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
                c.retryLength = length;
                watch(c, error == SSL_ERROR_WANT_WRITE ? (EPOLLIN | EPOLLOUT) : EPOLLIN);
                return;
            }
            ++m_cutOff;
            fail(c, "write: " + sslErrorText());
            return;
        }
        c.retryLength = 0;
        const auto written = static_cast<std::size_t>(rc);
        c.offset += written;
        if (c.offset == c.ring.size()) {
            // A pcap stream's global header (packet 0) is sent once.
            c.offset = m_options.content == Content::Pcap && m_options.ring > 1 ? m_packetSize : 0;
        }
        c.bytesSent += written;
        budget -= std::min(budget, written);
    }
    if (c.bytesSent < c.stopAt && c.bytesSent >= limit && c.retryLength == 0) {
        // Ahead of schedule: checkProgress() resumes it, so epoll need not report the socket writable.
        c.paced = true;
        watch(c, EPOLLIN);
        return;
    }
    if (c.bytesSent < c.stopAt) {
        watch(c, EPOLLIN | EPOLLOUT);
        return;
    }
    if (m_options.mode == Mode::Idle && !m_stopping) {
        c.state = State::Idle;
        ++m_readySensors;
        watch(c, EPOLLIN);
        return;
    }
    beginClose(c);
}

std::uint64_t LoadGenerator::pacedLimit(Clock::time_point now) const
{
    // Pacing from the start of sending, per sensor: packet n is due at n / (rate / K) seconds, so a
    // sensor that fell behind (a slow server) catches up and the average stays at --rate.
    const double perSensor = m_options.rate / m_options.sensors;
    const auto due = static_cast<std::uint64_t>(perSensor * secondsBetween(m_readyAt, now)) + 1;
    return due * m_packetSize;
}

void LoadGenerator::resumePaced()
{
    const std::uint64_t limit = pacedLimit(Clock::now());
    for (Connection &c : m_connections) {
        if (c.state == State::Sending && c.paced && c.bytesSent < limit) {
            pump(c);
        }
    }
}

void LoadGenerator::readIncoming(Connection &c)
{
    // The server sends only TLS 1.3 session tickets (and its close); reading them keeps the
    // socket from being reset at close with unread data.
    for (;;) {
        ERR_clear_error();
        errno = 0;
        const int rc = SSL_read(c.ssl, m_scratch.data(), static_cast<int>(m_scratch.size()));
        if (rc > 0) {
            continue;
        }
        const int error = SSL_get_error(c.ssl, rc);
        if (error == SSL_ERROR_WANT_READ) {
            return;
        }
        if (error == SSL_ERROR_WANT_WRITE) {
            watch(c, c.events | EPOLLOUT);
            return;
        }
        if (c.state == State::Draining) {
            // A clean close is close_notify or EOF; a reset means the server dropped the
            // connection with our data still unread (it rejected or aborted the session).
            if (error == SSL_ERROR_SYSCALL && (errno == ECONNRESET || errno == EPIPE)) {
                ++m_resetAtClose;
            }
            finish(c);
            return;
        }
        ++m_cutOff;
        fail(c, error == SSL_ERROR_ZERO_RETURN ? std::string("closed by the server")
                                               : "read: " + sslErrorText());
        return;
    }
}

void LoadGenerator::beginClose(Connection &c)
{
    c.state = State::Closing;
    finishShutdown(c);
}

void LoadGenerator::finishShutdown(Connection &c)
{
    ERR_clear_error();
    const int rc = SSL_shutdown(c.ssl);
    if (rc < 0) {
        const int error = SSL_get_error(c.ssl, rc);
        if (error == SSL_ERROR_WANT_WRITE) {
            watch(c, EPOLLOUT);
            return;
        }
        if (error == SSL_ERROR_WANT_READ) {
            watch(c, EPOLLIN);
            return;
        }
    }
    // close_notify is out (or the connection is already gone): half-close and wait for the
    // server to close, which it does once it has stored what we sent.
    ::shutdown(c.fd, SHUT_WR);
    c.state = State::Draining;
    watch(c, EPOLLIN);
    readIncoming(c);
}

void LoadGenerator::fail(Connection &c, const std::string &why)
{
    if (c.state == State::Connecting || c.state == State::Handshaking) {
        --m_inProgress;
    }
    if (m_errorsShown < 5) {
        std::fprintf(stderr, "bench_ingest_load: sensor %zu: %s\n", index(c), why.c_str());
        ++m_errorsShown;
    }
    ++m_failed;
    release(c);
    c.state = State::Failed;
    ++m_finished;
}

void LoadGenerator::finish(Connection &c)
{
    release(c);
    c.state = State::Done;
    ++m_finished;
}

void LoadGenerator::release(Connection &c)
{
    if (c.ssl) {
        SSL_free(c.ssl);
        c.ssl = nullptr;
    }
    if (c.fd >= 0) {
        ::close(c.fd); // also removes it from the epoll set
        c.fd = -1;
    }
    c.events = 0;
}

void LoadGenerator::onStdin()
{
    std::array<char, 256> buffer{};
    const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (got <= 0 || std::memchr(buffer.data(), '\n', static_cast<std::size_t>(got))) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, STDIN_FILENO, nullptr);
        closeAll();
    }
}

void LoadGenerator::stopSending()
{
    // Each sensor finishes the packet it is in, so the server gets no truncated packet.
    m_stopping = true;
    m_stopAt = Clock::now();
    for (Connection &c : m_connections) {
        if (c.state != State::Sending) {
            continue;
        }
        c.stopAt = (c.bytesSent + m_packetSize - 1) / m_packetSize * m_packetSize;
        if (c.retryLength > 0) {
            // An interrupted SSL_write must complete with its original length.
            c.stopAt = std::max<std::uint64_t>(c.stopAt, (c.bytesSent + c.retryLength + m_packetSize - 1) /
                                                             m_packetSize * m_packetSize);
        }
        if (c.bytesSent == c.stopAt) {
            beginClose(c);
        } else {
            watch(c, EPOLLIN | EPOLLOUT);
        }
    }
}

void LoadGenerator::closeAll()
{
    if (m_closing) {
        return;
    }
    m_closing = true;
    m_stopping = true;
    m_closeStarted = Clock::now();
    for (Connection &c : m_connections) {
        if (c.state == State::Idle) {
            beginClose(c);
        } else if (c.state == State::Waiting) {
            c.state = State::Done;
            ++m_finished;
        }
    }
}

void LoadGenerator::checkProgress()
{
    const auto now = Clock::now();
    const int total = m_options.sensors;
    if (!m_ready && m_readySensors + m_failed >= total) {
        m_ready = true;
        m_readyAt = now;
        m_cpuAtReady = cpuSeconds();
        std::printf("ready mode=%s sensors=%d connected=%d failed=%d connect_seconds=%.3f\n",
                    m_options.mode == Mode::Stream ? "stream"
                    : m_options.mode == Mode::Idle ? "idle"
                                                   : "connect-storm",
                    total, m_handshaken, m_failed, secondsBetween(m_begin, now));
        std::fflush(stdout);
        if (m_options.mode == Mode::Stream) {
            for (Connection &c : m_connections) {
                if (c.state == State::Sending) {
                    pump(c);
                }
            }
        } else if (m_options.mode == Mode::ConnectStorm) {
            closeAll();
        }
    }
    if (m_ready && !m_stopping && m_options.mode == Mode::Stream && m_options.rate > 0) {
        resumePaced();
    }
    if (m_ready && !m_stopping && m_options.mode == Mode::Stream &&
        secondsBetween(m_readyAt, now) >= m_options.seconds) {
        stopSending();
        m_closing = true;
        m_closeStarted = now;
    }
    if (m_ready && !m_closing && m_options.mode == Mode::Idle && m_options.seconds > 0 &&
        secondsBetween(m_readyAt, now) >= m_options.seconds) {
        closeAll();
    }
    if (m_closing && secondsBetween(m_closeStarted, now) > m_options.closeTimeout) {
        for (Connection &c : m_connections) {
            if (c.state != State::Done && c.state != State::Failed && c.state != State::Waiting) {
                fail(c, "the server did not close the connection within --close-timeout");
            }
        }
    }
}

int LoadGenerator::run()
{
    setUp();
    buildRings();
    m_begin = Clock::now();
    startConnections();
    std::vector<epoll_event> events(512);
    const int total = m_options.sensors;
    while (m_finished < total) {
        const int n = epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), 20);
        if (n < 0 && errno != EINTR) {
            die(std::string("epoll_wait: ") + std::strerror(errno));
        }
        for (int i = 0; i < n; ++i) {
            if (events[static_cast<std::size_t>(i)].data.u64 == kStdinTag) {
                onStdin();
                continue;
            }
            Connection &c = m_connections[events[static_cast<std::size_t>(i)].data.u64];
            if (c.fd >= 0) {
                handle(c, events[static_cast<std::size_t>(i)].events);
            }
        }
        startConnections();
        checkProgress();
    }
    return report();
}

int LoadGenerator::report()
{
    const auto end = Clock::now();
    const double cpu = cpuSeconds();
    std::uint64_t bytes = 0;
    std::vector<std::uint64_t> perConnection;
    std::vector<double> latencies;
    for (const Connection &c : m_connections) {
        bytes += c.bytesSent;
        perConnection.push_back(c.bytesSent / m_packetSize);
        if (m_options.perConnection) {
            std::printf("connection %zu packets=%llu\n", index(c),
                        static_cast<unsigned long long>(perConnection.back()));
        }
        if (c.handshaken != Clock::time_point{}) {
            latencies.push_back(secondsBetween(c.started, c.handshaken) * 1000);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    std::sort(perConnection.begin(), perConnection.end());
    auto percentile = [&](double p) {
        if (latencies.empty()) {
            return 0.0;
        }
        const auto at = static_cast<std::size_t>(p / 100 * static_cast<double>(latencies.size() - 1) + 0.5);
        return latencies[at];
    };
    const std::uint64_t packets = bytes / m_packetSize;
    if (m_options.mode == Mode::ConnectStorm) {
        const double span = m_handshaken > 0 ? secondsBetween(m_begin, m_lastHandshake) : 0;
        std::printf("result mode=connect-storm sensors=%d handshakes=%d failed=%d seconds=%.4f "
                    "handshakes_per_second=%.0f latency_ms_p50=%.1f latency_ms_p90=%.1f latency_ms_p99=%.1f "
                    "latency_ms_max=%.1f cpu_seconds=%.3f\n",
                    m_options.sensors, m_handshaken, m_failed, span, span > 0 ? m_handshaken / span : 0.0,
                    percentile(50), percentile(90), percentile(99), percentile(100), cpu);
    } else {
        const double sending =
            m_stopping && m_options.mode == Mode::Stream ? secondsBetween(m_readyAt, m_stopAt) : 0;
        std::printf(
            "result mode=%s sensors=%d connected=%d failed=%d cut_off=%d reset_at_close=%d packets=%llu "
            "payload_bytes=%llu "
            "wire_bytes=%llu send_seconds=%.3f sender_mb_per_s=%.1f conn_packets_min=%llu "
            "conn_packets_median=%llu conn_packets_max=%llu close_seconds=%.3f cpu_seconds=%.3f "
            "cpu_seconds_sending=%.3f lines=%llu\n",
            m_options.mode == Mode::Stream ? "stream" : "idle", m_options.sensors, m_handshaken, m_failed,
            m_cutOff, m_resetAtClose, static_cast<unsigned long long>(packets),
            static_cast<unsigned long long>(packets * m_options.payload),
            static_cast<unsigned long long>(bytes), sending,
            sending > 0 ? static_cast<double>(packets * m_options.payload) / sending / 1e6 : 0.0,
            static_cast<unsigned long long>(perConnection.front()),
            static_cast<unsigned long long>(perConnection[perConnection.size() / 2]),
            static_cast<unsigned long long>(perConnection.back()),
            m_closing ? secondsBetween(m_closeStarted, end) : 0.0, cpu, cpu - m_cpuAtReady,
            static_cast<unsigned long long>(
                m_options.content == Content::Lines ? packets * linesPerPayload(m_options.payload) : 0));
    }
    std::fflush(stdout);
    return m_failed == 0 ? 0 : 1;
}

int runLoadGenerator(const Options &options)
{
    LoadGenerator generator(options);
    return generator.run();
}

} // namespace d4::bench