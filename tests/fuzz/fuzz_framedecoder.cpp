// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target for FrameDecoder. Input layout:
//   byte 0  mode: bits 0-1 maxPayload (default / 0 / 64 / 16 * byte 1), bit 2 accept any version,
//           bit 3 accept non-v4 UUIDs, bits 4-6 split pattern, bit 7 feed through prepareWrite/commitWrite
//   byte 1  seed for the split pattern's generator (and the maxPayload of variant 3)
//   rest    the byte stream fed to the decoder
// The stream is decoded twice, once split and once in one piece, and both runs are checked against
// a plain non-incremental reading of the same bytes. Any violated invariant calls abort().

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "protocol/d4header.h"
#include "protocol/framedecoder.h"
#include "protocol/hmacsha256.h"
#include "protocol/uuid.h"

using namespace d4::protocol;

namespace {

/** What decoding produced: where each frame started, whether its HMAC verified, the final error. */
struct Outcome
{
    std::vector<std::size_t> frameOffsets;
    std::vector<bool> hmacOk;
    FrameError error = FrameError::None;
    std::size_t consumed = 0;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_framedecoder: invariant violated: %s\n", what);
        std::abort();
    }
}

HmacSha256 &verifier()
{
    static HmacSha256 hmac("private key to change");
    return hmac;
}

class SplitPattern
{
public:
    SplitPattern(unsigned pattern, std::uint8_t seed)
        : m_pattern(pattern)
        , m_state(0x9E3779B9u ^ (seed * 0x01000193u))
    {
    }

    std::size_t nextChunk()
    {
        switch (m_pattern) {
        case 0:
            return SIZE_MAX; // everything at once, through the same code path
        case 1:
            return 1;
        case 2:
            return kHeaderSize - 1;
        case 3:
            return kHeaderSize;
        case 4:
            return kHeaderSize + 1;
        case 5:
            return 1 + random() % 256;
        case 6:
            return 1 + random() % 16384;
        default:
            return random() % 9; // tiny pieces, including empty ones
        }
    }

    std::uint32_t random()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

private:
    unsigned m_pattern;
    std::uint32_t m_state;
};

/** Checks one frame against the bytes it must have come from and against the limits. */
void checkFrame(const Frame &frame, std::span<const std::uint8_t> stream, std::size_t offset,
                const FrameLimits &limits)
{
    check(frame.payload.size() == frame.header.size, "payload size == header.size");
    check(offset + kHeaderSize + frame.payload.size() <= stream.size(), "frame lies inside the input");
    check(std::memcmp(frame.rawHeader.data(), stream.data() + offset, kHeaderSize) == 0,
          "raw header == input");
    check(frame.payload.empty() || std::memcmp(frame.payload.data(), stream.data() + offset + kHeaderSize,
                                               frame.payload.size()) == 0,
          "payload == input");
    check(decodeHeader(frame.rawHeader) == frame.header, "header == decodeHeader(rawHeader)");
    check(frame.header.size <= limits.maxPayload, "accepted size within maxPayload");
    check(limits.requiredVersion < 0 || frame.header.version == limits.requiredVersion, "accepted version");
    check(!limits.requireUuidV4 || isUuidV4(frame.header.uuid), "accepted UUID is v4");
}

/** Drains every available frame, checking each and the decoder's bookkeeping. */
void drain(FrameDecoder &decoder, std::span<const std::uint8_t> stream, std::size_t fed, Outcome &out)
{
    while (const std::optional<Frame> frame = decoder.next()) {
        check(decoder.error() == FrameError::None, "no frame after an error");
        checkFrame(*frame, stream, out.consumed, decoder.limits());
        out.frameOffsets.push_back(out.consumed);
        out.hmacOk.push_back(verifier().verifyPacket(frame->rawHeader, frame->payload));
        out.consumed += kHeaderSize + frame->payload.size();
    }
    check(out.consumed <= fed, "consumed <= fed");
    check(decoder.bufferedBytes() == fed - out.consumed, "bufferedBytes == fed - consumed");
    check(decoder.bufferedBytes() <= stream.size(), "bufferedBytes <= total input");
    if (decoder.bufferedBytes() >= kHeaderSize) {
        const std::optional<Header> pending = decoder.pendingHeader();
        check(pending.has_value(), "pendingHeader once 62 bytes are buffered");
        check(*pending == decodeHeader(stream.subspan(out.consumed).first<kHeaderSize>()),
              "pendingHeader == input");
        // With a whole header buffered and no error, the frame must be waiting for its payload.
        check(decoder.error() != FrameError::None || decoder.bufferedBytes() < kHeaderSize + pending->size,
              "a complete frame is never held back");
    } else {
        check(!decoder.pendingHeader().has_value(), "no pendingHeader before 62 bytes");
    }
    out.error = decoder.error();
}

Outcome decodeSplit(std::span<const std::uint8_t> stream, const FrameLimits &limits, unsigned pattern,
                    std::uint8_t seed, bool zeroCopy)
{
    FrameDecoder decoder(limits);
    SplitPattern split(pattern, seed);
    Outcome out;
    std::size_t fed = 0;
    while (fed < stream.size()) {
        const std::size_t n = std::min(split.nextChunk(), stream.size() - fed);
        const std::span<const std::uint8_t> piece = stream.subspan(fed, n);
        if (zeroCopy) {
            // Sometimes ask for more room than gets written, as a short socket read does.
            const std::size_t extra = split.random() % 3 == 0 ? split.random() % 100 : 0;
            const std::span<std::uint8_t> space = decoder.prepareWrite(n + extra);
            check(space.size() >= n + extra, "prepareWrite returns at least maxBytes");
            if (n > 0) {
                std::memcpy(space.data(), piece.data(), n);
            }
            decoder.commitWrite(n);
        } else {
            decoder.append(piece);
        }
        fed += n;
        drain(decoder, stream, fed, out);
        if (out.error != FrameError::None) {
            check(!decoder.next().has_value(), "errors are sticky");
            check(decoder.error() == out.error, "error does not change");
        }
    }
    drain(decoder, stream, fed, out);
    decoder.reset();
    check(decoder.bufferedBytes() == 0 && decoder.error() == FrameError::None, "reset clears");
    check(!decoder.next().has_value(), "nothing after reset");
    return out;
}

/** The obvious non-incremental reading, as the reference for both decoder runs. */
Outcome decodeReference(std::span<const std::uint8_t> stream, const FrameLimits &limits)
{
    Outcome out;
    while (stream.size() - out.consumed >= kHeaderSize) {
        const Header header = decodeHeader(stream.subspan(out.consumed).first<kHeaderSize>());
        if (header.size > limits.maxPayload) {
            out.error = FrameError::PayloadTooLarge;
        } else if (limits.requiredVersion >= 0 && header.version != limits.requiredVersion) {
            out.error = FrameError::BadVersion;
        } else if (limits.requireUuidV4 && !isUuidV4(header.uuid)) {
            out.error = FrameError::UuidNotV4;
        }
        if (out.error != FrameError::None || stream.size() - out.consumed - kHeaderSize < header.size) {
            break;
        }
        out.frameOffsets.push_back(out.consumed);
        out.consumed += kHeaderSize + header.size;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    const std::uint8_t mode = data[0];
    const std::uint8_t seed = data[1];
    const std::span<const std::uint8_t> stream(data + 2, size - 2);

    FrameLimits limits;
    switch (mode & 0x03) {
    case 1:
        limits.maxPayload = 0;
        break;
    case 2:
        limits.maxPayload = 64;
        break;
    case 3:
        limits.maxPayload = 16u * seed;
        break;
    default:
        break;
    }
    limits.requiredVersion = (mode & 0x04) ? -1 : kProtocolVersion;
    limits.requireUuidV4 = (mode & 0x08) == 0;
    const unsigned pattern = (mode >> 4) & 0x07;
    const bool zeroCopy = (mode & 0x80) != 0;

    const Outcome split = decodeSplit(stream, limits, pattern, seed, zeroCopy);
    const Outcome whole = decodeSplit(stream, limits, 0, 0, false);
    check(split == whole, "split and one-piece decoding agree");

    const Outcome reference = decodeReference(stream, limits);
    check(split.frameOffsets == reference.frameOffsets, "frames match the reference reading");
    check(split.error == reference.error, "error matches the reference reading");
    check(frameErrorText(split.error)[0] != '\0', "every error has a text");
    return 0;
}
