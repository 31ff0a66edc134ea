#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The documented forwarding benchmark (docs/benchmarks.md, "Forwarding benchmark"): two d4-server
# processes on loopback, each with its own redis-server. K sensors (bench_ingest_load, TLS) send
# ~120-byte passivedns lines to the local server for S seconds; a rule forwards them to the
# partner with filters on (drop zone checked on every line, client IPs pseudonymised, half the
# lines sampled out). Figures, from the first connection:
#   ingest    - until the local analyzer queue holds every line sent (the same-run ingest figure);
#   forwarded - until the partner's analyzer queue holds every line the rule kept
#               (local worker -> filters -> spool -> TLS -> partner ingest -> partner worker).
# Not part of ctest: the figures need an otherwise idle machine.

set -euo pipefail

usage() {
    cat <<'USAGE'
usage: tests/bench/run-forward-bench.sh [--seconds S] [--sensors K] [--payload B] [--sample F]
  --seconds S   sending time (default 10)
  --sensors K   sensors (default 1)
  --payload B   payload bytes per D4 packet (default 4096)
  --sample F    fraction of lines the rule keeps (default 0.5)
environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
USAGE
}

seconds=10
sensors=1
payload=4096
sample=0.5
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --sensors) sensors=$2; shift 2 ;;
        --payload) payload=$2; shift 2 ;;
        --sample) sample=$2; shift 2 ;;
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
for tool in redis-server redis-cli; do
    command -v "$tool" > /dev/null || { echo "ERROR: $tool is not installed" >&2; exit 1; }
done
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -G Ninja
fi
echo "== building d4-server and bench_ingest_load in $build"
cmake --build "$build" -j "$jobs" --target d4-server bench_ingest_load > /dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/d4-forward-bench.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { echo "${EPOCHREALTIME}"; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }

start_redis() { # name -> sets redis_port (no subshell: the pid must reach the cleanup list)
    local port=$((20000 + RANDOM % 40000))
    mkdir -p "$tmp/$1-redis"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp/$1-redis" \
        --logfile "$tmp/$1-redis/redis.log" --daemonize no > /dev/null 2>&1 < /dev/null &
    pids+=($!)
    for _ in $(seq 50); do
        [[ $(redis-cli -p "$port" PING 2> /dev/null) = PONG ]] && break
        sleep 0.1
    done
    redis_port=$port
}
write_conf() { # file redis-port extra-sections
    cat > "$1" <<CONF
[D4_Server]
server_mode = shared-secret
default_stream_max_size = 100000000
analyzer_queues_max_size = 100000000
workers = yes
[Redis_STREAM]
host = 127.0.0.1
port = $2
db = 4
[Redis_METADATA]
host = 127.0.0.1
port = $2
db = 0
[Redis_ANALYZER]
host = 127.0.0.1
port = $2
db = 2
[Passive_DNS]
enabled = no
[Lookup_Server]
enabled = no
$3
CONF
}
start_d4() { # name port-argument -> sets d4_port, d4_fingerprint
    "$server" --config "$tmp/$1.conf" --port "$2" --data-dir "$tmp/$1-data" > "$tmp/$1.out" 2> "$tmp/$1.err" < /dev/null &
    pids+=($!)
    for _ in $(seq 200); do
        if line=$(grep -m1 'listening on port' "$tmp/$1.out" 2> /dev/null); then
            d4_port=$(awk '{ print $5 }' <<< "$line")
            d4_fingerprint=$(awk '{ print $7 }' <<< "$line")
            return 0
        fi
        sleep 0.1
    done
    echo "ERROR: d4-server ($1) did not start:" >&2
    cat "$tmp/$1.err" >&2
    exit 1
}
add_queue() { # redis-port type -> queue uuid
    local queue
    queue=$(cat /proc/sys/kernel/random/uuid)
    redis-cli -p "$1" -n 0 HSET "analyzer:$queue" type "$2" > /dev/null
    redis-cli -p "$1" -n 0 SADD "analyzer:$2" "$queue" > /dev/null
    redis-cli -p "$1" -n 0 SADD all_analyzer_queues "$queue" > /dev/null
    echo "$queue"
}

start_redis partner
partner_redis=$redis_port
start_redis local
local_redis=$redis_port
write_conf "$tmp/partner.conf" "$partner_redis" ""
start_d4 partner 0
partner_port=$d4_port
partner_queue=$(add_queue "$partner_redis" 8)
write_conf "$tmp/local.conf" "$local_redis" "[Forward:bench]
type = 8
sensors = *
partner = 127.0.0.1:$partner_port
partner_uuid = 8c9a4e1f-2b3d-4c5e-9f60-7a8b9c0d1e2f
partner_key = private key to change
partner_pin = $d4_fingerprint
drop_zones = corp.internal
client_fields = pseudonymise
pseudonym_key = bench-pseudonym-key-0123
sample = $sample"
start_d4 local 0
local_port=$d4_port
local_queue=$(add_queue "$local_redis" 8)

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $sensors sensor(s), payload $payload bytes per D4 packet, $seconds s; rule keeps $sample of the lines"
t0=$(now)
result=$("$load" --port "$local_port" --mode stream --sensors "$sensors" --seconds "$seconds" --payload "$payload" \
    --type 8 --content lines --close-timeout 120 | grep '^result' || true)
lines=$(field "$result" lines)
bytes=$(field "$result" payload_bytes)
for _ in $(seq 2400); do
    [[ $(redis-cli -p "$local_redis" -n 2 LLEN "analyzer:8:$local_queue") -ge $lines ]] && break
    sleep 0.05
done
t_ingest=$(now)
stat() { redis-cli -p "$local_redis" -n 0 HGET d4console:forward:stats:bench "$1"; }
for _ in $(seq 2400); do
    read_count=$(stat read); filtered=$(stat filtered:sampled)
    [[ -n $read_count && $read_count -ge $lines ]] && \
        [[ $(redis-cli -p "$partner_redis" -n 2 LLEN "analyzer:8:$partner_queue") -ge $((lines - filtered)) ]] && break
    sleep 0.05
done
t_forward=$(now)
kept=$((lines - $(stat filtered:sampled)))
received=$(redis-cli -p "$partner_redis" -n 2 LLEN "analyzer:8:$partner_queue")
forwarded_bytes=$(stat bytes_sent)
echo "sent:      $lines lines, $(calc %.1f "$bytes / 1e6") MB in $(field "$result" send_seconds) s"
echo "ingest:    local queue holds every line after $(calc %.2f "$t_ingest - $t0") s:" \
     "$(calc %.0f "$lines / ($t_ingest - $t0)") lines/s, $(calc %.1f "$bytes / 1e6 / ($t_ingest - $t0)") MB/s"
echo "forwarded: partner queue holds $received of the $kept kept lines after $(calc %.2f "$t_forward - $t0") s:" \
     "$(calc %.0f "$lines / ($t_forward - $t0)") lines/s filtered," \
     "$(calc %.0f "$received / ($t_forward - $t0)") lines/s and $(calc %.1f "$forwarded_bytes / 1e6 / ($t_forward - $t0)") MB/s sent"
echo "rule:      read=$(stat read) sampled_out=$(stat filtered:sampled) acknowledged=$(stat acknowledged)" \
     "connections=$(stat connections) spool_bytes=$(stat spool_bytes)"
[[ $received -eq $kept ]] || echo "  MISMATCH: kept $kept lines, partner received $received"
