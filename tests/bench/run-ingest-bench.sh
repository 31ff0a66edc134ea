#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The documented ingest benchmark (docs/benchmarks.md): d4-server against a private redis-server,
# loaded by bench_ingest_load (TLS sensors) on the same machine.
#   1. stream: K = 1, 8, 64 sensors sending 4 KiB packets, in two Redis regimes:
#        growing  streams are never drained (Redis memory grows; first-touch page faults);
#        steady   bench_ingest_drain trims every stream to ~1000 entries every 50 ms, like workers;
#      accepted packets are counted in Redis, and each run is compared with redis-benchmark's XADD
#      ceiling on the same Redis right after it;
#   2. idle: d4-server's memory with 1,000 connected, idle sensors;
#   3. connect-storm: TLS handshakes per second when 1,000 sensors connect at once, plus the raw
#      OpenSSL floor for the same handshake on this machine.
# Builds what it needs in $D4_BUILD_DIR (default: build, relative to the source root).
# Not part of ctest: the figures need an otherwise idle machine.

set -euo pipefail

usage() {
    cat <<'EOF'
usage: tests/bench/run-ingest-bench.sh [--seconds S] [--warmup S] [--sensors "1 8 64"] [--modes "growing steady"]
                                       [--payload B] [--ceiling-requests N] [--idle-sensors N]
                                       [--storm-sensors N] [--storm-runs N] [--no-stream] [--no-idle] [--no-storm]
  --seconds S             measured window per stream run (default 10)
  --warmup S              load before the window opens (default 1)
  --sensors LIST          sensor counts of the stream runs (default "1 8 64")
  --modes LIST            growing and/or steady (default both)
  --payload B             payload bytes per packet (default 4096)
  --ceiling-requests N    redis-benchmark XADDs per ceiling run (default 600000)
  --idle-sensors N        idle sensors for the memory figure (default 1000)
  --storm-sensors N       sensors connecting at once (default 1000); --storm-runs N storms (default 3)
environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
EOF
}

seconds=10
warmup=1
sensor_counts="1 8 64"
modes="growing steady"
payload=4096
ceiling_requests=600000
idle_sensors=1000
storm_sensors=1000
storm_runs=3
do_stream=1
do_idle=1
do_storm=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --sensors) sensor_counts=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        --payload) payload=$2; shift 2 ;;
        --ceiling-requests) ceiling_requests=$2; shift 2 ;;
        --idle-sensors) idle_sensors=$2; shift 2 ;;
        --storm-sensors) storm_sensors=$2; shift 2 ;;
        --storm-runs) storm_runs=$2; shift 2 ;;
        --no-stream) do_stream=0; shift ;;
        --no-idle) do_idle=0; shift ;;
        --no-storm) do_storm=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for mode in $modes; do
    [[ $mode = growing || $mode = steady ]] || { echo "unknown mode '$mode'" >&2; exit 2; }
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${D4_BUILD_DIR:-build}
[[ $build = /* ]] || build=$root/$build
jobs=${D4_JOBS:-2}
server=$build/app/d4-server
load=$build/tests/bench/bench_ingest_load
drain=$build/tests/bench/bench_ingest_drain
stream_db=4           # the STREAM role's database (managed layout: METADATA 0, ANALYZER 2, STREAM 4)
steady_maxlen=1000    # steady mode: streams kept at about this many entries, like d4-core's workers
status=0

for tool in redis-server redis-cli redis-benchmark; do
    if ! command -v "$tool" > /dev/null; then
        echo "ERROR: $tool is not installed" >&2
        exit 1
    fi
done

if [[ ! -f $build/CMakeCache.txt ]]; then
    echo "== configuring $build"
    cmake -S "$root" -B "$build" -G Ninja
fi
echo "== building d4-server, bench_ingest_load and bench_ingest_drain in $build"
if ! cmake --build "$build" -j "$jobs" --target d4-server bench_ingest_load bench_ingest_drain; then
    echo "ERROR: the build failed (is D4_BUILD_BENCHMARKS=ON in $build?)" >&2
    exit 1
fi

# 1,000 idle sensors need 1,000 descriptors in the generator and as many in the server.
need_fds=$(( (idle_sensors > storm_sensors ? idle_sensors : storm_sensors) + 1024 ))
if (( $(ulimit -n) < need_fds )); then
    ulimit -n "$need_fds" 2> /dev/null || ulimit -n "$(ulimit -Hn)"
fi
if (( $(ulimit -n) < need_fds )); then
    echo "WARNING: ulimit -n is $(ulimit -n) (hard limit $(ulimit -Hn)); $need_fds descriptors are needed" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/d4-ingest-bench.XXXXXX")
redis_pid=
d4_pid=
load_pid=
drain_pid=
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    local pid
    for pid in $load_pid $drain_pid $d4_pid $redis_pid; do
        kill "$pid" 2> /dev/null || true
    done
    for pid in $load_pid $drain_pid $d4_pid $redis_pid; do
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Helpers

# Samples are taken without forking (bash builtins only), so they are close together in time even
# on a loaded machine.
now_us() { printf -v "$1" '%s' "${EPOCHREALTIME/./}"; }
# Sets the variables named $2 (utime+stime, clock ticks) and $3 (minor faults) for process $1.
proc_stat() {
    local line fields
    if ! read -r line < "/proc/$1/stat"; then
        printf -v "$2" 0
        [[ -n ${3:-} ]] && printf -v "$3" 0
        return 0
    fi
    read -r -a fields <<< "${line##*) }"
    printf -v "$2" '%s' $((fields[11] + fields[12]))
    [[ -n ${3:-} ]] && printf -v "$3" '%s' "${fields[7]}"
    return 0
}
cpu_ticks() { local t; proc_stat "$1" t; echo "$t"; }
# The kernel's count of connections dropped because a listen queue was full (all sockets).
listen_overflows() {
    awk '/^TcpExt:/ { if (!seen) { for (i = 1; i <= NF; i++) name[i] = $i; seen = 1 }
                      else { for (i = 1; i <= NF; i++) if (name[i] == "ListenOverflows") print $i } }' /proc/net/netstat
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# VmHWM / VmRSS in kB
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)
rcli() { redis-cli -p "$redis_port" "$@"; }
redis_info() { rcli INFO "$1" | tr -d '\r' | awk -F: -v k="$2" '$1 == k { print $2 }'; }
# "key=value" field of a line
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }
# awk arithmetic with the given printf format
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }

start_redis() {
    mkdir -p "$tmp/redis"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        redis_port=$((20000 + RANDOM % 40000))
        [[ -z $(ss -Hltn "( sport = :$redis_port )" 2> /dev/null) ]] || continue
        redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp/redis" \
            --logfile "$tmp/redis/redis.log" --daemonize no &
        redis_pid=$!
        for _ in $(seq 50); do
            if ! kill -0 "$redis_pid" 2> /dev/null; then
                break
            fi
            if [[ $(rcli PING 2> /dev/null) = PONG ]]; then
                return 0
            fi
            sleep 0.1
        done
        kill "$redis_pid" 2> /dev/null || true
        wait "$redis_pid" 2> /dev/null || true
        redis_pid=
    done
    echo "ERROR: cannot start redis-server (see $tmp/redis/redis.log)" >&2
    exit 1
}

# Empties Redis and hands freed pages back to the OS, so every run starts from the same state
# (a "growing" run on recycled pages would skip the first-touch page faults it is about).
flush_redis() {
    rcli FLUSHALL SYNC > /dev/null
    rcli MEMORY PURGE > /dev/null
}

start_d4() {
    : > "$tmp/d4.out"
    "$server" --config "$tmp/server.conf" --port 0 --data-dir "$tmp/d4data" > "$tmp/d4.out" 2> "$tmp/d4.err" &
    d4_pid=$!
    local _ line
    for _ in $(seq 200); do
        line=$(grep -m1 'listening on port' "$tmp/d4.out" 2> /dev/null || true)
        if [[ -n $line ]]; then
            d4_port=$(awk '{ print $5 }' <<< "$line")
            return 0
        fi
        kill -0 "$d4_pid" 2> /dev/null || break
        sleep 0.1
    done
    kill "$d4_pid" 2> /dev/null || true
    wait "$d4_pid" 2> /dev/null || true
    d4_pid=
    # A d4-server without built-in stream workers does not know the key that turns them off.
    if [[ $workers_key = 1 ]] && grep -q 'workers' "$tmp/d4.err"; then
        workers_key=0
        sed -i '/^workers = /d' "$tmp/server.conf"
        start_d4
        return
    fi
    echo "ERROR: d4-server did not start:" >&2
    cat "$tmp/d4.err" >&2
    exit 1
}

stop_d4() {
    kill -TERM "$d4_pid" 2> /dev/null || true
    local rc=0
    wait "$d4_pid" || rc=$?
    d4_pid=
    if [[ $rc -ne 0 ]]; then
        echo "  WARNING: d4-server exited with status $rc; its log:"
        tail -n 5 "$tmp/d4.err" | sed 's/^/    /'
        status=1
    fi
    # Anything d4-server logged as a warning during a run is worth seeing.
    if grep -q -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err"; then
        echo "  d4-server warnings ($(grep -c -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err") lines, first 3):"
        grep -m3 -E ' - (WARNING|ERROR|CRITICAL) - ' "$tmp/d4.err" | cut -c1-200 | sed 's/^/    /'
    fi
}

# bench_ingest_drain talks over two FIFOs: fd 8 takes commands, fd 9 gives answers.
start_drain() {
    rm -f "$tmp/drain.in" "$tmp/drain.out"
    mkfifo "$tmp/drain.in" "$tmp/drain.out"
    "$drain" --port "$redis_port" --db "$stream_db" --pattern 'stream:1:*' --trim "$1" \
        < "$tmp/drain.in" > "$tmp/drain.out" &
    drain_pid=$!
    exec 8> "$tmp/drain.in"
    exec 9< "$tmp/drain.out"
}

# Sets the variable named $1 to the packets stored so far: trimmed + current stream lengths.
drain_count_into() {
    local line
    echo count >&8
    if ! read -r -t 30 line <&9 || [[ ! $line =~ total=([0-9]+) ]]; then
        echo "ERROR: bench_ingest_drain did not answer" >&2
        exit 1
    fi
    printf -v "$1" '%s' "${BASH_REMATCH[1]}"
}
drain_count() { local n; drain_count_into n; echo "$n"; }

S_time=0 S_count=0 S_d4=0 S_redis=0 S_load=0 S_drain=0 S_faults=0
# One sample of the window: time (µs, the middle of the count query), stored count, CPU ticks of
# d4-server, redis-server, the generator and the drain, and d4-server's minor faults.
take_sample() {
    local t0 t1
    now_us t0
    drain_count_into S_count
    now_us t1
    S_time=$(((t0 + t1) / 2))
    proc_stat "$d4_pid" S_d4 S_faults
    proc_stat "$redis_pid" S_redis
    proc_stat "$load_pid" S_load
    proc_stat "$drain_pid" S_drain
}

stop_drain() {
    echo quit >&8 || true
    exec 8>&- 9<&-
    wait "$drain_pid" || true
    drain_pid=
}

# Waits until d4-server has stored all $1 packets the sensors sent, or the count has not moved for
# 10 s (2 minutes at most); prints the count. d4-server can pause for a second or more under load,
# so a short pause is no proof that it is done.
settled_count() {
    local want=$1 last=-1 value unchanged=0 _
    for _ in $(seq 480); do
        drain_count_into value
        [[ $value -ge $want ]] && break
        if [[ $value = "$last" ]]; then
            unchanged=$((unchanged + 1))
            [[ $unchanged -ge 40 ]] && break
        else
            unchanged=0
        fi
        last=$value
        sleep 0.25
    done
    echo "$value"
}

wait_for_line() { # file pattern timeout-seconds pid
    local _
    for _ in $(seq $(($3 * 20))); do
        grep -q -- "$2" "$1" 2> /dev/null && return 0
        kill -0 "$4" 2> /dev/null || { grep -q -- "$2" "$1" 2> /dev/null; return; }
        sleep 0.05
    done
    return 1
}

ceiling_payload=$(head -c $((payload * 3 / 4 + 3)) /dev/urandom | base64 -w0)
ceiling_payload=${ceiling_payload:0:payload}
ceiling_uuid=$(tr -d - < /proc/sys/kernel/random/uuid)
# redis-benchmark's XADD ceiling on the current Redis: the same entry fields d4-server writes.
# Prints "requests seconds xadd_per_s redis_cpu_percent".
run_ceiling() {
    local mode=$1 maxlen=() t0 t1 r0 r1 rps
    [[ $mode = steady ]] && maxlen=(MAXLEN '~' "$steady_maxlen")
    flush_redis
    proc_stat "$redis_pid" r0
    now_us t0
    rps=$(redis-benchmark -p "$redis_port" --dbnum "$stream_db" -n "$ceiling_requests" -P 64 -c 1 --csv \
        XADD bench:ceiling "${maxlen[@]}" '*' message "$ceiling_payload" uuid "$ceiling_uuid" \
        timestamp 1700000000 version 1 2> /dev/null | tail -n 1 | awk -F'","' '{ print $2 }')
    now_us t1
    proc_stat "$redis_pid" r1
    flush_redis
    echo "$ceiling_requests $(calc %.3f "($t1 - $t0) / 1e6") ${rps:-0} $(calc %.0f "($r1 - $r0) / $hz / (($t1 - $t0) / 1e6) * 100")"
}

# ---------------------------------------------------------------------------------------------

start_redis
# The streams must stay in Redis for this benchmark: d4-server's own stream workers (which write
# files and would consume them) are turned off, and steady mode drains them with bench_ingest_drain.
workers_key=1
cat > "$tmp/server.conf" <<EOF
[D4_Server]
server_mode = shared-secret
default_stream_max_size = 100000000
workers = no
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
db = 2
EOF

# One start and stop up front: it generates the TLS certificate and checks the configuration.
start_d4
stop_d4
if [[ $workers_key = 1 ]]; then
    workers_note="built-in stream workers off (workers = no)"
else
    workers_note="no built-in stream workers in this build"
fi

echo
# Figures taken on a loaded machine are low: the load average is printed so readers can tell.
echo "== host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(redis-server --version | cut -d' ' -f1-3) on 127.0.0.1:$redis_port (no persistence), d4-server" \
    "$server (shared-secret, default ingest threads, $workers_note), payload $payload B, type 1"

stream_rows=()
resource_rows=()
growing_ratios=()
steady8=
run_stream() {
    local mode=$1 k=$2 trim=0 line
    [[ $mode = steady ]] && trim=$steady_maxlen
    echo
    echo "== $mode, $k sensor(s): ${warmup} s warm-up, ${seconds} s window (load average $(load_average))"
    flush_redis
    start_d4
    start_drain "$trim"
    "$load" --port "$d4_port" --mode stream --sensors "$k" --payload "$payload" \
        --seconds "$(calc %.1f "$warmup + $seconds + 2")" > "$tmp/load.out" 2> "$tmp/load.err" &
    load_pid=$!
    if ! wait_for_line "$tmp/load.out" '^ready' 60 "$load_pid"; then
        echo "  NOT MEASURED - the sensors did not connect:"
        sed 's/^/    /' "$tmp/load.err"
        kill "$load_pid" 2> /dev/null || true
        wait "$load_pid" 2> /dev/null || true
        load_pid=
        stop_drain; stop_d4; status=1
        return
    fi
    sleep "$warmup"
    local ta c_a d4a ra la da fa tb c_b d4b rb lb db fb
    take_sample
    ta=$S_time c_a=$S_count d4a=$S_d4 ra=$S_redis la=$S_load da=$S_drain fa=$S_faults
    sleep "$seconds"
    take_sample
    tb=$S_time c_b=$S_count d4b=$S_d4 rb=$S_redis lb=$S_load db=$S_drain fb=$S_faults
    local load_rc=0
    wait "$load_pid" || load_rc=$?
    load_pid=
    local result sent stored hwm redis_rss t_stop t_settled
    result=$(grep '^result' "$tmp/load.out" || true)
    sent=$(field "$result" packets)
    now_us t_stop
    stored=$(settled_count "${sent:-0}")
    now_us t_settled
    hwm=$(status_kb "$d4_pid" VmHWM)
    redis_rss=$(redis_info memory used_memory_rss)
    stop_drain
    stop_d4
    if [[ $load_rc -ne 0 ]]; then
        echo "  WARNING: bench_ingest_load exited with status $load_rc:"
        sed 's/^/    /' "$tmp/load.err"
        status=1
    fi
    local wall packets mbs pps
    wall=$(calc %.3f "($tb - $ta) / 1e6")
    packets=$((c_b - c_a))
    mbs=$(calc %.1f "$packets * $payload / $wall / 1e6")
    pps=$(calc %.0f "$packets / $wall")
    echo "  load average after the window: $(load_average)"
    echo "  accepted in Redis: $packets packets ($((packets * payload)) payload bytes) in $wall s = $mbs MB/s, $pps packets/s"
    echo "  sender: $result"
    echo "  after the run: stored $stored of $sent packets sent ($(calc %.1f "($t_settled - $t_stop) / 1e6") s after the" \
        "generator had closed); Redis RSS $(calc %.0f "$redis_rss / 1e6") MB"
    if [[ $mode = steady ]]; then
        echo "  ceiling: redis-benchmark -n $ceiling_requests -P 64 -c 1 XADD bench:ceiling MAXLEN ~ $steady_maxlen * message <$payload B> uuid <32 hex> timestamp 1700000000 version 1"
    else
        echo "  ceiling: redis-benchmark -n $ceiling_requests -P 64 -c 1 XADD bench:ceiling * message <$payload B> uuid <32 hex> timestamp 1700000000 version 1"
    fi
    local ceiling creq csec crps ccpu cmbs ratio
    ceiling=$(run_ceiling "$mode")
    read -r creq csec crps ccpu <<< "$ceiling"
    crps=$(calc %.0f "$crps")
    cmbs=$(calc %.1f "$crps * $payload / 1e6")
    ratio=$(calc %.2f "$crps > 0 ? $pps / $crps : 0")
    echo "  ceiling: $creq XADDs in $csec s = $crps XADD/s ($cmbs MB/s), Redis CPU $ccpu%; ratio accepted/ceiling = $ratio"

    local w_s d4cpu rcpu lcpu dcpu us_per flt_per fairness
    w_s=$(calc %.6f "($tb - $ta) / 1e6")
    d4cpu=$(calc %.0f "($d4b - $d4a) / $hz / $w_s * 100")
    rcpu=$(calc %.0f "($rb - $ra) / $hz / $w_s * 100")
    lcpu=$(calc %.0f "($lb - $la) / $hz / $w_s * 100")
    dcpu=$(calc %.0f "($db - $da) / $hz / $w_s * 100")
    us_per=$(calc %.1f "$packets > 0 ? ($d4b - $d4a) / $hz / $packets * 1e6 : 0")
    flt_per=$(calc %.2f "$packets > 0 ? ($fb - $fa) / $packets : 0")
    fairness=$(calc %.2f "$(field "$result" conn_packets_max) > 0 ? $(field "$result" conn_packets_min) / $(field "$result" conn_packets_max) : 0")
    stream_rows+=("$(printf '%-8s %3d %9d %13d %8s %8s %8s | %9d %8s %8s %8s | %5s' \
        "$mode" "$k" "$packets" "$((packets * payload))" "$wall" "$mbs" "$pps" "$creq" "$csec" "$cmbs" "$crps" "$ratio")")
    resource_rows+=("$(printf '%-8s %3d %8s%% %8s%% %8s%% %8s%% %9s %8s %8.1f %9s %9s %8s %8s' \
        "$mode" "$k" "$d4cpu" "$rcpu" "$lcpu" "$dcpu" "$us_per" "$flt_per" "$(calc %.1f "$hwm / 1024")" \
        "$sent" "$stored" "$fairness" "$ccpu%")")
    if [[ $mode = growing ]]; then
        growing_ratios+=("$k:$ratio")
    elif [[ $k = 8 ]]; then
        steady8=$mbs
    fi
    if [[ -n $sent && $stored != "$sent" ]]; then
        echo "  WARNING: $sent packets were sent but $stored were stored"
        status=1
    fi
}

if [[ $do_stream = 1 ]]; then
    for mode in $modes; do
        for k in $sensor_counts; do
            run_stream "$mode" "$k"
        done
    done
fi

idle_line=
if [[ $do_idle = 1 ]]; then
    echo
    echo "== idle: $idle_sensors sensors connect (at most 200 handshakes at once), send one packet each, stay connected"
    flush_redis
    start_d4
    start_drain 0
    sleep 1
    base_rss=$(status_kb "$d4_pid" VmRSS)
    rm -f "$tmp/idle.in"
    mkfifo "$tmp/idle.in"
    "$load" --port "$d4_port" --mode idle --sensors "$idle_sensors" --seconds 0 --concurrency 200 \
        < "$tmp/idle.in" > "$tmp/load.out" 2> "$tmp/load.err" &
    load_pid=$!
    exec 7> "$tmp/idle.in"
    if wait_for_line "$tmp/load.out" '^ready' 120 "$load_pid"; then
        stored=0
        for _ in $(seq 150); do
            stored=$(drain_count)
            [[ $stored -ge $idle_sensors ]] && break
            sleep 0.2
        done
        sleep 1
        idle_rss=$(status_kb "$d4_pid" VmRSS)
        idle_hwm=$(status_kb "$d4_pid" VmHWM)
        echo "  $(grep '^ready' "$tmp/load.out")"
        echo "  stored packets: $stored of $idle_sensors"
        echo "  d4-server VmRSS: $(calc %.1f "$base_rss / 1024") MB before, $(calc %.1f "$idle_rss / 1024") MB with" \
            "$idle_sensors idle sensors (VmHWM $(calc %.1f "$idle_hwm / 1024") MB)"
        idle_line="d4-server VmRSS with $idle_sensors idle sensors = $(calc %.1f "$idle_rss / 1024") MB" 
        idle_line+=" ($(calc %.0f "($idle_rss - $base_rss) / $idle_sensors") kB per sensor over $(calc %.1f "$base_rss / 1024") MB at start;"
        idle_line+=" VmHWM $(calc %.1f "$idle_hwm / 1024") MB; $stored of $idle_sensors first packets stored)"
    else
        echo "  NOT MEASURED - the sensors did not all connect:"
        sed 's/^/    /' "$tmp/load.err"
        status=1
    fi
    echo >&7
    exec 7>&-
    wait "$load_pid" || { echo "  WARNING: bench_ingest_load failed:"; sed 's/^/    /' "$tmp/load.err"; status=1; }
    load_pid=
    echo "  $(grep '^result' "$tmp/load.out" || true)"
    sleep 1
    echo "  d4-server VmRSS after they closed: $(calc %.1f "$(status_kb "$d4_pid" VmRSS) / 1024") MB"
    stop_drain
    stop_d4
fi

storm_rates=()
storm_rows=()
floor_rows=()
if [[ $do_storm = 1 ]]; then
    echo
    echo "== connect-storm: $storm_sensors sensors start a full TLS handshake at once, $storm_runs times" \
        "(load average $(load_average))"
    flush_redis
    start_d4
    for ((run = 1; run <= storm_runs; run++)); do
        sleep 1
        d4a=$(cpu_ticks "$d4_pid")
        overflows=$(listen_overflows)
        if ! "$load" --port "$d4_port" --mode connect-storm --sensors "$storm_sensors" --close-timeout 30 \
            > "$tmp/load.out" 2> "$tmp/load.err"; then
            echo "  WARNING: some handshakes failed:"
            sed 's/^/    /' "$tmp/load.err"
            status=1
        fi
        d4b=$(cpu_ticks "$d4_pid")
        overflows=$(($(listen_overflows) - overflows))
        result=$(grep '^result' "$tmp/load.out")
        rate=$(field "$result" handshakes_per_second)
        storm_rates+=("$rate")
        d4ms=$(calc %.2f "($d4b - $d4a) / $hz / $storm_sensors * 1000")
        storm_rows+=("$(printf '%3d %10s %6s %8s %8s %8s %8s %8s %8s %10s %11s %10s' "$run" "$(field "$result" handshakes)" \
            "$(field "$result" failed)" "$(field "$result" seconds)" "$rate" "$(field "$result" latency_ms_p50)" \
            "$(field "$result" latency_ms_p99)" "$(field "$result" latency_ms_max)" \
            "$(calc %.2f "$(field "$result" cpu_seconds) / $storm_sensors * 1000")" "$d4ms" \
            "$(calc %.0f "$d4ms > 0 ? 1000 / $d4ms : 0")" "$overflows")")
        echo "  ${storm_rows[-1]}"
    done
    stop_d4
    echo "  raw OpenSSL floor (in memory, same certificate, no sockets):"
    while read -r line; do
        floor_rows+=("$line")
        echo "    $line"
    done < <("$load" --mode tls-floor --cert "$tmp/d4data/tls/server.crt" --private-key "$tmp/d4data/tls/server.key" \
        --sensors "$storm_sensors")
fi

# ---------------------------------------------------------------------------------------------
echo
echo "== results (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
if [[ ${#stream_rows[@]} -gt 0 ]]; then
    echo "accepted = entries counted in Redis during the window; MB = 10^6 payload bytes; ceiling = redis-benchmark on the same Redis"
    printf '%-8s %3s %9s %13s %8s %8s %8s | %9s %8s %8s %8s | %5s\n' mode K packets "payload bytes" seconds \
        "MB/s" "pkts/s" "ceil XADD" seconds "MB/s" "XADD/s" ratio
    printf '%s\n' "${stream_rows[@]}"
    echo
    echo "CPU in % of one core over the window; d4 µs/pkt = d4-server CPU per accepted packet; VmHWM = d4-server peak RSS"
    printf '%-8s %3s %9s %9s %9s %9s %9s %8s %8s %9s %9s %8s %8s\n' mode K "d4 CPU" "redis" "loader" "drain" \
        "d4 µs/pkt" "flt/pkt" "HWM MB" sent stored "min/max" "ceilCPU"
    printf '%s\n' "${resource_rows[@]}"
fi
if [[ ${#storm_rows[@]} -gt 0 ]]; then
    echo
    echo "connect-storm: seconds = first connect to last completed handshake (client side); p50/p99/max = per-sensor"
    echo "connect-to-handshake time; load ms = generator CPU per handshake; d4 ms/conn = d4-server CPU per connection,"
    echo "accept to close; d4 capacity = 1000 / that (handshakes/s its one ingest thread could do with a core to"
    echo "itself); listen ovf = kernel ListenOverflows during the storm (connections whose SYN/ACK waited >= 1 s)"
    printf '%3s %10s %6s %8s %8s %8s %8s %8s %8s %10s %11s %10s\n' run handshakes failed seconds "per sec" \
        "p50 ms" "p99 ms" "max ms" "load ms" "d4 ms/conn" "d4 capacity" "listen ovf"
    printf '%s\n' "${storm_rows[@]}"
    printf '%s\n' "${floor_rows[@]}"
fi
echo
echo "reference: d4-core (Python) ~2.5-3.1 MB/s (600-750 packets/s); prototype study on this machine:"
echo "  0.8-1.1x the ceiling growing; 275 MB/s at 8 sensors steady (Redis-alone ceiling 424-492 MB/s)"
if [[ ${#growing_ratios[@]} -gt 0 ]]; then
    worst=$(printf '%s\n' "${growing_ratios[@]}" | cut -d: -f2 | sort -g | head -n 1)
    list=
    for entry in "${growing_ratios[@]}"; do
        list+="${list:+, }${entry#*:}x at ${entry%%:*}"
    done
    echo "growing: accepted/ceiling = $list sensors (target >= 0.9x): $(calc %s "$worst >= 0.9 ? \"MET\" : \"NOT MET\"")"
fi
if [[ -n $steady8 ]]; then
    echo "steady: 8 sensors = $steady8 MB/s (target >= 250 MB/s): $(calc %s "$steady8 >= 250 ? \"MET\" : \"NOT MET\"")"
fi
[[ -n $idle_line ]] && echo "idle: $idle_line"
if [[ ${#storm_rates[@]} -gt 0 ]]; then
    median=$(printf '%s\n' "${storm_rates[@]}" | sort -g | sed -n "$(((${#storm_rates[@]} + 1) / 2))p")
    echo "connect-storm: median $median handshakes/s over $storm_runs storms of $storm_sensors (target >= 5000/s):" \
        "$(calc %s "$median >= 5000 ? \"MET\" : \"NOT MET\"")"
fi
exit $status
