#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# Runs the test suite under sanitizers (docs/fuzzing.md, "Sanitizers"):
#   asan  AddressSanitizer + UndefinedBehaviorSanitizer, the whole suite (build-asan), fuzz corpora
#         replayed too; the benchmarks are left out (their smoke tests only run the same core code);
#   tsan  ThreadSanitizer, the ingest, worker and analyzer tests, the multi-threaded parts (build-tsan);
#   unit  ASan + UBSan on a subset that fits the CI budget (scripts/run-tests.sh runs it): no GUI, only
#         the unit tests and the fuzz corpus replays (ctest -L unit) and what they need (build-asan-unit).
#         Not part of "all": "asan" runs the same tests and more.
# Any sanitizer report fails the test that triggered it (halt_on_error / exitcode), so the script
# exits non-zero. Extra arguments go to ctest (e.g. -R tst_ingest).
#
# usage: scripts/run-sanitizers.sh [asan|tsan|all|unit] [ctest arguments...]
# environment: D4_JOBS (build jobs, default: number of cores), D4_TEST_JOBS (ctest -j, default
# D4_JOBS), D4_ASAN_BUILD_DIR (default build-asan), D4_TSAN_BUILD_DIR (default build-tsan),
# D4_ASAN_UNIT_BUILD_DIR (default build-asan-unit).
# ctest timeouts are 3x the normal ones in these builds (D4_TEST_TIMEOUT_SCALE, tests/CMakeLists.txt).

set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
shift || true
jobs=${D4_JOBS:-$(nproc)}
test_jobs=${D4_TEST_JOBS:-$jobs}
status=0

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}
# die_after_fork=0: the tests start redis-server and d4-server with QProcess from a multi-threaded
# process; TSan would otherwise kill the child between fork() and exec().
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$PWD/tests/sanitizers/tsan.supp}

run() { # build dir, cmake options, ctest label ("" = every test), ctest arguments
    local build=$1 options=$2 label=$3
    shift 3
    echo "== configuring $build ($options)"
    # shellcheck disable=SC2086
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DD4_BUILD_TESTS=ON \
        -DD4_BUILD_BENCHMARKS=OFF $options > /dev/null
    # With a label only the programs of those tests are built (a ctest name is its target's name;
    # format_check has no target).
    local targets=()
    if [ -n "$label" ]; then
        mapfile -t targets < <(cd "$build" && ctest -N -L "$label" -E '^format_check$' |
            awk '/Test +#[0-9]+:/ {print $3}')
        set -- -L "$label" "$@"
    fi
    echo "== building $build${label:+ (the programs of the $label tests)}"
    SECONDS=0
    cmake --build "$build" -j "$jobs" ${targets[@]+--target "${targets[@]}"}
    echo "== built $build in $((SECONDS / 60)) min $((SECONDS % 60)) s"
    echo "== testing $build"
    SECONDS=0
    if ! (cd "$build" && ctest --output-on-failure -j "$test_jobs" "$@"); then
        status=1
    fi
    echo "== tested $build in $((SECONDS / 60)) min $((SECONDS % 60)) s"
}

case $which in
    # The fuzz targets stay on in the ASan build: with gcc they replay their seed corpora through the
    # sanitized parsers. format_check is left out: it checks the sources, not the build.
    asan|all) run "${D4_ASAN_BUILD_DIR:-build-asan}" "-DD4_ENABLE_ASAN=ON -DD4_ENABLE_UBSAN=ON -DD4_BUILD_FUZZERS=ON" \
                  "" -E format_check "$@" ;;&
    tsan|all) run "${D4_TSAN_BUILD_DIR:-build-tsan}" "-DD4_ENABLE_TSAN=ON -DD4_BUILD_GUI=OFF -DD4_BUILD_FUZZERS=OFF" \
                  "" -R "tst_(ingest|worker|filefinisher|scaleout|security|pdns|backscatter|capture|forward)" "$@" ;;
    unit) run "${D4_ASAN_UNIT_BUILD_DIR:-build-asan-unit}" \
              "-DD4_ENABLE_ASAN=ON -DD4_ENABLE_UBSAN=ON -DD4_BUILD_FUZZERS=ON -DD4_BUILD_GUI=OFF" \
              unit -E format_check "$@" ;;
    asan|tsan|all) ;;
    *) echo "usage: $0 [asan|tsan|all|unit] [ctest arguments...]" >&2; exit 2 ;;
esac
exit $status
