#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Import benchmark (docs/import.md): builds a capture of at least SIZE_MB (default 1024) MB under /tmp
# by concatenating the records of test captures (DNS over UDP/TCP/IPv6 and backscatter), each round
# re-timestamped one second later, then times in the same run:
#   bench_import FILE                               (ImportJob: read, decode, backscatter + passive DNS)
#   tshark -r FILE -T fields -e frame.number >/dev/null
# and prints packets/s, MB/s and peak RSS (GNU time). Usage:
#   tests/bench/run-import-bench.sh BUILD_DIR [SIZE_MB]
set -eu
BUILD_DIR=${1:?usage: run-import-bench.sh BUILD_DIR [SIZE_MB]}
SIZE_MB=${2:-1024}
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
if command -v tshark >/dev/null; then
    measure tshark tshark -r "$FILE" -T fields -e frame.number
    echo "tshark packets=$(tail -n 1 /tmp/d4-import-bench.out) bytes=$BYTES"
fi
