# SPDX-License-Identifier: AGPL-3.0-or-later
# Fuzz targets of the capture reader and the packet decoder (included by tests/fuzz/CMakeLists.txt).
d4_add_fuzzer(NAME fuzz_capture SOURCES fuzz_capture.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_packet SOURCES fuzz_packet.cpp LIBRARIES d4core)
