#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The documented soak benchmark (docs/benchmarks.md, "Soak benchmark"): d4-server with its stream
# workers and analyzers on (the passive DNS analyzer taps the type-8 worker; the backscatter
# analyzer is always on) against a private redis-server, loaded by bench_ingest_load with K TLS
# sensors sending passivedns lines (type 8).
#   phase 1: the maximum end-to-end rate: sensors send as fast as they can for --measure seconds;
#            the figure is lines that reached the analyzer queue / time from the first connection
#            until the queue has received every line sent;
#   phase 2: the same server at half that rate (bench_ingest_load --rate) for a warm-up plus
#            --minutes; every --interval seconds one row: lines that reached the queue in the
#            interval, lines/s, d4-server and redis-server VmRSS, Redis used_memory, stream backlog;
#            then RSS after the warm-up against RSS at the end, and whether every line sent arrived.
# A consumer drains the analyzer queue every second (atomically: LLEN then DEL in one script), so
# Redis holds at most about a second of lines. Not part of ctest: it takes minutes.

set -euo pipefail

usage() {
    cat <<'USAGE'
usage: tests/bench/run-soak-bench.sh [--minutes M] [--sensors K] [--payload B] [--measure S]
                                     [--warmup S] [--interval S] [--rotation S]
  --minutes M     soak time at half the measured maximum, after the warm-up (default 10)
  --sensors K     type-8 sensors (default 4)
  --payload B     payload bytes per D4 packet (default 4096)
  --measure S     phase 1 sending time (default 20)
  --warmup S      phase 2 time before the RSS "start" sample (default 60)
  --interval S    seconds per row (default 10)
  --rotation S    the server's rotation_interval (default 300, the product default); a shorter
                  one shows in a short run what each rotation costs the stream path
environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
USAGE
}

minutes=10
sensors=4
payload=4096
measure=20
warmup=60
interval=10
rotation=300
while [[ $# -gt 0 ]]; do
    case $1 in
        --minutes) minutes=$2; shift 2 ;;
        --sensors) sensors=$2; shift 2 ;;
        --payload) payload=$2; shift 2 ;;
        --measure) measure=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --interval) interval=$2; shift 2 ;;
        --rotation) rotation=$2; shift 2 ;;
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
pdns_db=3
for tool in redis-server redis-cli; do
    command -v "$tool" > /dev/null || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -G Ninja
fi
echo "== building d4-server and bench_ingest_load in $build"
cmake --build "$build" -j "$jobs" --target d4-server bench_ingest_load > /dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/d4-soak-bench.XXXXXX")
redis_pid=
d4_pid=
load_pid=
cleanup() {
    for pid in $load_pid $d4_pid $redis_pid; do kill "$pid" 2> /dev/null || true; done
    for pid in $load_pid $d4_pid $redis_pid; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { echo "${EPOCHREALTIME}"; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }
rcli() { redis-cli -p "$redis_port" "$@"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
mb() { calc %.1f "$1 / 1024"; }
load_average() { cut -d' ' -f1 /proc/loadavg; }

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
rotation_interval = $rotation
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
[Redis_PDNS]
host = 127.0.0.1
port = $redis_port
db = $pdns_db
[Passive_DNS]
enabled = yes
[Lookup_Server]
enabled = no
CONF

"$server" --config "$tmp/server.conf" --port 0 --data-dir "$tmp/data" > "$tmp/d4.out" 2> "$tmp/d4.err" &
d4_pid=$!
d4_port=
for _ in $(seq 200); do
    if line=$(grep -m1 'listening on port' "$tmp/d4.out" 2> /dev/null); then
        d4_port=$(awk '{ print $5 }' <<< "$line")
        break
    fi
    sleep 0.1
done
if [[ -z $d4_port ]]; then
    echo "ERROR: d4-server did not start:" >&2
    cat "$tmp/d4.err" >&2
    exit 1
fi

queue=$(cat /proc/sys/kernel/random/uuid)
rcli -n 0 HSET "analyzer:$queue" type 8 > /dev/null
rcli -n 0 SADD analyzer:8 "$queue" > /dev/null
rcli -n 0 SADD all_analyzer_queues "$queue" > /dev/null
queue_key=analyzer:8:$queue

drained=0 # lines taken off the analyzer queue so far
drain() { # one consumer pass: take every line in the queue, atomically
    local n
    n=$(rcli -n $analyzer_db EVAL "local n = redis.call('LLEN', KEYS[1]) redis.call('DEL', KEYS[1]) return n" 1 "$queue_key")
    drained=$((drained + n))
}
stream_backlog() { # entries not yet consumed by the workers: sum of XLEN over stream:8:*
    local total=0 key
    for key in $(rcli -n $stream_db --scan --pattern 'stream:8:*'); do
        total=$((total + $(rcli -n $stream_db XLEN "$key")))
    done
    echo "$total"
}
redis_used_mb() { rcli INFO memory | awk -F: '/^used_memory:/ { printf "%.1f", $2 / 1048576 }'; }
wait_for_lines() { # lines timeout_s: drain until that many lines have arrived
    local deadline
    deadline=$(calc %.0f "$(now) + $2")
    while [[ $drained -lt $1 ]] && (($(calc %.0f "$(now)") < deadline)); do
        drain
        sleep 0.2
    done
    drain
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $sensors type-8 sensors," \
     "$payload-byte payloads of passivedns lines; workers on, passive DNS analyzer on, backscatter analyzer on; rotation_interval $rotation s"

# Phase 1: the maximum end-to-end rate.
t0=$(now)
"$load" --port "$d4_port" --mode stream --sensors "$sensors" --seconds "$measure" --payload "$payload" \
    --type 8 --content lines --close-timeout 300 > "$tmp/load1.out" &
load_pid=$!
while kill -0 "$load_pid" 2> /dev/null; do
    drain
    sleep 1
done
wait "$load_pid" || true
load_pid=
result=$(grep '^result' "$tmp/load1.out" || true)
[[ -n $result ]] || { echo "ERROR: bench_ingest_load gave no result" >&2; cat "$tmp/load1.out" >&2; exit 1; }
lines1=$(field "$result" lines)
packets1=$(field "$result" packets)
wait_for_lines "$lines1" 300
t1=$(now)
max_rate=$(calc %.0f "$drained / ($t1 - $t0)")
lines_per_packet=$(calc %.4f "$lines1 / $packets1")
echo "phase 1: $lines1 lines sent in $(field "$result" send_seconds) s; $drained reached the queue after" \
     "$(calc %.2f "$t1 - $t0") s: maximum $max_rate lines/s end to end (load $(load_average))"
[[ $drained -eq $lines1 ]] || echo "  MISMATCH: sent $lines1 lines, queued $drained"

# Phase 2: half that rate for the warm-up plus the soak.
target=$(calc %.0f "$max_rate / 2")
packet_rate=$(calc %.2f "$target / $lines_per_packet")
soak=$((minutes * 60))
echo "phase 2: $target lines/s target ($packet_rate packets/s, bench_ingest_load --rate) for ${warmup} s" \
     "warm-up + $soak s; one row every $interval s"
drained=0
t_start=$(now)
"$load" --port "$d4_port" --mode stream --sensors "$sensors" --seconds "$((warmup + soak))" --payload "$payload" \
    --type 8 --content lines --rate "$packet_rate" --close-timeout 300 > "$tmp/load2.out" &
load_pid=$!
printf '%7s %10s %9s %12s %13s %11s %9s %5s\n' t_s lines lines_per_s d4_rss_mb redis_rss_mb redis_used streams load
last=0
tick=0
rss_start=
redis_start=
rss_end=
redis_end=
while kill -0 "$load_pid" 2> /dev/null; do
    tick=$((tick + 1))
    # Sleep to the next whole second after the start, so rows do not drift.
    pause=$(calc %.3f "$t_start + $tick - $(now)")
    [[ $pause = -* ]] || sleep "$pause"
    drain
    if ((tick % interval == 0)); then
        d4_rss=$(rss_kb "$d4_pid")
        redis_rss=$(rss_kb "$redis_pid")
        got=$((drained - last))
        last=$drained
        printf '%7d %10d %9.0f %12s %13s %11s %9d %5s\n' "$tick" "$got" "$(calc %.1f "$got / $interval")" \
            "$(mb "$d4_rss")" "$(mb "$redis_rss")" "$(redis_used_mb)" "$(stream_backlog)" "$(load_average)"
        if ((tick == warmup)); then
            rss_start=$d4_rss
            redis_start=$redis_rss
        fi
        if ((tick <= warmup + soak)); then
            rss_end=$d4_rss
            redis_end=$redis_rss
        fi
    fi
done
wait "$load_pid" || true
load_pid=
result=$(grep '^result' "$tmp/load2.out" || true)
[[ -n $result ]] || { echo "ERROR: bench_ingest_load gave no result" >&2; cat "$tmp/load2.out" >&2; exit 1; }
lines2=$(field "$result" lines)
wait_for_lines "$lines2" 300
send_seconds=$(field "$result" send_seconds)
echo "phase 2: $lines2 lines sent in $send_seconds s ($(calc %.0f "$lines2 / $send_seconds") lines/s," \
     "target $target); $drained reached the queue; failed=$(field "$result" failed) cut_off=$(field "$result" cut_off)"
if [[ $drained -eq $lines2 ]]; then
    echo "sent == stored: yes ($lines2 lines)"
else
    echo "sent == stored: NO (sent $lines2, queued $drained)"
fi
if [[ -z $rss_start || -z $rss_end ]]; then
    echo "RSS: no sample after the warm-up (soak too short)"
    exit 1
fi
change=$(calc %.1f "($rss_end - $rss_start) * 100 / $rss_start")
redis_change=$(calc %.1f "($redis_end - $redis_start) * 100 / $redis_start")
echo "d4-server RSS after the ${warmup} s warm-up $(mb "$rss_start") MB, at the end $(mb "$rss_end") MB ($change %)"
echo "redis-server RSS after the warm-up $(mb "$redis_start") MB, at the end $(mb "$redis_end") MB ($redis_change %)"
echo "passive DNS store: $(rcli -n $pdns_db DBSIZE) keys; worker files: $(du -sh "$tmp/data" | cut -f1); load $(cut -d' ' -f1-3 /proc/loadavg)"
if awk "BEGIN { exit !(($change < 0 ? -$change : $change) <= 10) }"; then
    echo "RSS flat within 10 %: yes"
else
    echo "RSS flat within 10 %: no"
fi
kill -TERM "$d4_pid" 2> /dev/null || true
wait "$d4_pid" 2> /dev/null || true
d4_pid=
if grep -q -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err"; then
    echo "d4-server warnings (first 3):"
    grep -m3 -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err" | cut -c1-200 | sed 's/^/  /'
fi
