#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# Builds every fuzz target (tests/fuzz/fuzz_<name>.cpp, corpus in tests/fuzz/corpus/<name>/) with
# clang + libFuzzer + ASan + UBSan in a separate build dir and fuzzes each one for the given time.
# Exits non-zero when any target finds a crash, leak, timeout or sanitizer report; the reproducer and
# the log are kept under <build dir>/fuzz-artifacts/. See docs/fuzzing.md.
#
# usage: tests/fuzz/run-fuzzers.sh [seconds-per-target (default 60)] [target...]
# environment: D4_FUZZ_BUILD_DIR (default build-fuzz), D4_JOBS (default 2),
#              D4_FUZZ_ARGS (extra libFuzzer flags, e.g. "-jobs=2 -workers=2")

set -euo pipefail

seconds=${1:-60}
shift || true
if ! [[ $seconds =~ ^[0-9]+$ ]] || [[ $seconds -eq 0 ]]; then
    echo "usage: $0 [seconds-per-target] [target...]" >&2
    exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${D4_FUZZ_BUILD_DIR:-build-fuzz}
[[ $build = /* ]] || build=$root/$build
jobs=${D4_JOBS:-2}

if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    targets=()
    for source in "$root"/tests/fuzz/fuzz_*.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi

# The project's own code is instrumented too (coverage feedback and sanitizers in d4core, not only
# in the harness); the fuzz targets add -fsanitize=fuzzer themselves.
instrument="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
if [[ ! -f $build/CMakeCache.txt ]]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
        -DD4_BUILD_GUI=OFF -DD4_BUILD_BENCHMARKS=OFF -DD4_BUILD_FUZZERS=ON \
        -DCMAKE_C_FLAGS="$instrument" -DCMAKE_CXX_FLAGS="$instrument"
fi
if ! grep -q '^CMAKE_CXX_COMPILER:.*clang' "$build/CMakeCache.txt"; then
    echo "$build is not a clang build dir; remove it or set D4_FUZZ_BUILD_DIR" >&2
    exit 2
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

# The committed seeds are copied to a scratch corpus (wiped on every run, kept afterwards so new
# inputs can be inspected or minimised); libFuzzer adds what it finds there, never to the source tree.
artifacts=$build/fuzz-artifacts
scratch=$build/fuzz-corpus
mkdir -p "$artifacts" "$scratch"

failed=()
summary=()
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    corpus=$scratch/$name
    rm -rf "$corpus"
    mkdir -p "$corpus"
    if [[ -d $root/tests/fuzz/corpus/$name ]]; then
        cp "$root/tests/fuzz/corpus/$name"/* "$corpus"/
    fi
    log=$artifacts/$target.log
    echo "== $target: ${seconds}s, corpus $(find "$corpus" -type f | wc -l) seeds, log $log"
    stamp=$artifacts/.$target.started
    touch "$stamp"
    set +e
    # shellcheck disable=SC2086  # D4_FUZZ_ARGS is a list of flags
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" ${D4_FUZZ_ARGS:-} "$corpus" > "$log" 2>&1
    rc=$?
    set -e
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{ print $2 }' || true)
    rate=$(grep -m1 'stat::average_exec_per_sec' "$log" | awk '{ print $2 }' || true)
    if [[ $rc -ne 0 ]]; then
        failed+=("$target")
        summary+=("$target: FINDING (exit $rc), reproducer: $(find "$artifacts" -name "$target-*" -newer "$stamp" -print -quit)")
        grep -E 'ERROR|invariant violated|SUMMARY|Test unit written' "$log" | head -n 10 | sed 's/^/    /'
    else
        summary+=("$target: ok, ${execs:-?} execs, ${rate:-?} exec/s, ${done_line:-no DONE line}")
    fi
done

echo
echo "== summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "findings in: ${failed[*]} (reproduce with: <build>/tests/fuzz/<target> <reproducer file>)"
    exit 1
fi
