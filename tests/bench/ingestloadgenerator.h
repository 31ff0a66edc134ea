// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <openssl/ssl.h>

#include "ingestload.h"

#include <sys/socket.h>

namespace d4::bench {

inline constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

/** Where one sensor connection is in its life. */
enum class State
{
    Waiting,     ///< not started (concurrency limit)
    Connecting,  ///< TCP connect in progress
    Handshaking, ///< TLS handshake in progress
    Sending,     ///< writing packets
    Idle,        ///< connected, nothing to send
    Closing,     ///< close_notify being written
    Draining,    ///< our side is shut; waiting for the server to close
    Done,
    Failed,
};

/** One sensor: its socket, TLS object, pre-signed packets and progress. */
struct Connection
{
    int fd = -1;
    SSL *ssl = nullptr;
    State state = State::Waiting;
    std::vector<std::uint8_t> ring; ///< pre-signed packets, back to back
    std::size_t offset = 0;         ///< next ring byte to write
    std::size_t retryLength = 0;    ///< length of an SSL_write that must be retried as is
    std::uint64_t bytesSent = 0;
    std::uint64_t stopAt = kNoLimit; ///< stop writing at this byte count (a packet boundary)
    bool paced = false;              ///< --rate: waiting for its next packet's time, not for the socket
    std::uint32_t events = 0;
    Clock::time_point started;
    Clock::time_point handshaken;
};

/**
 * K sensor connections driven from one thread with epoll and non-blocking OpenSSL: connect,
 * handshake, send (stream, idle) and close, then one `result` line on stdout.
 */
class LoadGenerator
{
public:
    explicit LoadGenerator(Options options);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    int run();

private:
    void setUp();
    void buildRings();
    void startConnections();
    void start(Connection &c);
    void handle(Connection &c, std::uint32_t events);
    void handshake(Connection &c);
    void onHandshakeDone(Connection &c);
    void pump(Connection &c);
    std::uint64_t pacedLimit(Clock::time_point now) const;
    void resumePaced();
    void readIncoming(Connection &c);
    void beginClose(Connection &c);
    void finishShutdown(Connection &c);
    void fail(Connection &c, const std::string &why);
    void finish(Connection &c);
    void release(Connection &c);
    void watch(Connection &c, std::uint32_t events);
    void onStdin();
    void stopSending();
    void closeAll();
    void checkProgress();
    int report();

    std::size_t index(const Connection &c) const
    {
        return static_cast<std::size_t>(&c - m_connections.data());
    }

    Options m_options;
    std::size_t m_packetSize;
    std::vector<Connection> m_connections;
    SSL_CTX *m_ctx = nullptr;
    sockaddr_storage m_address{};
    socklen_t m_addressLength = 0;
    int m_epoll = -1;
    std::size_t m_nextToStart = 0;
    int m_inProgress = 0; ///< connecting or handshaking
    int m_handshaken = 0;
    int m_readySensors = 0; ///< handshaken and (stream/idle) first packet written
    int m_failed = 0;
    int m_cutOff = 0;       ///< closed by the server while we were still using it
    int m_resetAtClose = 0; ///< reset by the server after our close instead of closed cleanly
    int m_finished = 0;
    int m_errorsShown = 0;
    bool m_ready = false;
    bool m_stopping = false;
    bool m_closing = false;
    Clock::time_point m_begin;
    Clock::time_point m_readyAt;
    Clock::time_point m_lastHandshake;
    Clock::time_point m_stopAt;
    Clock::time_point m_closeStarted;
    double m_cpuAtReady = 0;
    std::array<char, 16 * 1024> m_scratch; ///< what the server sends us is read and dropped here
};

} // namespace d4::bench
