# SPDX-License-Identifier: AGPL-3.0-or-later
# Passive DNS benchmark (run-pdns-bench.sh, docs/passive-dns.md); ctest only checks that it starts.
add_executable(bench_pdns ${CMAKE_CURRENT_LIST_DIR}/bench_pdns.cpp)
target_link_libraries(bench_pdns PRIVATE d4core)
set_target_properties(bench_pdns PROPERTIES AUTOMOC OFF)
add_test(NAME bench_pdns_smoke COMMAND bench_pdns --help)
set_tests_properties(bench_pdns_smoke PROPERTIES LABELS unit TIMEOUT 30)
