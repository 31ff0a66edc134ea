# SPDX-License-Identifier: AGPL-3.0-or-later
# Passive DNS fuzz targets (docs/passive-dns.md): passivedns lines and DNS wire messages; lookup requests and COF lines;
# the status a server publishes for attached consoles.
d4_add_fuzzer(NAME fuzz_pdnsline SOURCES fuzz_pdnsline.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_cofrequest SOURCES fuzz_cofrequest.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_pdnsstatus SOURCES fuzz_pdnsstatus.cpp LIBRARIES d4core)
