// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Protocol micro-benchmark: D4 encode+HMAC and decode+verify against raw OpenSSL HMAC-SHA256,
// all measured in the same run on the same payload sizes, so the ratio says how much the
// framing costs on top of the unavoidable hash. See docs/benchmarks.md.
//
// Also usable as a checker: `--verify-stream KEY` decodes D4 packets from stdin, verifies every
// HMAC and prints the payload byte count and SHA-256 of the concatenated payloads.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "protocol/d4types.h"
#include "protocol/framedecoder.h"
#include "protocol/hmacsha256.h"
#include "protocol/packetencoder.h"
#include "protocol/uuid.h"

#include <unistd.h>

using namespace d4::protocol;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kKey = "private key to change";
constexpr std::uint64_t kTimestamp = 1700000000;
constexpr std::size_t kReadChunk = 16 * 1024;         ///< bytes per simulated socket read
constexpr std::size_t kStreamBytes = 8 * 1024 * 1024; ///< decode input, larger than L2
constexpr std::size_t kHotStreamBytes = 256 * 1024;   ///< decode input that stays in L2
constexpr std::array<std::size_t, 3> kPayloadSizes{512, 4096, 65536};
constexpr std::size_t kTargetSize = 4096;
constexpr double kTargetRatio = 0.90;
constexpr int kRounds = 5; ///< slices per figure, interleaved across the cases
constexpr const char *kSealName = "encode+HMAC sealHeader (in place)";
constexpr const char *kDecodeName = "decode+verify FrameDecoder (16 KiB reads)";
constexpr const char *kHotDecodeName = "  same, source buffer in L2 (256 KiB)";
constexpr const char *kRawName = "raw HMAC HmacSha256::digest";

/** What one timed loop processed. */
struct Measurement
{
    std::uint64_t payloadBytes = 0;
    std::uint64_t packets = 0;
    double seconds = 0;

    double mbPerSecond() const { return seconds > 0 ? static_cast<double>(payloadBytes) / seconds / 1e6 : 0; }
};

/** Work done by one call of a benchmark body: payload bytes and packets. */
struct Batch
{
    std::uint64_t payloadBytes;
    std::uint64_t packets;
};

// Keeps the optimiser from discarding digests nobody reads.
volatile std::uint8_t g_sink = 0;

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "bench_protocol: %s\n", what);
    std::exit(1);
}

void consume(const HmacDigest &digest)
{
    g_sink = static_cast<std::uint8_t>(g_sink ^ digest[0]);
}

/** Runs @p body repeatedly for at least @p seconds. */
Measurement runFor(double seconds, const std::function<Batch()> &body)
{
    Measurement m;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    auto now = start;
    do {
        const Batch batch = body();
        m.payloadBytes += batch.payloadBytes;
        m.packets += batch.packets;
        now = Clock::now();
    } while (now < end);
    m.seconds = std::chrono::duration<double>(now - start).count();
    return m;
}

std::vector<std::uint8_t> randomBytes(std::size_t size, std::uint64_t seed)
{
    std::vector<std::uint8_t> out(size);
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (auto &byte : out) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        byte = static_cast<std::uint8_t>(state >> 32);
    }
    return out;
}

/** Packets per timed batch: about 1 MiB of payload, at least one packet. */
std::size_t packetsPerBatch(std::size_t payloadSize)
{
    return std::max<std::size_t>(1, (1024 * 1024) / payloadSize);
}

struct Row
{
    std::string name;
    Measurement m;
};

/** All measurements for one payload size. */
class ProtocolBench
{
public:
    ProtocolBench(std::size_t payloadSize, double seconds)
        : m_size(payloadSize)
        , m_count(packetsPerBatch(payloadSize))
        , m_seconds(seconds)
        , m_payload(randomBytes(payloadSize, payloadSize))
        , m_encoder(*parseUuid("1d940331-9fc9-4381-8fc9-3b624db66025"), kTypePcap, kKey)
        , m_verifier(kKey)
        , m_hmac(kKey)
    {
        // Payloads already sit behind their header slots, as when a sensor reads its input
        // straight into the output buffer.
        const std::size_t stride = kHeaderSize + m_size;
        m_sealBuffer.resize(m_count * stride);
        for (std::size_t i = 0; i < m_count; ++i) {
            std::copy(m_payload.begin(), m_payload.end(),
                      m_sealBuffer.begin() + static_cast<std::ptrdiff_t>(i * stride + kHeaderSize));
        }
        m_appendOut.reserve(m_count * stride);
        m_stream = makeStream(kStreamBytes);
        m_hotStream = makeStream(kHotStreamBytes);
    }

    /**
     * Warms every case up, then runs them round-robin in kRounds slices each, so a burst of
     * load from elsewhere on the machine is spread over all figures instead of skewing one.
     */
    std::vector<Row> run(bool &ok)
    {
        struct Case
        {
            const char *name;
            std::function<Batch()> body;
            Measurement m;
        };
        std::vector<Case> cases{
            {kSealName, [this] { return encodeSeal(); }, {}},
            {"encode+HMAC appendPacket (copy)", [this] { return encodeAppend(); }, {}},
            {kDecodeName, [this] { return decodeVerify(m_stream); }, {}},
            {kHotDecodeName, [this] { return decodeVerify(m_hotStream); }, {}},
            {kRawName, [this] { return rawDigest(); }, {}},
            {"raw HMAC one-shot HMAC()", [this] { return rawOneShot(); }, {}},
            {"raw HMAC one-shot EVP_Q_mac()", [this] { return rawQuickMac(); }, {}},
        };
        const double warmup = std::min(0.25, m_seconds / 4);
        for (Case &c : cases) {
            runFor(warmup / static_cast<double>(cases.size()), c.body);
        }
        for (int round = 0; round < kRounds; ++round) {
            for (Case &c : cases) {
                const Measurement slice = runFor(m_seconds / kRounds, c.body);
                c.m.payloadBytes += slice.payloadBytes;
                c.m.packets += slice.packets;
                c.m.seconds += slice.seconds;
            }
        }
        if (m_failures != 0) {
            std::fprintf(stderr, "decode+verify at %zu B: %llu HMAC or framing failures\n", m_size,
                         static_cast<unsigned long long>(m_failures));
            ok = false;
        }
        std::vector<Row> rows;
        for (const Case &c : cases) {
            rows.push_back({c.name, c.m});
        }
        return rows;
    }

private:
    /** Encoded packets of the benchmark payload, about @p bytes in total. */
    std::vector<std::uint8_t> makeStream(std::size_t bytes)
    {
        const std::size_t count = std::max<std::size_t>(4, bytes / (kHeaderSize + m_size));
        std::vector<std::uint8_t> stream;
        stream.reserve(count * (kHeaderSize + m_size));
        for (std::size_t i = 0; i < count; ++i) {
            m_encoder.appendPacket(stream, m_payload, kTimestamp + i);
        }
        return stream;
    }

    Batch encodeSeal()
    {
        const std::size_t stride = kHeaderSize + m_size;
        for (std::size_t i = 0; i < m_count; ++i) {
            std::uint8_t *packet = m_sealBuffer.data() + i * stride;
            m_encoder.sealHeader(std::span<std::uint8_t, kHeaderSize>(packet, kHeaderSize),
                                 std::span<const std::uint8_t>(packet + kHeaderSize, m_size), kTimestamp);
        }
        g_sink = static_cast<std::uint8_t>(g_sink ^ m_sealBuffer[kHmacOffset]);
        return Batch{m_count * m_size, m_count};
    }

    Batch encodeAppend()
    {
        m_appendOut.clear();
        for (std::size_t i = 0; i < m_count; ++i) {
            m_encoder.appendPacket(m_appendOut, m_payload, kTimestamp);
        }
        g_sink = static_cast<std::uint8_t>(g_sink ^ m_appendOut[kHmacOffset]);
        return Batch{m_count * m_size, m_count};
    }

    /** One pass over @p stream, in kReadChunk pieces. */
    Batch decodeVerify(const std::vector<std::uint8_t> &stream)
    {
        std::uint64_t frames = 0;
        std::uint64_t bytes = 0;
        for (std::size_t offset = 0; offset < stream.size(); offset += kReadChunk) {
            // The memcpy stands in for the kernel copying a socket read into our buffer.
            const std::size_t n = std::min(kReadChunk, stream.size() - offset);
            const std::span<std::uint8_t> space = m_decoder.prepareWrite(n);
            std::memcpy(space.data(), stream.data() + offset, n);
            m_decoder.commitWrite(n);
            while (const std::optional<Frame> frame = m_decoder.next()) {
                if (!m_verifier.verifyPacket(frame->rawHeader, frame->payload)) {
                    ++m_failures;
                }
                ++frames;
                bytes += frame->payload.size();
            }
        }
        if (m_decoder.error() != FrameError::None || m_decoder.bufferedBytes() != 0 ||
            bytes * (kHeaderSize + m_size) != stream.size() * m_size) {
            ++m_failures;
        }
        return Batch{bytes, frames};
    }

    Batch rawDigest()
    {
        for (std::size_t i = 0; i < m_count; ++i) {
            consume(m_hmac.digest(m_payload));
        }
        return Batch{m_count * m_size, m_count};
    }

    Batch rawOneShot()
    {
        HmacDigest out{};
        for (std::size_t i = 0; i < m_count; ++i) {
            unsigned int length = 0;
            if (!HMAC(EVP_sha256(), kKey.data(), static_cast<int>(kKey.size()), m_payload.data(),
                      m_payload.size(), out.data(), &length)) {
                die("HMAC() failed");
            }
            consume(out);
        }
        return Batch{m_count * m_size, m_count};
    }

    Batch rawQuickMac()
    {
        HmacDigest out{};
        for (std::size_t i = 0; i < m_count; ++i) {
            std::size_t length = 0;
            if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, kKey.data(), kKey.size(),
                           m_payload.data(), m_payload.size(), out.data(), out.size(), &length)) {
                die("EVP_Q_mac failed");
            }
            consume(out);
        }
        return Batch{m_count * m_size, m_count};
    }

    std::size_t m_size;
    std::size_t m_count; ///< packets per batch of the encode and raw HMAC cases
    double m_seconds;
    std::vector<std::uint8_t> m_payload;
    PacketEncoder m_encoder;
    std::vector<std::uint8_t> m_sealBuffer;
    std::vector<std::uint8_t> m_appendOut;
    std::vector<std::uint8_t> m_stream;
    std::vector<std::uint8_t> m_hotStream;
    FrameDecoder m_decoder;
    HmacSha256 m_verifier;
    HmacSha256 m_hmac;
    std::uint64_t m_failures = 0;
};

std::string sizeLabel(std::size_t size)
{
    return size >= 1024 ? std::to_string(size / 1024) + " KiB" : std::to_string(size) + " B";
}

void printRow(std::size_t size, const Row &row, double rawMbs)
{
    const double ratio = rawMbs > 0 ? row.m.mbPerSecond() / rawMbs * 100 : 0;
    std::printf("%-8s %-42s %10.1f %7.1f%% %15llu %10llu %8.3f\n", sizeLabel(size).c_str(), row.name.c_str(),
                row.m.mbPerSecond(), ratio, static_cast<unsigned long long>(row.m.payloadBytes),
                static_cast<unsigned long long>(row.m.packets), row.m.seconds);
}

int runBenchmarks(double seconds)
{
    std::printf("bench_protocol: D4 encode/decode vs raw HMAC-SHA256 (%s)\n",
                OpenSSL_version(OPENSSL_VERSION));
    std::printf("each figure: %.2f s timed in %d slices interleaved with the other figures of its size,\n"
                "after a %.2f s warm-up; MB = 10^6 bytes of payload;\n",
                seconds, kRounds, std::min(0.25, seconds / 4));
    std::printf("%%raw = figure / raw HmacSha256::digest on the same payload size (decode+verify also\n"
                "hashes the 62-byte header and copies every byte once from an 8 MiB buffer, as a socket\n"
                "read would; raw HMAC hashes the payload only)\n\n");
    std::printf("%-8s %-42s %10s %8s %15s %10s %8s\n", "payload", "measurement", "MB/s", "%raw",
                "payload bytes", "packets", "seconds");
    std::printf("%s\n", std::string(107, '-').c_str());

    bool ok = true;
    double targetRatio = 0;
    double targetHotRatio = 0;
    for (const std::size_t size : kPayloadSizes) {
        ProtocolBench bench(size, seconds);
        const std::vector<Row> rows = bench.run(ok);
        const auto figure = [&rows](const char *name) {
            return std::find_if(rows.begin(), rows.end(), [name](const Row &r) { return r.name == name; })
                ->m.mbPerSecond();
        };
        const double rawMbs = figure(kRawName);
        for (const Row &row : rows) {
            printRow(size, row, rawMbs);
        }
        const double ratio = rawMbs > 0 ? figure(kDecodeName) / rawMbs : 0;
        const double hotRatio = rawMbs > 0 ? figure(kHotDecodeName) / rawMbs : 0;
        std::printf("%-8s ratio decode+verify / raw HMAC = %.1f%% (source in L2: %.1f%%)\n\n",
                    sizeLabel(size).c_str(), ratio * 100, hotRatio * 100);
        if (size == kTargetSize) {
            targetRatio = ratio;
            targetHotRatio = hotRatio;
        }
    }
    std::printf("decode+verify at 4 KiB = %.1f%% of raw HMAC (target >= %.0f%%): %s\n", targetRatio * 100,
                kTargetRatio * 100, targetRatio >= kTargetRatio ? "MET" : "NOT MET");
    std::printf("  (with the source buffer in L2 instead of DRAM: %.1f%%)\n", targetHotRatio * 100);
    if (!ok) {
        std::fprintf(stderr, "bench_protocol: verification failures, figures are not valid\n");
        return 1;
    }
    return 0;
}

/** Decodes D4 packets from stdin and checks them; the figures in run-protocol-bench.sh rely on it. */
int verifyStream(std::string_view key)
{
    FrameLimits limits;
    limits.maxPayload = 0xFFFFFFFFu;
    FrameDecoder decoder(limits);
    HmacSha256 verifier(key);
    EVP_MD_CTX *sha = EVP_MD_CTX_new();
    if (!sha || EVP_DigestInit_ex(sha, EVP_sha256(), nullptr) != 1) {
        std::fprintf(stderr, "verify: SHA-256 init failed\n");
        return 1;
    }
    std::uint64_t packets = 0;
    std::uint64_t payloadBytes = 0;
    std::uint64_t badHmac = 0;
    std::uint64_t maxPayload = 0;
    for (;;) {
        const std::span<std::uint8_t> space = decoder.prepareWrite(256 * 1024);
        const ssize_t n = ::read(STDIN_FILENO, space.data(), space.size());
        if (n < 0) {
            std::perror("verify: read");
            return 1;
        }
        if (n == 0) {
            break;
        }
        decoder.commitWrite(static_cast<std::size_t>(n));
        while (const std::optional<Frame> frame = decoder.next()) {
            if (!verifier.verifyPacket(frame->rawHeader, frame->payload)) {
                ++badHmac;
            }
            EVP_DigestUpdate(sha, frame->payload.data(), frame->payload.size());
            ++packets;
            payloadBytes += frame->payload.size();
            maxPayload = std::max<std::uint64_t>(maxPayload, frame->payload.size());
        }
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digestLength = 0;
    EVP_DigestFinal_ex(sha, digest.data(), &digestLength);
    EVP_MD_CTX_free(sha);
    std::string hex;
    for (unsigned int i = 0; i < digestLength; ++i) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    std::printf(
        "packets=%llu payload_bytes=%llu max_payload=%llu bad_hmac=%llu trailing_bytes=%zu error=\"%s\" "
        "payload_sha256=%s\n",
        static_cast<unsigned long long>(packets), static_cast<unsigned long long>(payloadBytes),
        static_cast<unsigned long long>(maxPayload), static_cast<unsigned long long>(badHmac),
        decoder.bufferedBytes(), frameErrorText(decoder.error()), hex.c_str());
    const bool clean = badHmac == 0 && decoder.bufferedBytes() == 0 && decoder.error() == FrameError::None;
    return clean ? 0 : 1;
}

void usage()
{
    std::fprintf(stderr, "usage: bench_protocol [--seconds S]\n"
                         "       bench_protocol --verify-stream KEY < d4-packets\n");
}

} // namespace

int main(int argc, char *argv[])
{
    double seconds = 1.0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--seconds" && i + 1 < argc) {
            char *end = nullptr;
            seconds = std::strtod(argv[++i], &end);
            if (*end != '\0' || !(seconds > 0) || seconds > 3600) {
                std::fprintf(stderr, "bench_protocol: --seconds wants a number in (0, 3600]\n");
                return 2;
            }
        } else if (arg == "--verify-stream" && i + 1 < argc) {
            return verifyStream(argv[++i]);
        } else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    return runBenchmarks(seconds);
}
