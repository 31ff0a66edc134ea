# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding filter fuzz targets (docs/forwarding.md): passive DNS lines through the line filter,
# pcap records through the pcap filter.
d4_add_fuzzer(NAME fuzz_linefilter SOURCES fuzz_linefilter.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_pcapfilter SOURCES fuzz_pcapfilter.cpp LIBRARIES d4core)
