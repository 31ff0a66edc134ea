# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding filters (docs/forwarding.md): passive DNS line filter, pcap-filter expressions (libpcap).
pkg_check_modules(PCAP REQUIRED IMPORTED_TARGET libpcap)
target_sources(d4core PRIVATE
    forward/pseudonymiser.h
    forward/zonelist.h
    forward/filterdecision.cpp
    forward/linefilter.cpp
    forward/pcapfilter.cpp
    forward/pseudonymiser.cpp
    forward/zonelist.cpp
)
target_link_libraries(d4core PRIVATE PkgConfig::PCAP)
