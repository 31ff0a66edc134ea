#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
# Writes backscatter-synthetic.pcap: a small, fully synthetic telescope view (RFC 5737 addresses)
# whose attacks are known by construction. Classic pcap, little-endian, microseconds, Ethernet.
#   A  198.51.100.10 TCP: 240 SYN/ACK from port 80 every 0.5 s + 30 RST/ACK from port 443 every 4 s
#      to spoofed 203.0.113.0/24 addresses -> an attack (270 packets, 119.5 s)
#   B  198.51.100.20 TCP: 20 RST every 5 s -> below 25 packets, no attack
#   C  192.0.2.30 UDP: 90 ICMP port unreachable (from router 192.0.2.1, in VLAN 100) quoting UDP
#      203.0.113.x:5300x -> 192.0.2.30:123, one per second -> an attack filed under UDP
#   D  192.0.2.99: 15 SYN+ECE+CWR requests + 1 stateless-scanner SYN (seq == destination)
#   E  198.51.100.30 TCP: 40 SYN/ACK within 4 s -> shorter than 60 s, no attack
import struct
import sys

T0 = 1700000000


def ip2b(a):
    return bytes(int(x) for x in a.split('.'))


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ipv4(src, dst, proto, payload, ident=1):
    header = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, 0, 64, proto, 0, ip2b(src), ip2b(dst))
    header = header[:10] + struct.pack('!H', csum(header)) + header[12:]
    return header + payload


def tcp(sport, dport, seq, ack, flags):
    return struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)


def udp(sport, dport, payload=b''):
    return struct.pack('!HHHH', sport, dport, 8 + len(payload), 0) + payload


def icmp(type_, code, quoted):
    body = struct.pack('!BBHI', type_, code, 0, 0) + quoted
    return body[:2] + struct.pack('!H', csum(body)) + body[4:]


def ether(ip, vlan=None):
    macs = bytes.fromhex('020000000001') + bytes.fromhex('020000000002')
    if vlan is not None:
        return macs + struct.pack('!HHH', 0x8100, vlan, 0x0800) + ip
    return macs + struct.pack('!H', 0x0800) + ip


packets = []  # (time in µs, frame)


def add(seconds, frame):
    packets.append((int(round(seconds * 1e6)), frame))


for i in range(240):
    dst = '203.0.113.%d' % ((i * 37) % 256)
    add(T0 + i * 0.5, ether(ipv4('198.51.100.10', dst, 6, tcp(80, 1024 + (i * 7919) % 60000, 1000 + i, 5000 + i, 0x12))))
for i in range(30):
    dst = '203.0.113.%d' % ((i * 11 + 3) % 256)
    add(T0 + 0.25 + i * 4, ether(ipv4('198.51.100.10', dst, 6, tcp(443, 2000 + i, 0, 7000 + i, 0x14))))
for i in range(20):
    add(T0 + 1.1 + i * 5, ether(ipv4('198.51.100.20', '203.0.113.200', 6, tcp(22, 3000 + i, 0, 0, 0x04))))
for i in range(90):
    spoofed = '203.0.113.%d' % ((i * 13) % 256)
    quoted = ipv4(spoofed, '192.0.2.30', 17, udp(53000 + i, 123, b'\x17\x00\x03\x2a' + b'\0' * 4))
    add(T0 + 2.2 + i, ether(ipv4('192.0.2.1', spoofed, 1, icmp(3, 3, quoted)), vlan=100))
for i in range(15):
    add(T0 + 3.3 + i * 2, ether(ipv4('192.0.2.99', '203.0.113.5', 6, tcp(40000 + i, 23, 12345 + i, 0, 0xC2))))
scanner_dst = '203.0.113.77'
add(T0 + 4.4, ether(ipv4('192.0.2.98', scanner_dst, 6,
                         tcp(41000, 2323, struct.unpack('!I', ip2b(scanner_dst))[0], 0, 0x02))))
for i in range(40):
    add(T0 + 30 + i * 0.1, ether(ipv4('198.51.100.30', '203.0.113.%d' % i, 6, tcp(8080, 5000 + i, 9, 10, 0x12))))

packets.sort(key=lambda p: p[0])
out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)
for us, frame in packets:
    out += struct.pack('<IIII', us // 1000000, us % 1000000, len(frame), len(frame)) + frame
with open(sys.argv[1] if len(sys.argv) > 1 else 'backscatter-synthetic.pcap', 'wb') as f:
    f.write(out)
