# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import fuzz target (docs/import.md): DNS over UDP/TCP through the import's DNS sink.
d4_add_fuzzer(NAME fuzz_dnsextract SOURCES fuzz_dnsextract.cpp LIBRARIES d4core)
# IP fragment reassembly (capture::IpFragmentReassembler) of the import's DNS path.
d4_add_fuzzer(NAME fuzz_ipfragments SOURCES fuzz_ipfragments.cpp LIBRARIES d4core)
