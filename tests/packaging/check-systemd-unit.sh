#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# What can be checked of d4-server.service without systemd as PID 1 (containers, CI):
#   1. `systemd-analyze verify` accepts the unit (syntax, known options, ExecStart executable);
#   2. the hardening options are present (User=, NoNewPrivileges=, ProtectSystem=, PrivateTmp=, …);
#   3. d4-server, started with the unit's ExecStart arguments and the packaged sample server.conf
#      (plus --port 0 and a temporary data directory instead of /var/lib/d4-server), prints
#      "listening on port N", and exits with status 0 on SIGTERM (what `systemctl stop` sends,
#      KillMode=mixed), leaving no managed redis-server behind.
# Not checked: a real `systemctl start` (needs a running systemd), the sandbox itself (User=,
# ProtectSystem=… are applied by systemd only), journald output.
# Used by the ctest `packaging_systemd_unit` on the source tree and by check-package.sh on the
# unpacked .deb.
# Usage: check-systemd-unit.sh UNIT_FILE D4_SERVER_BINARY SAMPLE_SERVER_CONF
# shellcheck disable=SC2015  # `check && pass || fail`: pass only echoes, it cannot fail
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 UNIT_FILE D4_SERVER_BINARY SAMPLE_SERVER_CONF" >&2; exit 2; }
unit=$1
server=$2
sample=$3
for f in "$unit" "$server" "$sample"; do
  [ -e "$f" ] || { echo "check-systemd-unit: $f does not exist" >&2; exit 2; }
done
failures=0
fail() { echo "check-systemd-unit: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "check-systemd-unit: ok: $*"; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The unit's ExecStart, split into words (it has no quoting).
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
[ "$(grep -c '^ExecStart=' "$unit")" -eq 1 ] || fail "the unit has not exactly one ExecStart="
read -r -a words <<<"$exec_start"
[ "${words[0]:-}" = /usr/bin/d4-server ] && pass "ExecStart runs /usr/bin/d4-server" || fail "ExecStart is '$exec_start'"

# 1. systemd-analyze verify, on a copy whose ExecStart names the binary under test (verify checks
#    that the program exists and is executable).
if command -v systemd-analyze >/dev/null; then
  sed "s|^ExecStart=/usr/bin/d4-server|ExecStart=$(realpath "$server")|" "$unit" >"$work/d4-server.service"
  if out=$(systemd-analyze verify --man=no "$work/d4-server.service" 2>&1) && [ -z "$out" ]; then
    pass "systemd-analyze verify d4-server.service"
  else
    fail "systemd-analyze verify: $out"
  fi
else
  fail "systemd-analyze is missing (run scripts/install-deps.sh)"
fi

# 2. Hardening: each option with the value the documentation promises.
before=$failures
for option in User=d4-server Group=d4-server NoNewPrivileges=yes 'CapabilityBoundingSet=$' 'AmbientCapabilities=$' \
  ProtectSystem=strict ProtectHome=yes PrivateTmp=yes PrivateDevices=yes PrivateUsers=yes ProtectKernelTunables=yes \
  ProtectKernelModules=yes ProtectKernelLogs=yes ProtectControlGroups=yes ProtectClock=yes ProtectHostname=yes \
  'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6$' RestrictNamespaces=yes RestrictSUIDSGID=yes LockPersonality=yes \
  SystemCallFilter=@system-service 'SystemCallFilter=~@privileged' StateDirectory=d4-server UMask=0027 \
  KillMode=mixed TimeoutStopSec=; do
  grep -qE "^$option" "$unit" || fail "the unit lacks ${option%\$}"
done
[ "$failures" -eq "$before" ] && pass "hardening options present (User, NoNewPrivileges, empty capability sets, ProtectSystem=strict, PrivateTmp, …)"

# 3. d4-server as ExecStart starts it, with the sample configuration, a free port and a temporary
#    data directory instead of the paths that exist only on an installed system.
args=()
for ((i = 1; i < ${#words[@]}; i++)); do
  case "${words[i]}" in
    /etc/d4-server/server.conf) args+=("$sample") ;;
    /var/lib/d4-server) args+=("$work/data") ;;
    *) args+=("${words[i]}") ;;
  esac
done
args+=(--port 0)
mkdir -p "$work/data"
"$server" "${args[@]}" >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  grep -qE 'listening on port [0-9]+' "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if grep -qE 'listening on port [1-9][0-9]*' "$work/server.out"; then
  pass "d4-server ${args[*]/#$work/<tmp>}: $(grep -oE 'listening on port [0-9]+' "$work/server.out")"
  redis_pids=$(pgrep -P "$server_pid" redis-server || true)
  kill -TERM "$server_pid"
  status=0
  wait "$server_pid" || status=$?
  server_pid=""
  [ "$status" -eq 0 ] && pass "exit status 0 on SIGTERM" || fail "d4-server exited with $status on SIGTERM: $(tail -5 "$work/server.out")"
  for pid in $redis_pids; do
    kill -0 "$pid" 2>/dev/null && fail "the managed redis-server ($pid) is still running after the stop"
  done
  [ -n "$redis_pids" ] && pass "the managed redis-server stopped with it" || true
else
  fail "d4-server did not start with $sample: $(tail -5 "$work/server.out")"
fi

echo "check-systemd-unit: $failures failure(s)"
[ "$failures" -eq 0 ]
