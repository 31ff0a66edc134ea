#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# Runs the test suite under sanitizers (docs/fuzzing.md, "Sanitizers"):
#   asan  AddressSanitizer + UndefinedBehaviorSanitizer, the whole suite (build-asan);
#   tsan  ThreadSanitizer, the ingest, worker and analyzer tests, the multi-threaded parts (build-tsan).
# Any sanitizer report fails the test that triggered it (halt_on_error / exitcode), so the script
# exits non-zero. Extra arguments go to ctest (e.g. -R tst_ingest).
#
# usage: scripts/run-sanitizers.sh [asan|tsan|all] [ctest arguments...]
# environment: D4_JOBS (default: number of cores)

set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
shift || true
jobs=${D4_JOBS:-$(nproc)}
status=0

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}
# die_after_fork=0: the tests start redis-server and d4-server with QProcess from a multi-threaded
# process; TSan would otherwise kill the child between fork() and exec().
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$PWD/tests/sanitizers/tsan.supp}

run() { # build dir, cmake options, ctest arguments
    local build=$1 options=$2
    shift 2
    echo "== configuring $build ($options)"
    # shellcheck disable=SC2086
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DD4_BUILD_BENCHMARKS=OFF \
        -DD4_BUILD_FUZZERS=OFF $options > /dev/null
    echo "== building $build"
    cmake --build "$build" -j "$jobs"
    echo "== testing $build"
    if ! (cd "$build" && ctest --output-on-failure "$@"); then
        status=1
    fi
}

case $which in
    asan|all) run build-asan "-DD4_ENABLE_ASAN=ON -DD4_ENABLE_UBSAN=ON" -E format_check "$@" ;;&
    tsan|all) run build-tsan "-DD4_ENABLE_TSAN=ON -DD4_BUILD_GUI=OFF" \
                  -R "tst_(ingest|worker|scaleout|security|pdns|backscatter|capture|forward)" "$@" ;;
    asan|tsan|all) ;;
    *) echo "usage: $0 [asan|tsan|all] [ctest arguments...]" >&2; exit 2 ;;
esac
exit $status
