#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
# Writes dns-fragments.pcap with Scapy (Debian python3-scapy 2.5.0): DNS responses over UDP too big
# for one Ethernet frame, carried in IP fragments, with every case the fragment reassembler must
# handle. Classic pcap, little-endian, microseconds, Ethernet; RFC 5737/3849 addresses, example.*
# names; fixed times and identifications so that the file is the same at every run.
#   1  IPv4 response big4.example.com: 40 TXT records (~3.3 kB) in 3 fragments, in order
#   2  IPv6 response big6.example.net: 30 AAAA records + 30 TXT in 4 fragments (fragment header)
#   3  IPv4 response reordered.example.org: fragments last, first, middle
#   4  IPv4 response duplicated.example.org: the middle fragment captured twice (identical)
#   5  IPv4 response overlap.example.org: a second middle fragment with other bytes overlapping the
#      first one -> dropped (conflicting overlap), no record
#   6  IPv4 response incomplete.example.org: the middle fragment is missing -> never reassembled
#   7  IPv4 UDP datagram to port 5000 (not DNS) in 2 fragments: reassembled, not DNS
# Each response is preceded by its query (one packet). Usage: gen-dns-fragments.py OUT.pcap
import sys

from scapy.all import DNS, DNSQR, DNSRR, IP, IPv6, UDP, Ether, Raw, fragment, fragment6, wrpcap
from scapy.layers.inet6 import IPv6ExtHdrFragment

T0 = 1700000000
CLIENT4, SERVER4 = '192.0.2.10', '198.51.100.53'
CLIENT6, SERVER6 = '2001:db8::10', '2001:db8::53'
MAC_C, MAC_S = '02:00:00:00:00:10', '02:00:00:00:00:53'

packets = []
clock = [0]


def emit(pkt):
    clock[0] += 1
    pkt.time = T0 + clock[0] / 1000.0
    packets.append(pkt)


def txt_answers(name, count):
    return [DNSRR(rrname=name, type='TXT', ttl=300, rdata='record %02d ' % i + 'x' * 60) for i in range(count)]


def response(qid, name, qtype, answers):
    dns = DNS(id=qid, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname=name, qtype=qtype), an=None)
    dns.an = answers[0]
    for answer in answers[1:]:
        dns.an = dns.an / answer
    dns.ancount = len(answers)
    return dns


def v4_exchange(qid, name, ident, sport):
    emit(Ether(src=MAC_C, dst=MAC_S) / IP(src=CLIENT4, dst=SERVER4, id=ident - 1) /
         UDP(sport=sport, dport=53) / DNS(id=qid, rd=1, qd=DNSQR(qname=name, qtype='TXT')))
    dgram = IP(src=SERVER4, dst=CLIENT4, id=ident) / UDP(sport=53, dport=sport) / \
        response(qid, name, 'TXT', txt_answers(name, 40))
    return [Ether(src=MAC_S, dst=MAC_C) / f for f in fragment(IP(bytes(dgram)), fragsize=1480)]


# 1: in order
for f in v4_exchange(0x1001, 'big4.example.com', 0x100, 40001):
    emit(f)

# 2: IPv6, fragment header
emit(Ether(src=MAC_C, dst=MAC_S) / IPv6(src=CLIENT6, dst=SERVER6) / UDP(sport=40002, dport=53) /
     DNS(id=0x1002, rd=1, qd=DNSQR(qname='big6.example.net', qtype='ANY')))
answers6 = [DNSRR(rrname='big6.example.net', type='AAAA', ttl=600, rdata='2001:db8::%x' % (0x100 + i))
            for i in range(30)] + txt_answers('big6.example.net', 30)
dgram6 = IPv6(src=SERVER6, dst=CLIENT6) / IPv6ExtHdrFragment(id=0x2002) / UDP(sport=53, dport=40002) / \
    response(0x1002, 'big6.example.net', 'ANY', answers6)
for f in fragment6(IPv6(bytes(dgram6)), 1280):
    emit(Ether(src=MAC_S, dst=MAC_C) / f)

# 3: reordered
frags = v4_exchange(0x1003, 'reordered.example.org', 0x300, 40003)
for f in (frags[2], frags[0], frags[1]):
    emit(f)

# 4: a duplicated middle fragment
frags = v4_exchange(0x1004, 'duplicated.example.org', 0x400, 40004)
for f in (frags[0], frags[1], frags[1].copy(), frags[2]):
    emit(f)

# 5: a conflicting overlap: a forged fragment at offset 1480+8 with different bytes
frags = v4_exchange(0x1005, 'overlap.example.org', 0x500, 40005)
forged = frags[1].copy()
forged[IP].frag = frags[1][IP].frag + 1
forged[IP].flags = 'MF'
forged[IP].payload = Raw(b'\xee' * 1000)
forged[IP].len = None
forged[IP].chksum = None
forged = Ether(bytes(forged))
for f in (frags[0], frags[1], forged, frags[2]):
    emit(f)

# 6: the middle fragment never captured
frags = v4_exchange(0x1006, 'incomplete.example.org', 0x600, 40006)
for f in (frags[0], frags[2]):
    emit(f)

# 7: not DNS
other = IP(src=SERVER4, dst=CLIENT4, id=0x700) / UDP(sport=5000, dport=5001) / Raw(b'\x42' * 2000)
for f in fragment(IP(bytes(other)), fragsize=1480):
    emit(Ether(src=MAC_S, dst=MAC_C) / f)

wrpcap(sys.argv[1] if len(sys.argv) > 1 else 'dns-fragments.pcap', packets)
