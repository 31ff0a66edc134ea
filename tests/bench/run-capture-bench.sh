#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture benchmark: builds a capture of at least SIZE_MB (default 1024) MB under /tmp by
# concatenating the records of the test captures amp.TCP.reflection.SYNACK.pcap and
# pkt.TCP.DOMINATE.syn.ecn.cwr.pcapng (both classic Ethernet/µs pcaps), then times in the same run:
#   bench_capture FILE                               (read + decode + backscatter classification)
#   tshark -r FILE -T fields -e frame.number >/dev/null
#   tcpdump -r FILE -w /dev/null
# and prints packets/s, ratios and peak RSS (GNU time). Usage:
#   tests/bench/run-capture-bench.sh BUILD_DIR [SIZE_MB]
# Needs tshark, tcpdump (scripts/install-bench-deps.sh) and /usr/bin/time.
set -eu
BUILD_DIR=${1:?usage: run-capture-bench.sh BUILD_DIR [SIZE_MB]}
SIZE_MB=${2:-1024}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data/pcap"
FILE=/tmp/d4-capture-bench-${SIZE_MB}MB.pcap
if [ ! -s "$FILE" ]; then
    python3 - "$DATA/amp.TCP.reflection.SYNACK.pcap" "$DATA/pkt.TCP.DOMINATE.syn.ecn.cwr.pcapng" "$FILE" "$SIZE_MB" <<'PY'
import sys
a, b, out, size_mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ra = open(a, 'rb').read()
rb = open(b, 'rb').read()
assert ra[:4] == rb[:4] == b'\xd4\xc3\xb2\xa1' and ra[20:24] == rb[20:24]
block = ra[24:] + rb[24:]
with open(out, 'wb') as f:
    f.write(ra[:24])
    written = 24
    while written < size_mb * 1000 * 1000:
        f.write(block)
        written += len(block)
PY
fi
ls -l "$FILE"
measure() { # name, command...
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o /tmp/d4-capture-bench.time "$@" >/tmp/d4-capture-bench.out 2>/dev/null
    read -r secs rss </tmp/d4-capture-bench.time
    echo "$name $secs $rss"
}

B=$(measure d4 "$BUILD_DIR/tests/bench/bench_capture" "$FILE")
cat /tmp/d4-capture-bench.out
T=$(measure tshark tshark -r "$FILE" -T fields -e frame.number)
D=$(measure tcpdump tcpdump -r "$FILE" -w /dev/null)
PACKETS=$(sed -n 's/^packets: \([0-9]*\).*/\1/p' /tmp/d4-capture-bench.out 2>/dev/null || true)
[ -n "$PACKETS" ] || PACKETS=$(capinfos -c -M "$FILE" | sed -n 's/.*: *\([0-9]*\)$/\1/p')
printf '%-8s %10s %12s %14s %8s\n' tool seconds "peak RSS KiB" packets/s "x d4"
for line in "$B" "$T" "$D"; do
    set -- $line
    d4secs=$(echo "$B" | cut -d' ' -f2)
    awk -v n="$1" -v s="$2" -v r="$3" -v p="$PACKETS" -v d="$d4secs" \
        'BEGIN { printf "%-8s %10.2f %12d %14.0f %8.2f\n", n, s, r, p / s, s / d }'
done
echo "file: $FILE, $PACKETS packets"
