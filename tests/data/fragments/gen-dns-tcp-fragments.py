#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
# Writes dns-tcp-fragments.pcap with Scapy (Debian python3-scapy 2.5.0): DNS over TCP whose
# response segments are larger than the link MTU and travel in IP fragments (a sender without path
# MTU discovery, or a segmentation offload that fragments). Classic pcap, little-endian,
# microseconds, Ethernet; RFC 5737/3849 addresses, example.* names; fixed times, identifications and
# sequence numbers, so that the file is the same at every run.
#   1  IPv4 tcp4.example.com: handshake, query, the whole 40-TXT response (~3.3 kB, with its 2-byte
#      length) in one TCP segment carried in 3 fragments, in order
#   2  IPv6 tcp6.example.net: the same with 30 AAAA + 30 TXT in 4 fragments (fragment header)
#   3  IPv4 split.example.org: the response in two TCP segments, the first whole in one frame, the
#      second fragmented and its three fragments captured in reverse order
#   4  IPv4 lost.example.org: the middle fragment of the response segment is missing -> the
#      segment is never rebuilt, no record
# Usage: gen-dns-tcp-fragments.py OUT.pcap
import struct
import sys

from scapy.all import DNS, DNSQR, DNSRR, IP, IPv6, TCP, Ether, fragment, fragment6, wrpcap
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


def framed(dns):
    wire = bytes(dns)
    return struct.pack('!H', len(wire)) + wire


class Exchange:
    """One TCP connection from the client's port to the server's port 53."""

    def __init__(self, ip_c, sport, ident):
        self.ip_c, self.sport, self.ident = ip_c, sport, ident
        self.seq_c, self.seq_s = 1000, 5000

    def ip(self, to_server):
        if self.ip_c is IPv6:
            return IPv6(src=CLIENT6 if to_server else SERVER6, dst=SERVER6 if to_server else CLIENT6)
        self.ident += 1
        return IP(src=CLIENT4 if to_server else SERVER4, dst=SERVER4 if to_server else CLIENT4, id=self.ident)

    def frame(self, to_server):
        return Ether(src=MAC_C, dst=MAC_S) if to_server else Ether(src=MAC_S, dst=MAC_C)

    def segment(self, to_server, flags, payload=b''):
        sport, dport = (self.sport, 53) if to_server else (53, self.sport)
        seq, ack = (self.seq_c, self.seq_s) if to_server else (self.seq_s, self.seq_c)
        ip = self.ip(to_server)
        pkt = ip / TCP(sport=sport, dport=dport, seq=seq, ack=ack, flags=flags, window=65535) / payload
        step = len(payload) + (1 if 'S' in flags or 'F' in flags else 0)
        if to_server:
            self.seq_c += step
        else:
            self.seq_s += step
        return pkt

    def handshake(self):
        emit(self.frame(True) / self.segment(True, 'S'))
        emit(self.frame(False) / self.segment(False, 'SA'))
        emit(self.frame(True) / self.segment(True, 'A'))

    def fragments(self, pkt):
        if self.ip_c is IPv6:
            whole = IPv6(bytes(pkt))
            whole = IPv6(src=whole.src, dst=whole.dst) / IPv6ExtHdrFragment(id=self.ident) / whole.payload
            return [self.frame(False) / f for f in fragment6(IPv6(bytes(whole)), 1280)]
        return [self.frame(False) / f for f in fragment(IP(bytes(pkt)), fragsize=1480)]


def exchange(ip_c, name, qtype, answers, sport, ident, split=False, order=None):
    ex = Exchange(ip_c, sport, ident)
    ex.handshake()
    emit(ex.frame(True) / ex.segment(True, 'PA', framed(DNS(id=sport, rd=1, qd=DNSQR(qname=name, qtype=qtype)))))
    wire = framed(response(sport, name, qtype, answers))
    if split:
        emit(ex.frame(False) / ex.segment(False, 'A', wire[:1000]))
        wire = wire[1000:]
    frags = ex.fragments(ex.segment(False, 'PA', wire))
    for index in (order or range(len(frags))):
        emit(frags[index])
    emit(ex.frame(True) / ex.segment(True, 'FA'))


exchange(IP, 'tcp4.example.com', 'TXT', txt_answers('tcp4.example.com', 40), 41001, 0x100)
answers6 = [DNSRR(rrname='tcp6.example.net', type='AAAA', ttl=600, rdata='2001:db8::%x' % (0x100 + i))
            for i in range(30)] + txt_answers('tcp6.example.net', 30)
exchange(IPv6, 'tcp6.example.net', 'ANY', answers6, 41002, 0x200)
exchange(IP, 'split.example.org', 'TXT', txt_answers('split.example.org', 40), 41003, 0x300, split=True,
         order=[2, 1, 0])
exchange(IP, 'lost.example.org', 'TXT', txt_answers('lost.example.org', 40), 41004, 0x400, order=[0, 2])

wrpcap(sys.argv[1] if len(sys.argv) > 1 else 'dns-tcp-fragments.pcap', packets)
