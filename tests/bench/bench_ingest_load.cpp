// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Ingest load generator for tests/bench/run-ingest-bench.sh (docs/benchmarks.md): K TLS sensors
// against a running d4-server. It is one thread with epoll and plain OpenSSL, because it shares
// the machine's cores with the server and Redis and must take as little of them as it can.
//
//   stream         K sensors send signed packets as fast as TCP allows for N seconds, then close
//   idle           K sensors connect, send one packet each and stay connected until told
//   connect-storm  K sensors start a full TLS handshake at once; reports handshakes per second
//   tls-floor      no network: the same handshake with raw OpenSSL in memory, the floor for the above
//
// Every sensor has its own v4 UUID and signs a ring of distinct packets once, before connecting,
// then resends that ring. The server verifies each packet on its own (the HMAC covers the
// timestamp, which nothing checks for freshness or repeats), so the generator spends its CPU on
// TLS and not on HMAC. Lines on stdout are `key=value` records for the script.
//
// The generator itself is in ingestloadgenerator.cpp, the tls-floor mode in tlsfloor.cpp.

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <openssl/err.h>

#include "ingestload.h"

namespace d4::bench {

void die(const std::string &what)
{
    std::fprintf(stderr, "bench_ingest_load: %s\n", what.c_str());
    std::exit(2);
}

std::string sslErrorText()
{
    const unsigned long code = ERR_get_error();
    if (code == 0) {
        return errno != 0 ? std::string(std::strerror(errno)) : std::string("connection closed");
    }
    std::array<char, 256> text{};
    ERR_error_string_n(code, text.data(), text.size());
    ERR_clear_error();
    return text.data();
}

double secondsBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

} // namespace d4::bench

namespace {

using d4::bench::die;
using d4::bench::Mode;
using d4::bench::Options;

void usage(std::FILE *out)
{
    std::fputs(
        "usage: bench_ingest_load --port P [--host H] [--mode stream|idle|connect-storm] [--sensors K]\n"
        "                         [--seconds N] [--payload BYTES] [--ring N] [--type T] [--key KEY] "
        "[--content C]\n"
        "                         [--concurrency C] [--close-timeout S] [--rate R] [--per-connection]\n"
        "       bench_ingest_load --mode tls-floor --cert PEM [--private-key PEM] [--sensors N]\n"
        "  --mode stream         K TLS sensors send signed packets as fast as TCP allows for --seconds\n"
        "                        after the last one connected, stop at a packet boundary, then close\n"
        "  --mode idle           K sensors connect and send one packet each, print `ready ...`, then\n"
        "                        stay connected until a line or EOF on stdin (or --seconds if > 0)\n"
        "  --mode connect-storm  K sensors start a full TLS handshake at once; prints handshakes/s\n"
        "  --mode tls-floor      no network: N in-memory TLS handshakes with raw OpenSSL and this\n"
        "                        certificate, timing client and server CPU apart, once with one shared\n"
        "                        server SSL_CTX and once with a new SSL_CTX per connection\n"
        "  --host H              server address (default 127.0.0.1)\n"
        "  --sensors K           connections, each with its own random v4 UUID (default 1)\n"
        "  --seconds N           streaming time, or idle time (0 = until stdin) (default 10)\n"
        "  --payload BYTES       payload per packet (default 4096)\n"
        "  --ring N              distinct pre-signed packets per sensor, resent in turn (default 16)\n"
        "  --type T              D4 type (default 1); --key KEY: HMAC key (default \"private key to "
        "change\")\n"
        "  --content C           payloads: random (default), lines (~120-byte passivedns lines)\n"
        "                        or pcap (a libpcap stream of ~1 KiB Ethernet frames)\n"
        "  --concurrency C       at most C connections connecting/handshaking at once (default: all)\n"
        "  --close-timeout S     how long to wait for the server to close after our close (default 60)\n"
        "  --rate R              stream: R packets per second over all sensors, each sensor paced at\n"
        "                        R/K from the start of sending (0 = as fast as TCP allows, the default)\n"
        "  --per-connection      also print `connection I packets=N` for every sensor\n"
        "The server certificate is not verified. Output: `ready ...` once every sensor is up, then one\n"
        "`result ...` line; exit status 1 if a sensor failed to connect or was cut off.\n",
        out);
}

double toDouble(const char *option, const char *text)
{
    char *end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || value < 0) {
        die(std::string(option) + ": '" + text + "' is not a non-negative number");
    }
    return value;
}

long toLong(const char *option, const char *text, long low, long high)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < low || value > high) {
        die(std::string(option) + ": '" + text + "' is not an integer between " + std::to_string(low) +
            " and " + std::to_string(high));
    }
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            usage(stdout);
            std::exit(0);
        }
        if (arg == "--per-connection") {
            o.perConnection = true;
            continue;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            die("missing value or unknown option: " + std::string(arg));
        }
        const char *value = argv[++i];
        if (arg == "--port") {
            o.port = std::to_string(toLong("--port", value, 1, 65535));
        } else if (arg == "--host") {
            o.host = value;
        } else if (arg == "--mode") {
            const std::string_view mode = value;
            if (mode == "stream") {
                o.mode = Mode::Stream;
            } else if (mode == "idle") {
                o.mode = Mode::Idle;
            } else if (mode == "connect-storm") {
                o.mode = Mode::ConnectStorm;
            } else if (mode == "tls-floor") {
                o.mode = Mode::TlsFloor;
            } else {
                die("--mode: '" + std::string(mode) + "' is not stream, idle or connect-storm");
            }
        } else if (arg == "--sensors") {
            o.sensors = static_cast<int>(toLong("--sensors", value, 1, 100000));
        } else if (arg == "--seconds") {
            o.seconds = toDouble("--seconds", value);
        } else if (arg == "--payload") {
            o.payload = static_cast<std::size_t>(toLong("--payload", value, 1, 1000000));
        } else if (arg == "--ring") {
            o.ring = static_cast<int>(toLong("--ring", value, 1, 4096));
        } else if (arg == "--type") {
            o.type = static_cast<int>(toLong("--type", value, 0, 255));
        } else if (arg == "--content") {
            const std::string_view content = value;
            if (content == "random") {
                o.content = d4::bench::Content::Random;
            } else if (content == "lines") {
                o.content = d4::bench::Content::Lines;
            } else if (content == "pcap") {
                o.content = d4::bench::Content::Pcap;
            } else {
                die("--content: '" + std::string(content) + "' is not random, lines or pcap");
            }
        } else if (arg == "--key") {
            o.key = value;
        } else if (arg == "--concurrency") {
            o.concurrency = static_cast<int>(toLong("--concurrency", value, 0, 100000));
        } else if (arg == "--cert") {
            o.certificate = value;
        } else if (arg == "--private-key") {
            o.privateKey = value;
        } else if (arg == "--rate") {
            o.rate = toDouble("--rate", value);
        } else if (arg == "--close-timeout") {
            o.closeTimeout = toDouble("--close-timeout", value);
        } else {
            usage(stderr);
            die("unknown option: " + std::string(arg));
        }
    }
    if (o.mode == Mode::TlsFloor) {
        if (o.certificate.empty()) {
            die("--mode tls-floor needs --cert");
        }
        if (o.privateKey.empty()) {
            o.privateKey = o.certificate;
        }
        return o;
    }
    if (o.content != d4::bench::Content::Random && o.payload < 160) {
        die("--content lines and pcap need --payload 160 or more");
    }
    if (o.port.empty()) {
        usage(stderr);
        die("--port is required");
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    return options.mode == Mode::TlsFloor ? d4::bench::runTlsFloor(options)
                                          : d4::bench::runLoadGenerator(options);
}
