# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding spool fuzz target (core/forward/forwardspool.h): damaged segment and acknowledged files.
d4_add_fuzzer(NAME fuzz_forwardspool SOURCES fuzz_forwardspool.cpp LIBRARIES d4core)
