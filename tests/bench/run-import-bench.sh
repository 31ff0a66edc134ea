#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Import benchmark (docs/import.md): builds a capture of at least SIZE_MB (default 1024) MB under /tmp
# by concatenating the records of test captures (DNS over UDP/TCP/IPv6 and backscatter), each round
# re-timestamped one second later, and a capture of TUPLES (default 1,000,000) DNS responses with
# distinct names (as many passive DNS tuples), then times:
#   bench_import FILE               (ImportJob: read, decode, backscatter + passive DNS; rate, peak RSS)
#   bench_import --gui FILE         (the console's import page, offscreen: the GUI event loop's longest
#   bench_import --gui TUPLES_FILE   pause while importing, showing results and starting the next import)
#   with D4_BENCH_TSHARK=1, on FILE (niced by D4_BENCH_TSHARK_NICE, default 5):
#     tshark -n -M 1000000 -o tcp.analyze_sequence_numbers:FALSE ... --disable-protocol ntp
#            -T fields -e frame.number -e dns.qry.name   (every packet dissected down to DNS,
#            memory bounded by -M)
#   with D4_BENCH_TSHARK=2, also the plain tshark -r FILE -T fields -e frame.number (its memory
#     and time per packet grow with the file: only practical up to a few hundred MB)
# and prints wall time, CPU time, peak RSS (GNU time) and the load average around each run.
# tshark's packets/s and MB/s are computed here; bench_import prints its own. Usage:
#   tests/bench/run-import-bench.sh BUILD_DIR [SIZE_MB [TUPLES]]
set -eu
BUILD_DIR=${1:?usage: run-import-bench.sh BUILD_DIR [SIZE_MB]}
SIZE_MB=${2:-1024}
TUPLES=${3:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data"
FILE=/tmp/d4-import-bench-${SIZE_MB}MB.pcap
if [ ! -s "$FILE" ]; then
    python3 - "$FILE" "$SIZE_MB" "$DATA/pdns/pdns-synthetic.pcap" "$DATA/pdns/dns_tcp.pcap" \
        "$DATA/pdns/dns_udp.pcap" "$DATA/pcap/backscatter-synthetic.pcap" <<'PY'
import struct, sys
out, size_mb, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
records = []  # (relative µs, header tail, data)
header = None
for path in inputs:
    raw = open(path, 'rb').read()
    assert raw[:4] == b'\xd4\xc3\xb2\xa1', path  # little-endian µs pcap
    assert struct.unpack('<I', raw[20:24])[0] == 1, path  # Ethernet
    header = header or raw[:24]
    off, base = 24, None
    while off + 16 <= len(raw):
        sec, usec, incl, orig = struct.unpack('<IIII', raw[off:off + 16])
        t = sec * 1000000 + usec
        base = t if base is None else base
        records.append((t - base, incl, orig, raw[off + 16:off + 16 + incl]))
        off += 16 + incl
records.sort(key=lambda r: r[0])
start = 1700000000 * 1000000
with open(out, 'wb') as f:
    f.write(header)
    written, n, rnd = 24, 0, 0
    while written < size_mb * 1000 * 1000:
        chunk = bytearray()
        for rel, incl, orig, data in records:
            t = start + rnd * 1000000 + rel
            chunk += struct.pack('<IIII', t // 1000000, t % 1000000, incl, orig) + data
            n += 1
        f.write(chunk)
        written += len(chunk)
        rnd += 1
print("wrote", out, written, "bytes", n, "packets")
PY
fi
ls -l "$FILE"
BYTES=$(stat -c %s "$FILE")
loadavg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' /; }
measure() { # name, command...
    name=$1
    shift
    load_before=$(loadavg)
    /usr/bin/time -f "%e %U %S %M" -o /tmp/d4-import-bench.time "$@" >/tmp/d4-import-bench.out 2>/dev/null || true
    read -r secs user sys rss </tmp/d4-import-bench.time
    echo "$name seconds=$secs cpu_user_s=$user cpu_sys_s=$sys peak_rss_kB=$rss load_before=$load_before" \
        "load_after=$(loadavg)"
}
measure bench_import "$BUILD_DIR/tests/bench/bench_import" "$FILE"
cat /tmp/d4-import-bench.out

TUPLES_FILE=/tmp/d4-import-bench-tuples-${TUPLES}.pcap
if [ ! -s "$TUPLES_FILE" ]; then
    python3 - "$TUPLES_FILE" "$TUPLES" <<'PY'
import struct, sys
out, count = sys.argv[1], int(sys.argv[2])
eth = bytes.fromhex('020000000001020000000002') + b'\x08\x00'
def checksum(header):
    s = sum(struct.unpack('!10H', header))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff
with open(out, 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    buf = bytearray()
    for i in range(count):
        name = b''.join(bytes([len(p)]) + p for p in (b'host%d' % i, b'example', b'com')) + b'\0'
        dns = struct.pack('!HHHHHH', i & 0xffff, 0x8180, 1, 1, 0, 0) + name + struct.pack('!HH', 1, 1) + \
            b'\xc0\x0c' + struct.pack('!HHIHI', 1, 1, 300, 4, 0x0a000000 + i)
        udp = struct.pack('!HHHH', 53, 40000 + i % 20000, 8 + len(dns), 0) + dns
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), i & 0xffff, 0, 64, 17, 0,
                         bytes([198, 51, 100, 53]), bytes([192, 0, 2, 10]))
        ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
        frame = eth + ip + udp
        t = 1700000000 * 1000000 + i * 10
        buf += struct.pack('<IIII', t // 1000000, t % 1000000, len(frame), len(frame)) + frame
        if len(buf) > 1 << 22:
            f.write(buf)
            buf = bytearray()
    f.write(buf)
print("wrote", out, count, "DNS responses")
PY
fi
ls -l "$TUPLES_FILE"
# Offscreen unless a display is there: the figures are the event loop's, not the painting's.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for capture in "$FILE" "$TUPLES_FILE"; do
    measure bench_import_gui "$BUILD_DIR/tests/bench/bench_import" --gui "$capture"
    cat /tmp/d4-import-bench.out
done
tshark_rates() { # name: packets/s and MB/s over wall and over CPU time, from the last measure
    read -r secs user sys rss </tmp/d4-import-bench.time
    awk -F'\t' -v name="$1" -v bytes="$BYTES" -v secs="$secs" -v user="$user" -v sys="$sys" '
        NF > 1 && $2 != "" { names++ }
        END { cpu = user + sys; packets = NR # one line per packet; -M restarts frame.number
              printf "%s packets %d dns_qry_name_lines %d bytes %d packets_per_s %.0f MB_per_s %.2f" \
                     " cpu_s %.2f packets_per_cpu_s %.0f\n", name, packets, names, bytes, packets / secs,
                     bytes / secs / 1e6, cpu, packets / cpu }' /tmp/d4-import-bench.out
}
if [ "${D4_BENCH_TSHARK:-0}" != 0 ] && command -v tshark >/dev/null; then
    # Does less than the import (fair to tshark): no name resolution (-n), no TCP sequence analysis
    # or relative sequence numbers or TCP timestamps (the import does none of these; with the
    # analysis on, the repeated rounds' DNS-over-TCP segments count as retransmissions and their DNS
    # is not dissected at all), and its session (conversations, per-packet state) reset every
    # million packets (-M), which bounds its memory; no NTP (the capture's ICMP errors quote NTP
    # packets, which the import does not decode). It still reads every packet, dissects
    # Ethernet/VLAN/IPv4/IPv6/ICMP/UDP/TCP (with reassembly) and DNS, and prints each DNS name.
    NICE=${D4_BENCH_TSHARK_NICE:-5}
    measure tshark_dns nice -n "$NICE" tshark -n -M 1000000 -o tcp.analyze_sequence_numbers:FALSE \
        -o tcp.relative_sequence_numbers:FALSE -o tcp.calculate_timestamps:FALSE \
        --disable-protocol ntp -r "$FILE" -T fields -e frame.number -e dns.qry.name
    tshark_rates tshark_dns
    if [ "${D4_BENCH_TSHARK}" = 2 ]; then
        measure tshark_plain nice -n "$NICE" tshark -r "$FILE" -T fields -e frame.number
        tshark_rates tshark_plain
    fi
fi
