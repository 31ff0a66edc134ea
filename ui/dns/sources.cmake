# SPDX-License-Identifier: AGPL-3.0-or-later
# The DNS page (passive DNS), docs/passive-dns.md "Console".
target_sources(d4ui PRIVATE
    dns/dnsexport.h
    dns/dnspage.h
    dns/dnsresultsmodel.h
    dns/remotequeuebox.h
    dns/dnsexport.cpp
    dns/dnspage.cpp
    dns/dnsresultsmodel.cpp
    dns/remotequeuebox.cpp
)
