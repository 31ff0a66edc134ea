#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The documented worker benchmark (docs/benchmarks.md, "Worker benchmark"): d4-server with its
# stream workers against a private redis-server, loaded by bench_ingest_load (TLS sensors).
#   type 8: K sensors send ~120-byte passivedns lines for S seconds; measured from the first
#           connection until the analyzer queue holds every line sent (LLEN = lines sent), so the
#           figure is sensor -> TLS -> checks -> stream -> worker -> file + queue, end to end;
#   type 1: K sensors send a libpcap stream (~1 KiB frames); measured until every stream is
#           drained into the .cap files (whose size is checked against what was sent), then the
#           time the workers take to gzip them when the sessions end;
# each next to redis-benchmark's same-run ceiling for the Redis commands on that path.
# Not part of ctest: the figures need an otherwise idle machine.

set -euo pipefail

usage() {
    cat <<'USAGE'
usage: tests/bench/run-worker-bench.sh [--seconds S] [--sensors "1 8"] [--types "8 1"] [--payload B]
  --seconds S      sending time per run (default 10)
  --sensors LIST   sensor counts (default "1 8")
  --types LIST     8 and/or 1 (default both)
  --payload B      payload bytes per D4 packet (default 4096)
environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
USAGE
}

seconds=10
sensor_counts="1 8"
types="8 1"
payload=4096
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --sensors) sensor_counts=$2; shift 2 ;;
        --types) types=$2; shift 2 ;;
        --payload) payload=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${D4_BUILD_DIR:-build}
[[ $build = /* ]] || build=$root/$build
jobs=${D4_JOBS:-2}
server=$build/app/d4-server
load=$build/tests/bench/bench_ingest_load
stream_db=4
analyzer_db=2
for tool in redis-server redis-cli redis-benchmark; do
    command -v "$tool" > /dev/null || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -G Ninja
fi
echo "== building d4-server and bench_ingest_load in $build"
cmake --build "$build" -j "$jobs" --target d4-server bench_ingest_load > /dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/d4-worker-bench.XXXXXX")
redis_pid=
d4_pid=
cleanup() {
    for pid in $d4_pid $redis_pid; do kill "$pid" 2> /dev/null || true; done
    for pid in $d4_pid $redis_pid; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { echo "${EPOCHREALTIME}"; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }
rcli() { redis-cli -p "$redis_port" "$@"; }

redis_port=$((20000 + RANDOM % 40000))
mkdir -p "$tmp/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp/redis" \
    --logfile "$tmp/redis/redis.log" --daemonize no &
redis_pid=$!
for _ in $(seq 50); do
    [[ $(rcli PING 2> /dev/null) = PONG ]] && break
    sleep 0.1
done

cat > "$tmp/server.conf" <<CONF
[D4_Server]
server_mode = shared-secret
default_stream_max_size = 100000000
analyzer_queues_max_size = 100000000
workers = yes
[Redis_STREAM]
host = 127.0.0.1
port = $redis_port
db = $stream_db
[Redis_METADATA]
host = 127.0.0.1
port = $redis_port
db = 0
[Redis_ANALYZER]
host = 127.0.0.1
port = $redis_port
db = $analyzer_db
[Passive_DNS]
# The workers' own path is measured; the passive DNS analyzer has its own benchmark (run-pdns-bench.sh).
enabled = no
[Lookup_Server]
enabled = no
CONF

start_d4() {
    rm -rf "$tmp/data"
    "$server" --config "$tmp/server.conf" --port 0 --data-dir "$tmp/data" > "$tmp/d4.out" 2> "$tmp/d4.err" &
    d4_pid=$!
    for _ in $(seq 200); do
        if line=$(grep -m1 'listening on port' "$tmp/d4.out" 2> /dev/null); then
            d4_port=$(awk '{ print $5 }' <<< "$line")
            return 0
        fi
        sleep 0.1
    done
    echo "ERROR: d4-server did not start:" >&2
    cat "$tmp/d4.err" >&2
    exit 1
}
stop_d4() {
    kill -TERM "$d4_pid" 2> /dev/null || true
    wait "$d4_pid" 2> /dev/null || true
    d4_pid=
    if grep -q -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err"; then
        echo "  d4-server warnings (first 3):"
        grep -m3 -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err" | cut -c1-200 | sed 's/^/    /'
    fi
}
add_queue() { # type -> queue uuid, as d4-core's UI stores a queue
    local queue
    queue=$(cat /proc/sys/kernel/random/uuid)
    rcli -n 0 HSET "analyzer:$queue" type "$1" > /dev/null
    rcli -n 0 SADD "analyzer:$1" "$queue" > /dev/null
    rcli -n 0 SADD all_analyzer_queues "$queue" > /dev/null
    echo "$queue"
}
stream_entries() { # sum of XLEN over stream:<type>:*
    local total=0 key
    for key in $(rcli -n $stream_db --scan --pattern "stream:$1:*"); do
        total=$((total + $(rcli -n $stream_db XLEN "$key")))
    done
    echo "$total"
}
cap_bytes() { find "$tmp/data" -name '*.cap' -printf '%s\n' 2> /dev/null | awk '{ s += $1 } END { print s + 0 }'; }

ceiling() { # redis-benchmark, pipelined, on the same Redis: requests per second of "$@"
    redis-benchmark -p "$redis_port" -n "$1" -P 64 -c 1 --csv "${@:2}" 2> /dev/null | tail -n 1 |
        awk -F'","' '{ print $2 }' | tr -d '"'
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); payload $payload bytes per D4 packet, $seconds s per run"
line_value=$(printf '%0120d' 0)
blob=$(head -c "$payload" /dev/zero | tr '\0' 'x')
xadd_ceiling=$(ceiling 200000 XADD bench:c '*' message "$blob" uuid 0123456789abcdef timestamp 1700000000 version 1)
rcli FLUSHALL > /dev/null
lpush_ceiling=$(ceiling 1000000 LPUSH bench:l "$line_value")
rcli FLUSHALL > /dev/null
echo "== Redis ceiling (redis-benchmark -P 64 -c 1, same run): XADD of $payload-byte entries $xadd_ceiling/s" \
     "($(calc %.0f "$xadd_ceiling * $payload / 1e6") MB/s), LPUSH of 120-byte lines $lpush_ceiling/s"

for type in $types; do
    for k in $sensor_counts; do
        rcli FLUSHALL > /dev/null
        start_d4
        queue=$(add_queue "$type")
        content=$([[ $type = 8 ]] && echo lines || echo pcap)
        t0=$(now)
        result=$("$load" --port "$d4_port" --mode stream --sensors "$k" --seconds "$seconds" --payload "$payload" \
            --type "$type" --content "$content" --close-timeout 120 | grep '^result' || true)
        t_sent=$(now)
        packets=$(field "$result" packets)
        bytes=$(field "$result" payload_bytes)
        if [[ $type = 8 ]]; then
            lines=$(field "$result" lines)
            for _ in $(seq 1200); do
                [[ $(rcli -n $analyzer_db LLEN "analyzer:8:$queue") -ge $lines ]] && break
                sleep 0.05
            done
            t_done=$(now)
            queued=$(rcli -n $analyzer_db LLEN "analyzer:8:$queue")
            echo "type 8, $k sensor(s): $lines lines ($packets packets, $(calc %.1f "$bytes / 1e6") MB) sent in" \
                 "$(field "$result" send_seconds) s; queue holds $queued lines after $(calc %.2f "$t_done - $t0") s:" \
                 "$(calc %.0f "$queued / ($t_done - $t0)") lines/s end to end (Redis LPUSH ceiling alone:" \
                 "$(calc %.0f "$lpush_ceiling") lines/s)"
            [[ $queued -eq $lines ]] || echo "  MISMATCH: sent $lines lines, queued $queued"
        else
            for _ in $(seq 2400); do
                [[ $(stream_entries 1) -eq 0 ]] && break
                sleep 0.05
            done
            t_done=$(now)
            on_disk=$(cap_bytes)
            echo "type 1, $k sensor(s): $packets packets, $(calc %.1f "$bytes / 1e6") MB sent in" \
                 "$(field "$result" send_seconds) s; streams drained into .cap files after $(calc %.2f "$t_done - $t0") s:" \
                 "$(calc %.1f "$bytes / 1e6 / ($t_done - $t0)") MB/s end to end (Redis XADD ceiling alone:" \
                 "$(calc %.0f "$xadd_ceiling * $payload / 1e6") MB/s); .cap bytes on disk $on_disk of $bytes sent"
            t_gz0=$(now)
            for _ in $(seq 6000); do
                [[ -z $(find "$tmp/data" -name '*.cap' -print -quit) && $(rcli -n $stream_db SCARD session_uuid:1) -eq 0 ]] && break
                sleep 0.05
            done
            t_gz=$(now)
            echo "  then the sessions ended and their files were gzipped in $(calc %.2f "$t_gz - $t_gz0") s" \
                 "($(find "$tmp/data" -name '*.cap.gz' | wc -l) files, $(calc %.1f "$(find "$tmp/data" -name '*.cap.gz' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }') / 1e6") MB);" \
                 "analyzer:1 queue: $(rcli -n $analyzer_db LLEN "analyzer:1:$queue") paths"
        fi
        stop_d4
    done
done
