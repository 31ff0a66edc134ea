# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import fuzz target (docs/import.md): DNS over UDP/TCP through the import's DNS sink.
d4_add_fuzzer(NAME fuzz_dnsextract SOURCES fuzz_dnsextract.cpp LIBRARIES d4core)
