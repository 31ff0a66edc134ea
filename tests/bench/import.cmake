# SPDX-License-Identifier: AGPL-3.0-or-later
# Import benchmark (run-import-bench.sh; docs/import.md). ctest runs it once on small captures so the
# binary cannot rot; with the GUI built, also through the console's import page (--gui).
add_executable(bench_import bench_import.cpp)
add_test(NAME bench_import_smoke COMMAND bench_import "${CMAKE_SOURCE_DIR}/tests/data/pdns/pdns-synthetic.pcap"
    "${CMAKE_SOURCE_DIR}/tests/data/pcap/backscatter-synthetic.pcap")
set_tests_properties(bench_import_smoke PROPERTIES LABELS unit TIMEOUT 60)
if(D4_BUILD_GUI)
    target_link_libraries(bench_import PRIVATE d4ui)
    target_compile_definitions(bench_import PRIVATE D4_BENCH_IMPORT_GUI)
    add_test(NAME bench_import_gui_smoke COMMAND bench_import --gui
        "${CMAKE_SOURCE_DIR}/tests/data/fragments/dns-fragments.pcap")
    set_tests_properties(bench_import_gui_smoke PROPERTIES LABELS unit TIMEOUT 60
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
else()
    target_link_libraries(bench_import PRIVATE d4core)
endif()
