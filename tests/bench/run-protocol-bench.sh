#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The documented protocol benchmark (docs/benchmarks.md):
#   1. bench_protocol: encode+HMAC and decode+verify against raw OpenSSL HMAC-SHA256;
#   2. d4-sensor encapsulating N MiB (default 100) of random data from stdin to stdout, redirected
#      from a file and through pipes, against the reference clients.
# Builds what it needs in $D4_BUILD_DIR (default: build, relative to the source root).
# Not part of ctest: the figures need an otherwise idle machine.

set -euo pipefail

usage() {
    cat <<'EOF'
usage: tests/bench/run-protocol-bench.sh [--seconds S] [--mib N] [--runs N] [--no-protocol] [--no-sensor]
  --seconds S    time per bench_protocol figure (default 1)
  --mib N        d4-sensor input size in MiB (default 100)
  --runs N       timed d4-sensor runs per variant (default 3)
environment: D4_BUILD_DIR (default build), D4_JOBS (default 2),
  D4_SENSOR: measure this binary instead of $D4_BUILD_DIR/app/d4-sensor (e.g. the reference C
  client, which reads the same configuration directory)
EOF
}

seconds=1
mib=100
runs=3
do_protocol=1
do_sensor=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --mib) mib=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --no-protocol) do_protocol=0; shift ;;
        --no-sensor) do_sensor=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${D4_BUILD_DIR:-build}
[[ $build = /* ]] || build=$root/$build
jobs=${D4_JOBS:-2}
bench=$build/tests/bench/bench_protocol
sensor=${D4_SENSOR:-$build/app/d4-sensor}
key='private key to change'
status=0

if [[ ! -f $build/CMakeCache.txt ]]; then
    echo "== configuring $build"
    cmake -S "$root" -B "$build" -G Ninja
fi

echo "== building bench_protocol and d4-sensor in $build"
if ! cmake --build "$build" -j "$jobs" --target bench_protocol; then
    echo "ERROR: bench_protocol did not build (is D4_BUILD_BENCHMARKS=ON in $build?)" >&2
    exit 1
fi
sensor_built=1
if [[ $do_sensor = 1 && -z ${D4_SENSOR:-} ]] && ! cmake --build "$build" -j "$jobs" --target d4-sensor; then
    sensor_built=0
fi

echo
# Figures taken on a loaded machine are low: the load average is printed so readers can tell.
echo "== host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $do_protocol = 1 ]]; then
    echo
    echo "== $bench --seconds $seconds"
    if ! "$bench" --seconds "$seconds"; then
        echo "ERROR: bench_protocol failed; its figures are not valid" >&2
        status=1
    fi
fi

[[ $do_sensor = 1 ]] || exit $status

echo
echo "== $sensor: encapsulate $mib MiB from stdin to stdout (type 1, snaplen 4096)"
if [[ $sensor_built = 0 ]]; then
    echo "d4-sensor: NOT MEASURED - it did not build (see the compiler output above)"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/d4-sensor-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
input=$tmp/input.bin
conf=$tmp/conf
input_bytes=$((mib * 1024 * 1024))
head -c "$input_bytes" /dev/urandom > "$input"
mkdir "$conf"
cat /proc/sys/kernel/random/uuid > "$conf/uuid"  # a random (version-4) UUID
printf '%s\n' "$key" > "$conf/key"
echo 1 > "$conf/type"
echo 1 > "$conf/version"
echo 4096 > "$conf/snaplen"
echo stdin > "$conf/source"
echo stdout > "$conf/destination"

fail_sensor() {
    echo "d4-sensor: NOT MEASURED - $1"
    if [[ -s $tmp/stderr ]]; then
        echo "  its stderr (first 10 lines):"
        head -n 10 "$tmp/stderr" | sed 's/^/    /'
    fi
    exit 1
}

# One untimed run whose output is decoded and checked, so a sensor that fails, emits nothing or
# emits wrong packets never yields a throughput figure. It also warms the page cache.
set +e
"$sensor" -c "$conf" < "$input" 2> "$tmp/stderr" | "$bench" --verify-stream "$key" > "$tmp/verify" 2>&1
codes=("${PIPESTATUS[@]}")
set -e
if [[ ${codes[0]} -ne 0 ]]; then
    fail_sensor "\`$sensor -c DIR < file\` exited with status ${codes[0]}"
fi
want_sha=$(sha256sum "$input" | cut -d' ' -f1)
verify=$(cat "$tmp/verify")
echo "output check: $verify"
if [[ ${codes[1]} -ne 0 || $verify != *"payload_bytes=$input_bytes "* || $verify != *"payload_sha256=$want_sha"* ]]; then
    fail_sensor "its output is not $input_bytes payload bytes of valid, HMAC-verified D4 packets carrying the input"
fi

# Prints the wall time of one run in nanoseconds; returns the sensor's exit status.
time_run() {
    local variant=$1 start end rc
    start=$(date +%s%N)
    set +e
    if [[ $variant = file ]]; then
        "$sensor" -c "$conf" < "$input" > /dev/null 2> "$tmp/stderr"
        rc=$?
    else
        # shellcheck disable=SC2002  # the pipe variant is the point: the sensor reads a pipe
        cat "$input" | "$sensor" -c "$conf" 2> "$tmp/stderr" | cat > /dev/null
        rc=${PIPESTATUS[1]}
    fi
    set -e
    end=$(date +%s%N)
    echo $((end - start))
    return "$rc"
}

# Payload MB/s for a run time in nanoseconds.
mbs() { awk -v b="$input_bytes" -v ns="$1" 'BEGIN { printf "%.1f", b / (ns / 1e9) / 1e6 }'; }

printf '%-52s %12s %12s   %s\n' variant "best MB/s" "median MB/s" "run times (s)"
best_file=0
for variant in file pipe; do
    times=()
    for ((i = 0; i < runs; i++)); do
        if ! ns=$(time_run "$variant"); then
            fail_sensor "the $variant variant exited with an error on run $((i + 1))"
        fi
        times+=("$ns")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    best=$(head -n 1 <<< "$sorted")
    median=$(sed -n "$(((runs + 1) / 2))p" <<< "$sorted")
    if [[ $variant = file ]]; then
        label='file: d4-sensor -c DIR < file > /dev/null'
    else
        label='pipe: cat file | d4-sensor -c DIR | cat > /dev/null'
    fi
    list=$(printf '%s\n' "${times[@]}" | awk '{ printf "%.3f ", $1 / 1e9 }')
    printf '%-52s %12s %12s   %s\n' "$label" "$(mbs "$best")" "$(mbs "$median")" "$list"
    if [[ $variant = file ]]; then
        best_file=$(mbs "$best")
    fi
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "measured on $input_bytes payload bytes per run, $runs runs per variant; MB = 10^6 bytes"
echo "reference: C client (d4-core/client) 79-113 MB/s, Go client (d4-goclient) ~136 MB/s"
verdict=$(awk -v x="$best_file" 'BEGIN { print (x >= 1000 ? "MET" : "NOT MET") }')
echo "d4-sensor best (file) = $best_file MB/s (target >= 1000 MB/s = 1 GB/s): $verdict"
exit $status
