#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
"""Writes the seed corpus of fuzz_framedecoder (tests/fuzz/corpus/framedecoder/).

Packets are built here with the Python standard library, independently of core/protocol, and
the builder is checked against the spec test vectors (d4-server.md section 1.2) first.
Each seed is two control bytes (mode, seed; see fuzz_framedecoder.cpp) followed by the stream.
Run from anywhere; the output is committed, so only re-run after changing this script.
"""

import hashlib
import hmac
import pathlib
import struct

KEY = b"private key to change"
UUID_V4 = bytes.fromhex("1d9403319fc943818fc93b624db66025")
UUID_V1 = bytes.fromhex("1d9403319fc913818fc93b624db66025")  # version nibble 1
TS = 1700000000

SPEC_PACKET = bytes.fromhex(
    "01031d9403319fc943818fc93b624db6602500f153650000000009e214f284c82b3439f183a82d"
    "044d92f41d2250107a08524e041c7c2e54bdfc0900000068656c6c6f2064340a")
SPEC_EMPTY_HMAC = bytes.fromhex("ae2e0fdd0a1a05ca52fd7e55ab42303b5a833cd5975aa2231e4fc95c2f75a9ec")

# mode byte: bits 0-1 maxPayload (0 default, 1 zero, 2 64 B, 3 16*seed), bit 2 any version,
# bit 3 any UUID, bits 4-6 split pattern, bit 7 prepareWrite/commitWrite.
DEFAULT, MAX_ZERO, MAX_64, MAX_SEED = 0, 1, 2, 3
ANY_VERSION, ANY_UUID, ZERO_COPY = 0x04, 0x08, 0x80
WHOLE, BYTEWISE, HDR_MINUS_1, HDR, HDR_PLUS_1, RANDOM_256, RANDOM_16K, TINY = range(8)


def packet(payload, *, version=1, ptype=3, uuid=UUID_V4, ts=TS, size=None):
    size = len(payload) if size is None else size
    head = struct.pack("<BB16sQ", version, ptype, uuid, ts)
    tail = struct.pack("<I", size)
    mac = hmac.new(KEY, head + bytes(32) + tail + payload, hashlib.sha256).digest()
    return head + mac + tail + payload


def mode(pattern, flags=0, limit=DEFAULT):
    return limit | flags | (pattern << 4)


def seed(mode_byte, seed_byte, stream):
    return bytes([mode_byte, seed_byte]) + stream


def main():
    assert packet(b"hello d4\n") == SPEC_PACKET, "builder disagrees with spec vector 1"
    assert packet(b"", ptype=1)[26:58] == SPEC_EMPTY_HMAC, "builder disagrees with spec vector 2"

    three = SPEC_PACKET + packet(b"", ptype=1) + packet(bytes(range(256)) * 2, ptype=1)
    many = b"".join(packet(bytes([i]) * (i * 37 % 300), ptype=1, ts=TS + i) for i in range(20))
    bad_hmac = bytearray(SPEC_PACKET)
    bad_hmac[-1] ^= 0x01

    seeds = {
        "spec-vector": seed(mode(WHOLE), 0, SPEC_PACKET),
        "spec-vector-bytewise": seed(mode(BYTEWISE, ZERO_COPY), 0, SPEC_PACKET),
        "three-packets-random-splits": seed(mode(RANDOM_256, ZERO_COPY), 7, three),
        "twenty-packets-header-splits": seed(mode(HDR_MINUS_1), 0, many),
        "twenty-packets-tiny-splits": seed(mode(TINY, ZERO_COPY), 42, many),
        "empty-payload-maxpayload-zero": seed(mode(HDR, limit=MAX_ZERO), 0, packet(b"", ptype=1) * 3),
        "oversize-header": seed(mode(HDR_PLUS_1), 0, packet(b"", size=0xFFFFFFFF)[:62] + b"x" * 100),
        "over-small-limit": seed(mode(RANDOM_16K, limit=MAX_64), 3, SPEC_PACKET + packet(bytes(65))),
        "limit-from-seed": seed(mode(WHOLE, limit=MAX_SEED), 1, packet(bytes(16)) + packet(bytes(17))),
        "bad-version": seed(mode(WHOLE), 0, SPEC_PACKET + packet(b"v2", version=2)),
        "bad-version-accepted": seed(mode(BYTEWISE, ANY_VERSION), 0, packet(b"v2", version=2) + SPEC_PACKET),
        "uuid-not-v4": seed(mode(HDR), 0, packet(b"v1 uuid", uuid=UUID_V1)),
        "uuid-not-v4-accepted": seed(mode(RANDOM_256, ANY_UUID | ZERO_COPY), 9, packet(b"v1 uuid", uuid=UUID_V1)),
        "truncated-payload": seed(mode(WHOLE), 0, SPEC_PACKET + SPEC_PACKET[:-4]),
        "truncated-header": seed(mode(TINY), 5, SPEC_PACKET + SPEC_PACKET[:40]),
        "bad-hmac": seed(mode(HDR_MINUS_1, ZERO_COPY), 0, bytes(bad_hmac) + SPEC_PACKET),
        "packet-then-garbage": seed(mode(RANDOM_16K, ZERO_COPY), 200, SPEC_PACKET + bytes(range(256))),
    }

    out = pathlib.Path(__file__).resolve().parent / "corpus" / "framedecoder"
    out.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        assert len(data) < 10 * 1024, name
        (out / name).write_bytes(data)
    print(f"wrote {len(seeds)} seeds to {out}")


if __name__ == "__main__":
    main()
