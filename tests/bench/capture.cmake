# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture benchmark (run-capture-bench.sh; docs/captures-and-backscatter.md). ctest runs it once on
# a small capture so the binary cannot rot.
add_executable(bench_capture bench_capture.cpp)
target_link_libraries(bench_capture PRIVATE d4core)
add_test(NAME bench_capture_smoke COMMAND bench_capture "${CMAKE_SOURCE_DIR}/tests/data/pcap/amp.TCP.reflection.SYNACK.pcap")
set_tests_properties(bench_capture_smoke PROPERTIES LABELS unit TIMEOUT 60)
