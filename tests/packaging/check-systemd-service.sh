#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Starts the INSTALLED d4-server.service under a real systemd and checks what only systemd can show:
# the unit is not enabled by the package, `systemctl start` brings it up as the d4-server user with
# its sandbox applied, StateDirectory works, journald gets the certificate fingerprint, the TLS port
# answers with that certificate, Restart=on-failure restarts a killed server, and `systemctl stop`
# ends it with status 0 and no redis-server left behind.
#
# Build and CI machines do not run systemd as PID 1, so this boots one: systemd becomes PID 1 of a
# private PID and mount namespace that sees the host's file system (where the package is installed)
# but has its own tmpfs on /run, /tmp and /var/tmp, so tmpfiles clean-ups stay inside. Units that
# would act on the host (the distribution's redis-server, timers, tmpfiles) are masked in that /run.
# Root only; called by check-package.sh --install between installation and purge.
#
# Usage: tests/packaging/check-systemd-service.sh      (exit status = number of failed checks)
# shellcheck disable=SC2015  # `check && pass || fail`: pass only echoes, it cannot fail
set -euo pipefail

failures=0
fail() { echo "check-systemd-service: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "check-systemd-service: ok: $*"; }

[ "$(id -u)" -eq 0 ] || { echo "check-systemd-service: needs root" >&2; exit 2; }
for tool in unshare nsenter openssl ss; do
  command -v "$tool" >/dev/null || { echo "check-systemd-service: $tool is missing" >&2; exit 2; }
done
[ -x /lib/systemd/systemd ] || { echo "check-systemd-service: systemd is not installed" >&2; exit 2; }
[ -f /lib/systemd/system/d4-server.service ] || [ -f /usr/lib/systemd/system/d4-server.service ] \
  || { echo "check-systemd-service: the d4-console package is not installed" >&2; exit 2; }
port=$(sed -n 's/^server_port *= *\([0-9]*\).*/\1/p' /etc/d4-server/server.conf | head -n 1)
port=${port:-4443}
if ss -Hltn "sport = :$port" | grep -q .; then
  echo "check-systemd-service: port $port is already in use on this machine" >&2
  exit 2
fi

masked=(systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service systemd-tmpfiles-clean.timer
  systemd-tmpfiles-clean.service redis-server.service redis.service postgresql.service
  apt-daily.timer apt-daily-upgrade.timer man-db.timer e2scrub_all.timer e2scrub_reap.service
  systemd-remount-fs.service systemd-random-seed.service getty.target console-getty.service)
boot=$(mktemp)
log=$(mktemp)
cat >"$boot" <<EOF
set -e
for dir in /run /tmp /var/tmp; do mount -t tmpfs -o mode=1777 tmpfs "\$dir"; done
chmod 0755 /run
mkdir -p /run/systemd/system
for unit in ${masked[*]}; do ln -s /dev/null "/run/systemd/system/\$unit"; done
exec env container=d4-package-test /lib/systemd/systemd --system --unit=multi-user.target
EOF
# --kill-child: when this script's unshare goes, systemd (PID 1) goes, and with it every process of
# the namespace.
setsid unshare --fork --pid --mount --mount-proc --propagation private --kill-child=SIGKILL \
  bash "$boot" >"$log" 2>&1 &
unshare_pid=$!
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  kill -KILL "$unshare_pid" 2>/dev/null || true
  wait "$unshare_pid" 2>/dev/null || true
  rm -f "$boot" "$log"
}
trap cleanup EXIT

systemd_pid=
for _ in $(seq 1 50); do
  systemd_pid=$(pgrep -P "$unshare_pid" -x systemd || true)
  [ -n "$systemd_pid" ] && break
  sleep 0.1
done
[ -n "$systemd_pid" ] || { cat "$log" >&2; echo "check-systemd-service: systemd did not start" >&2; exit 1; }
inside() { nsenter --target "$systemd_pid" --mount --pid -- "$@"; }

state=
for _ in $(seq 1 120); do
  state=$(inside systemctl is-system-running 2>/dev/null || true)
  case $state in running | degraded) break ;; esac
  sleep 0.5
done
case $state in
  running) pass "systemd $(inside systemctl --version | head -n 1 | cut -d' ' -f2) booted in a private namespace" ;;
  degraded) pass "systemd booted (degraded: $(inside systemctl list-units --failed --plain --no-legend | cut -d' ' -f1 | tr '\n' ' '))" ;;
  *) cat "$log" >&2; echo "check-systemd-service: systemd did not finish booting ($state)" >&2; exit 1 ;;
esac

enabled=$(inside systemctl is-enabled d4-server.service 2>/dev/null || true)
[ "$enabled" = disabled ] && pass "the package left d4-server.service disabled" \
  || fail "d4-server.service is '$enabled' after installation (it must stay disabled until configured)"
[ "$(inside systemctl is-active d4-server.service 2>/dev/null || true)" = inactive ] \
  || fail "d4-server.service runs before anyone started it"

inside systemctl start d4-server.service && pass "systemctl start d4-server" || fail "systemctl start d4-server"
listening=no
for _ in $(seq 1 100); do
  if ss -Hltn "sport = :$port" | grep -q .; then listening=yes; break; fi
  sleep 0.1
done
[ "$listening" = yes ] && pass "d4-server listens on port $port" || fail "nothing listens on port $port"

main_pid=$(inside systemctl show -p MainPID --value d4-server.service)
host_pid() { # the host's PID of a process of the namespace, by its namespace PID
  local pid
  for pid in $(pgrep -x "$1"); do
    if [ "$(awk '/^NSpid:/ { print $NF }' "/proc/$pid/status")" = "$2" ]; then echo "$pid"; return; fi
  done
}
server_pid=$(host_pid d4-server "$main_pid")
if [ -n "$server_pid" ]; then
  [ "$(stat -c %U "/proc/$server_pid")" = d4-server ] && pass "runs as user d4-server" \
    || fail "runs as $(stat -c %U "/proc/$server_pid")"
  [ "$(awk '/^NoNewPrivs:/ { print $2 }' "/proc/$server_pid/status")" = 1 ] && pass "NoNewPrivileges is in force" \
    || fail "NoNewPrivs is not set"
  [ "$(awk '/^CapEff:/ { print $2 }' "/proc/$server_pid/status")" = 0000000000000000 ] \
    && pass "no effective capabilities" || fail "has capabilities"
  [ "$(awk '/^Seccomp:/ { print $2 }' "/proc/$server_pid/status")" = 2 ] && pass "a system-call filter is in force" \
    || fail "no seccomp filter"
  # Write probes inside the server's own mount namespace (as root, so only the mount flags refuse).
  in_server_mounts() { nsenter --target "$server_pid" --mount -- "$@"; }
  if in_server_mounts touch /usr/.d4-write-probe 2>/dev/null; then
    in_server_mounts rm -f /usr/.d4-write-probe
    fail "/usr is writable in the server's mount namespace"
  else
    pass "ProtectSystem=strict: /usr is read-only for it"
  fi
  if in_server_mounts touch /etc/.d4-write-probe 2>/dev/null; then
    in_server_mounts rm -f /etc/.d4-write-probe
    fail "/etc is writable in the server's mount namespace"
  else
    pass "ProtectSystem=strict: /etc is read-only for it"
  fi
  in_server_mounts touch /var/lib/d4-server/.d4-write-probe && in_server_mounts rm /var/lib/d4-server/.d4-write-probe \
    && pass "StateDirectory /var/lib/d4-server is writable for it" || fail "StateDirectory is not writable"
else
  fail "could not find d4-server's process (MainPID $main_pid)"
fi
[ -S /var/lib/d4-server/redis/redis.sock ] && [ "$(stat -c '%U %a' /var/lib/d4-server/redis/redis.sock)" = "d4-server 700" ] \
  && pass "its managed redis-server's socket is owner-only" \
  || fail "managed redis socket: $(stat -c '%U %a' /var/lib/d4-server/redis/redis.sock 2>&1)"

journal_fingerprint=
for _ in $(seq 1 30); do
  journal_fingerprint=$(inside journalctl -u d4-server.service -b --no-pager -o cat 2>/dev/null \
    | sed -n 's/.*SHA-256 fingerprint \([0-9A-F:]*\).*/\1/p' | tail -n 1)
  [ -n "$journal_fingerprint" ] && break
  sleep 0.2
done
tls_fingerprint=$(openssl s_client -connect "127.0.0.1:$port" -tls1_2 </dev/null 2>/dev/null \
  | openssl x509 -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//')
if [ -n "$journal_fingerprint" ] && [ "$journal_fingerprint" = "$tls_fingerprint" ]; then
  pass "the journal's certificate fingerprint is the one the TLS port presents"
else
  fail "fingerprint in the journal '$journal_fingerprint', on the port '$tls_fingerprint'"
fi

# Restart=on-failure: a server killed by a signal comes back (RestartSec=5s).
kill -KILL "$server_pid" 2>/dev/null || true
restarted=no
for _ in $(seq 1 150); do
  new_pid=$(inside systemctl show -p MainPID --value d4-server.service)
  if [ "$new_pid" != 0 ] && [ "$new_pid" != "$main_pid" ] && ss -Hltn "sport = :$port" | grep -q .; then
    restarted=yes
    break
  fi
  sleep 0.1
done
[ "$restarted" = yes ] && pass "Restart=on-failure brought a killed d4-server back" \
  || fail "d4-server was not restarted after SIGKILL"

stop_start=$(date +%s%N)
inside systemctl stop d4-server.service && pass "systemctl stop d4-server" || fail "systemctl stop"
stop_ms=$((($(date +%s%N) - stop_start) / 1000000))
result=$(inside systemctl show -p Result --value d4-server.service)
status=$(inside systemctl show -p ExecMainStatus --value d4-server.service)
[ "$result" = success ] && [ "$status" = 0 ] && pass "stopped in ${stop_ms} ms with Result=success, status 0" \
  || fail "stop: Result=$result ExecMainStatus=$status"
[ -z "$(inside pgrep -x redis-server || true)" ] && pass "no redis-server left running" \
  || fail "redis-server still runs after the stop"

echo "check-systemd-service: $failures failure(s)"
exit "$failures"
