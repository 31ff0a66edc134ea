// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

// Shared pieces of bench_ingest_load (the ingest benchmark's load generator, see
// bench_ingest_load.cpp and docs/benchmarks.md).

#include <chrono>
#include <cstddef>
#include <string>

#include "payloadcontent.h"

namespace d4::bench {

enum class Mode
{
    Stream,
    Idle,
    ConnectStorm,
    TlsFloor
};

struct Options
{
    std::string host = "127.0.0.1";
    std::string port;
    Mode mode = Mode::Stream;
    int sensors = 1;
    double seconds = 10;
    std::size_t payload = 4096;
    int ring = 16;
    int type = 1;
    Content content = Content::Random; ///< what the payloads hold
    int concurrency = 0;               ///< connections in connect/handshake at once; 0 = all
    double closeTimeout = 60;
    double rate = 0;            ///< stream: packets per second over all sensors; 0 = unlimited
    bool perConnection = false; ///< print one line per connection at the end
    std::string key = "private key to change";
    std::string certificate; ///< tls-floor: the server's PEM certificate
    std::string privateKey;  ///< tls-floor: its PEM key (default: the certificate file)
};

using Clock = std::chrono::steady_clock;

/** Prints "bench_ingest_load: <what>" and exits with status 2. */
[[noreturn]] void die(const std::string &what);
/** The first queued OpenSSL error (cleared), else errno's text. */
std::string sslErrorText();
double secondsBetween(Clock::time_point a, Clock::time_point b);

/** Modes stream, idle and connect-storm against a server; returns the exit status. */
int runLoadGenerator(const Options &options);
/** Mode tls-floor: in-memory handshakes with raw OpenSSL; returns the exit status. */
int runTlsFloor(const Options &options);

} // namespace d4::bench
