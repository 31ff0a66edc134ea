# SPDX-License-Identifier: AGPL-3.0-or-later
# Import benchmark (run-import-bench.sh; docs/import.md). ctest runs it once on small captures so the
# binary cannot rot.
add_executable(bench_import bench_import.cpp)
target_link_libraries(bench_import PRIVATE d4core)
add_test(NAME bench_import_smoke COMMAND bench_import "${CMAKE_SOURCE_DIR}/tests/data/pdns/pdns-synthetic.pcap"
    "${CMAKE_SOURCE_DIR}/tests/data/pcap/backscatter-synthetic.pcap")
set_tests_properties(bench_import_smoke PROPERTIES LABELS unit TIMEOUT 60)
