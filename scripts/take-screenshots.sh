#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Screenshots of every page of the real d4-console, as an analyst sees it while sensors stream.
#
# Nothing here is staged inside the program: d4-console runs unchanged on an Xvfb display with its
# embedded server and managed redis-server; real d4-sensor processes stream over TLS (a DNS
# capture replayed in a loop and the backscatter capture of tests/data as type 1, the passivedns logs of
# tests/data as type 8, log lines as type 3); pages are reached with the console's own Ctrl+N
# shortcuts (xdotool) and the screen is grabbed with ImageMagick's import. A capture from tests/data
# and DNS captures from tests/data are passed on the command line, so the Import page shows a finished
# import.
#
# usage: scripts/take-screenshots.sh [OUTPUT_DIR]      (default docs/screenshots)
# environment: D4_BUILD_DIR (default build), D4_SCREENSHOT_SECONDS (streaming before the first grab,
# default 75), D4_SCREENSHOT_SIZE (default 1280x860). Needs: Xvfb, xdotool, imagemagick, tcpdump
# (scripts/install-screenshot-deps.sh), run as root for the loopback capture.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-docs/screenshots}"
build="${D4_BUILD_DIR:-build}"
warm="${D4_SCREENSHOT_SECONDS:-75}"
size="${D4_SCREENSHOT_SIZE:-1280x860}"
for tool in Xvfb xdotool import redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "take-screenshots: $tool is missing (scripts/install-screenshot-deps.sh)" >&2; exit 2; }
done
for program in d4-console d4-sensor; do
  [ -x "$build/app/$program" ] || { echo "take-screenshots: $build/app/$program is not built" >&2; exit 2; }
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

work="$(mktemp -d)"
pids=()
# A background pipeline is a subshell with children of its own (tcpdump, d4-sensor): end them all.
kill_tree() {
  local child
  for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  for pid in "${pids[@]}"; do kill_tree "$pid"; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
lookup_port="$(free_port)"
key="private key to change"
new_uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
resolver_a="$(new_uuid)"
resolver_b="$(new_uuid)"
partner_uuid="$(new_uuid)"

cat >"$work/server.conf" <<EOF
[D4_Server]
server_port = $port
server_mode = shared-secret
default_hmac_key = $key
listen_address = 127.0.0.1
data_directory = $work/data
rotation_interval = 60

[Lookup_Server]
port = $lookup_port

; The Sharing page needs a rule: resolvers a and b go to a "partner", which is this same server.
[Forward:cert-partner]
type = 8
sensors = $resolver_a, $resolver_b
partner = 127.0.0.1:$port
partner_uuid = $partner_uuid
partner_key = $key
partner_insecure = yes
drop_zones = internal.example
client_fields = pseudonymise
pseudonym_key = a pseudonym key for the screenshots only
EOF

# A private display and a private settings directory: the run touches nothing of the user's.
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY="$display" XDG_CONFIG_HOME="$work/config" HOME="$work/home"
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

"$build/app/d4-console" --config "$work/server.conf" tests/data/pcap/backscatter-synthetic.pcap \
  tests/data/pdns/dns_udp.pcap tests/data/pdns/dns_tcp.pcap tests/data/pdns/pdns-synthetic.pcap \
  >"$work/console.log" 2>&1 &
pids+=($!)
console_pid=$!
socket=""
for _ in $(seq 100); do
  socket="$(find "$work/data" -name redis.sock 2>/dev/null | head -n1 || true)"
  [ -n "$socket" ] && python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.2
done
[ -n "$socket" ] || { echo "take-screenshots: the console did not start:" >&2; cat "$work/console.log" >&2; exit 1; }
meta() { redis-cli -s "$socket" -n 0 "$@" >/dev/null; }
meta SADD server:accepted_type 3
# Two analyzer queues with d4-core's keys (spec §3.3), one of them read by a consumer.
queue() { # TYPE DESCRIPTION MAX_SIZE, its UUID on stdout
  local uuid
  uuid="$(new_uuid)"
  meta SADD "analyzer:$1" "$uuid"
  meta HSET "analyzer:$uuid" type "$1" description "$2" max_size "$3"
  meta SADD all_analyzer_queues "$uuid"
  meta SADD all:analyzer:format_type "$1"
  meta SADD "all:analyzer:by:format_type:$1" "$uuid"
  echo "$uuid"
}
pdns_queue="$(queue 8 "analyzer-d4-passivedns" 100000)"
queue 1 "pcap files for the IDS" 1000 >/dev/null
(while :; do redis-cli -s "$socket" -n 2 RPOP "analyzer:8:$pdns_queue" 40 >/dev/null; sleep 0.1; done) &
pids+=($!)

# sensor NAME TYPE DESCRIPTION [UUID]: a configuration directory for d4-sensor, its path on stdout.
sensor() {
  local dir="$work/sensors/$1" uuid="${4:-$(new_uuid)}"
  mkdir -p "$dir"
  printf '%s\n' "$uuid" >"$dir/uuid"
  printf '%s' "$key" >"$dir/key"
  printf '%s\n' "$2" >"$dir/type"
  printf '127.0.0.1:%s\n' "$port" >"$dir/destination"
  meta HSET "metadata_uuid:${uuid//-/}" description "$3"
  echo "$dir"
}
run_sensor() { # DIR, reading stdin
  "$build/app/d4-sensor" -c "$1" --insecure >"$1/log" 2>&1
}

# Type 1: a DNS capture replayed in a loop as one pcap stream (the global header once, then the
# records again and again). Not a live capture of lo: that would capture the sensors' own traffic.
dns_dir="$(sensor dns-tap 1 "DNS tap, resolver VLAN")"
( (cat tests/data/pcap/pdns-synthetic.pcap
  while :; do tail -c +25 tests/data/pcap/pdns-synthetic.pcap; sleep 0.2; done) | run_sensor "$dns_dir") &
pids+=($!)
# Type 1: backscatter seen by a telescope, then the session stays open.
bs_dir="$(sensor telescope 1 "network telescope /24")"
( (cat tests/data/pcap/backscatter-synthetic.pcap; sleep 3600) | run_sensor "$bs_dir") &
pids+=($!)
# Type 8: passivedns lines, in bursts, from three resolvers.
meta HSET "metadata_uuid:${partner_uuid//-/}" description "what the Sharing rule forwards"
for name in resolver-a resolver-b resolver-c; do
  case "$name" in
    resolver-a) uuid="$resolver_a" ;;
    resolver-b) uuid="$resolver_b" ;;
    *) uuid="$(new_uuid)" ;;
  esac
  dir="$(sensor "$name" 8 "passivedns on $name" "$uuid")"
  (while :; do cat tests/data/pdns/passivedns-synth-*.log tests/data/pdns/passivedns-tcpdump-*.log; sleep 0.$((RANDOM % 9 + 1)); done | run_sensor "$dir") &
  pids+=($!)
done
# Type 3: log lines at a steady pace.
log_dir="$(sensor syslog 3 "syslog relay, DMZ")"
(i=0; while :; do i=$((i + 1)); printf '%s gateway sshd[%d]: Connection closed by 192.0.2.%d port %d\n' \
  "$(date '+%b %d %H:%M:%S')" "$i" $((i % 250)) $((40000 + i % 20000)); sleep 0.01; done | run_sensor "$log_dir") &
pids+=($!)

echo "take-screenshots: console on $display, sensors streaming to port $port; waiting ${warm}s"
sleep "$warm"

window="$(xdotool search --sync --pid "$console_pid" --name "D4 Console" | head -n1)"
xdotool windowsize "$window" "${size%x*}" "${size#*x}" windowmove "$window" 0 0 windowfocus --sync "$window"
grab() { # SHORTCUT_DIGIT FILE
  xdotool key --window "$window" "ctrl+$1"
  sleep 3
  import -window root -crop "${size}+0+0" "$out/$2"
  echo "take-screenshots: $out/$2"
}
# click X Y: a left click at window coordinates (the layout of a SIZE window).
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; }
grab 1 dashboard.png
grab 2 sensors.png
# The Sensors page opens a sensor when its UUID is entered in the search box.
click 660 38
xdotool type --delay 5 "$(cat "$dns_dir/uuid")"
xdotool key Return
sleep 1
grab 3 sensor.png
xdotool key --window "$window" "ctrl+4"
sleep 1
click 860 67 # the Analyzer queues tab
grab 4 server.png
grab 5 log.png
xdotool key --window "$window" "ctrl+6"
sleep 1
click 570 214
xdotool type --delay 5 "*.example.com"
xdotool key Return
grab 6 dns.png
xdotool key --window "$window" "ctrl+7"
sleep 1
click 330 282 # the first attack: its packets per slide below
grab 7 backscatter.png
grab 8 forward.png
grab 9 import.png
