#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Import benchmark (docs/import.md): builds a capture of at least SIZE_MB (default 1024) MB under /tmp
# by concatenating the records of test captures (DNS over UDP/TCP/IPv6 and backscatter), each round
# re-timestamped one second later, and a capture of TUPLES (default 1,000,000) DNS responses with
# distinct names (as many passive DNS tuples), then times:
#   bench_import FILE               (ImportJob: read, decode, backscatter + passive DNS; rate, peak RSS)
#   bench_import --gui FILE         (the console's import page, offscreen: the GUI event loop's longest
#   bench_import --gui TUPLES_FILE   pause while importing, showing results and starting the next import)
#   tshark -r FILE -T fields -e frame.number >/dev/null    only with D4_BENCH_TSHARK=1
# and prints packets/s, MB/s and peak RSS (GNU time). Usage:
#   tests/bench/run-import-bench.sh BUILD_DIR [SIZE_MB [TUPLES]]
set -eu
BUILD_DIR=${1:?usage: run-import-bench.sh BUILD_DIR [SIZE_MB]}
SIZE_MB=${2:-1024}
TUPLES=${3:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
FILE=/tmp/d4-import-bench-${SIZE_MB}MB.pcap
if [ ! -s "$FILE" ]; then
    python3 - "$FILE" "$SIZE_MB" "$DATA/pdns/pdns-synthetic.pcap" "$DATA/pdns/dns_tcp.pcap" \
        "$DATA/pdns/dns_udp.pcap" "$DATA/pcap/backscatter-synthetic.pcap" <<'PY'
import struct, sys
out, size_mb, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
records = []  # (relative µs, header tail, data)
header = None
for path in inputs:
    raw = open(path, 'rb').read()
    assert raw[:4] == b'\xd4\xc3\xb2\xa1', path  # little-endian µs pcap
    assert struct.unpack('<I', raw[20:24])[0] == 1, path  # Ethernet
    header = header or raw[:24]
    off, base = 24, None
    while off + 16 <= len(raw):
        sec, usec, incl, orig = struct.unpack('<IIII', raw[off:off + 16])
        t = sec * 1000000 + usec
        base = t if base is None else base
        records.append((t - base, incl, orig, raw[off + 16:off + 16 + incl]))
        off += 16 + incl
records.sort(key=lambda r: r[0])
start = 1700000000 * 1000000
with open(out, 'wb') as f:
    f.write(header)
    written, n, rnd = 24, 0, 0
    while written < size_mb * 1000 * 1000:
        chunk = bytearray()
        for rel, incl, orig, data in records:
            t = start + rnd * 1000000 + rel
            chunk += struct.pack('<IIII', t // 1000000, t % 1000000, incl, orig) + data
            n += 1
        f.write(chunk)
        written += len(chunk)
        rnd += 1
print("wrote", out, written, "bytes", n, "packets")
PY
fi
ls -l "$FILE"
BYTES=$(stat -c %s "$FILE")
measure() { # name, command...
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o /tmp/d4-import-bench.time "$@" >/tmp/d4-import-bench.out 2>/dev/null || true
    read -r secs rss </tmp/d4-import-bench.time
    echo "$name seconds=$secs peak_rss_kB=$rss"
}
measure bench_import "$BUILD_DIR/tests/bench/bench_import" "$FILE"
cat /tmp/d4-import-bench.out

TUPLES_FILE=/tmp/d4-import-bench-tuples-${TUPLES}.pcap
if [ ! -s "$TUPLES_FILE" ]; then
    python3 - "$TUPLES_FILE" "$TUPLES" <<'PY'
import struct, sys
out, count = sys.argv[1], int(sys.argv[2])
eth = bytes.fromhex('020000000001020000000002') + b'\x08\x00'
def checksum(header):
    s = sum(struct.unpack('!10H', header))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff
with open(out, 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    buf = bytearray()
    for i in range(count):
        name = b''.join(bytes([len(p)]) + p for p in (b'host%d' % i, b'example', b'com')) + b'\0'
        dns = struct.pack('!HHHHHH', i & 0xffff, 0x8180, 1, 1, 0, 0) + name + struct.pack('!HH', 1, 1) + \
            b'\xc0\x0c' + struct.pack('!HHIHI', 1, 1, 300, 4, 0x0a000000 + i)
        udp = struct.pack('!HHHH', 53, 40000 + i % 20000, 8 + len(dns), 0) + dns
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), i & 0xffff, 0, 64, 17, 0,
                         bytes([198, 51, 100, 53]), bytes([192, 0, 2, 10]))
        ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
        frame = eth + ip + udp
        t = 1700000000 * 1000000 + i * 10
        buf += struct.pack('<IIII', t // 1000000, t % 1000000, len(frame), len(frame)) + frame
        if len(buf) > 1 << 22:
            f.write(buf)
            buf = bytearray()
    f.write(buf)
print("wrote", out, count, "DNS responses")
PY
fi
ls -l "$TUPLES_FILE"
# Offscreen unless a display is there: the figures are the event loop's, not the painting's.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for capture in "$FILE" "$TUPLES_FILE"; do
    measure bench_import_gui "$BUILD_DIR/tests/bench/bench_import" --gui "$capture"
    cat /tmp/d4-import-bench.out
done
if [ "${D4_BENCH_TSHARK:-0}" = 1 ] && command -v tshark >/dev/null; then
    measure tshark tshark -r "$FILE" -T fields -e frame.number
    echo "tshark packets=$(tail -n 1 /tmp/d4-import-bench.out) bytes=$BYTES"
fi
