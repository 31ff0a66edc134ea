#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The passive DNS path through the whole product (docs/passive-dns.md "Benchmark"): one d4-sensor
# sends N distinct passivedns lines (A records, one name and one address each) as type 8 over TLS
# to a d4-server with its own managed redis-server (append-only file on, as shipped); the type-8
# worker hands them to the passive DNS analyzer. Measures the time from the sensor's start until
# the store counts N new tuples, the Redis servers' CPU time per line, and where the store's went.
#   tests/bench/run-pdns-e2e-bench.sh [--lines N] [--separate-store] [--redis-server PROGRAM]
# --separate-store: the store ([Redis_PDNS]) on a second redis-server with its own append-only
# file instead of database 3 of the managed one; --redis-server: the program of both
# ([Managed_Redis] executable), e.g. valkey-server.
# environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${D4_BUILD_DIR:-build}"
[[ "$build" = /* ]] || build="$root/$build"
lines=200000
separate=no
program=redis-server
while [[ $# -gt 0 ]]; do
    case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --separate-store) separate=yes; shift ;;
    --redis-server) program="$2"; shift 2 ;;
    *) echo "usage: $0 [--lines N] [--separate-store] [--redis-server PROGRAM]" >&2; exit 2 ;;
    esac
done
cmake --build "$build" -j"${D4_JOBS:-2}" --target d4-server d4-sensor >/dev/null
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [[ -S "$tmp/pdns/redis.sock" ]]; then redis-cli -s "$tmp/pdns/redis.sock" shutdown nosave >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

python3 - "$lines" >"$tmp/lines.txt" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    print("1700000000.123456||192.0.2.%d||198.51.100.53||IN||host%d.e2e.example.com.||A||10.%d.%d.%d||300||1"
          % (i % 250, i, i >> 16 & 255, i >> 8 & 255, i & 255))
PY
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$tmp/server.conf" <<CONF
[D4_Server]
server_port = $port
server_mode = shared-secret
default_hmac_key = bench
listen_address = 127.0.0.1
data_directory = $tmp/data
[Lookup_Server]
port = 0
[Managed_Redis]
executable = $program
CONF
pdns_sock=""
if [[ "$separate" = yes ]]; then
    mkdir -p "$tmp/pdns"
    "$program" --port 0 --unixsocket "$tmp/pdns/redis.sock" --unixsocketperm 700 --dir "$tmp/pdns" \
        --appendonly yes --appendfsync no --save '' --daemonize yes --logfile "$tmp/pdns/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -s "$tmp/pdns/redis.sock" ping >/dev/null 2>&1 && break; sleep 0.1; done
    pdns_sock="$tmp/pdns/redis.sock"
    printf '[Redis_PDNS]\nunix_socket = %s\ndb = 3\n' "$pdns_sock" >>"$tmp/server.conf"
fi
"$build/app/d4-server" --config "$tmp/server.conf" >"$tmp/server.log" 2>&1 &
server_pid=$!
sock=""
for _ in $(seq 150); do
    sock="$(find "$tmp/data" -name redis.sock 2>/dev/null | head -1 || true)"
    if [[ -n "$sock" ]] && grep -q "listening" "$tmp/server.log"; then break; fi
    sleep 0.2
done
if [[ -z "$sock" ]] || ! grep -q "listening" "$tmp/server.log"; then
    echo "d4-server did not start:" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi
mkdir -p "$tmp/sensor"
python3 -c 'import uuid; print(uuid.uuid4())' >"$tmp/sensor/uuid"
printf bench >"$tmp/sensor/key"
echo 8 >"$tmp/sensor/type"
echo "127.0.0.1:$port" >"$tmp/sensor/destination"

store="${pdns_sock:-$sock}"
redis_cpu() { redis-cli -s "$1" info cpu | awk -F: '/used_cpu_(user|sys):/{s+=$2} END{printf "%.3f", s}'; }
for server in "$sock" "$store"; do redis-cli -s "$server" config resetstat >/dev/null; done
managed_before="$(redis_cpu "$sock")"
store_before="$(redis_cpu "$store")"
start="$(date +%s.%N)"
"$build/app/d4-sensor" -c "$tmp/sensor" --insecure <"$tmp/lines.txt" >"$tmp/sensor.log" 2>&1 &
deadline=$(( $(date +%s) + 600 ))
stored=0
while (( stored < lines )); do
    (( $(date +%s) < deadline )) || { echo "only $stored of $lines tuples stored after 600 s" >&2; exit 1; }
    sleep 0.05
    stored="$(redis-cli -s "$store" -n 3 get pdns:stats:tuples)"
    stored="${stored:-0}"
done
end="$(date +%s.%N)"
managed_after="$(redis_cpu "$sock")"
store_after="$(redis_cpu "$store")"
where="database 3 of the managed server"
[[ "$separate" = yes ]] && where="a second server with its own append-only file"
echo "== $("$program" --version | cut -d' ' -f1-3), managed by d4-server (appendonly yes, appendfsync" \
    "$(redis-cli -s "$sock" config get appendfsync | tail -1)); store: $where; $(nproc) cores"
python3 - "$lines" "$stored" "$start" "$end" "$managed_before" "$managed_after" "$store_before" "$store_after" \
    "$separate" <<'PY'
import sys
lines, stored = int(sys.argv[1]), int(sys.argv[2])
seconds = float(sys.argv[4]) - float(sys.argv[3])
managed = float(sys.argv[6]) - float(sys.argv[5])
store = float(sys.argv[8]) - float(sys.argv[7])
cpu = "managed Redis CPU %.1f us/line" % (managed * 1e6 / lines)
if sys.argv[9] == "yes":
    cpu += ", store Redis CPU %.1f us/line" % (store * 1e6 / lines)
print("end to end: %d distinct lines sent, %d new tuples stored in %.2f s: %.0f lines/s; %s"
      % (lines, stored, seconds, lines / seconds, cpu))
PY
echo "store Redis, command time (the rest of its CPU is reading, replies and the append-only file):"
redis-cli -s "$store" info commandstats | tr -d '\r' | grep '^cmdstat' |
    awk -F'[:=,]' -v n="$lines" '{sub(/^cmdstat_/, "", $1); printf "  %-8s %8d calls  %6.2f us/line\n", $1, $3, $5 / n}' |
    sort -k4 -rn | head -8
redis-cli -s "$store" info persistence | tr -d '\r' | awk -F: -v n="$lines" '
    /^aof_current_size:/ { size = $2 } /^aof_rewrites:/ { rewrites = $2 }
    END { printf "store append-only file: %.1f MB after %d lines, %d rewrites (a forked child) during the run\n", size / 1e6, n, rewrites }'
