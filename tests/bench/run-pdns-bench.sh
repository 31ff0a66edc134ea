#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# SPDX-FileCopyrightText: D4 Console contributors
#
# The passive DNS benchmark (docs/passive-dns.md): bench_pdns against a private redis-server on a
# unix socket (no persistence), so nothing else shares it.
#   tests/bench/run-pdns-bench.sh [--tuples N] [--queries Q]
# environment: D4_BUILD_DIR (default build), D4_JOBS (default 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${D4_BUILD_DIR:-build}"
[[ "$build" = /* ]] || build="$root/$build"
cmake --build "$build" -j"${D4_JOBS:-2}" --target bench_pdns >/dev/null
tmp="$(mktemp -d)"
trap 'redis-cli -s "$tmp/redis.sock" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
redis-server --port 0 --unixsocket "$tmp/redis.sock" --save '' --appendonly no --dir "$tmp" \
    --daemonize yes --logfile "$tmp/redis.log" >/dev/null
for _ in $(seq 50); do redis-cli -s "$tmp/redis.sock" ping >/dev/null 2>&1 && break; sleep 0.1; done
echo "== $(redis-server --version | cut -d' ' -f1-3), unix socket, no persistence; $(nproc) cores"
"$build/tests/bench/bench_pdns" --socket "$tmp/redis.sock" --db 3 "$@"
