# SPDX-License-Identifier: AGPL-3.0-or-later
# GUI-stall benchmark of the console (docs/console.md): an embedded server with the console's pages,
# sensors streaming from bench_ingest_load; prints the longest event-loop gap and CPU use.
if(D4_BUILD_GUI)
    add_executable(bench_console bench_console.cpp)
    target_link_libraries(bench_console PRIVATE d4ui d4appcommon)
    add_dependencies(bench_console bench_ingest_load)
    add_test(NAME bench_console_smoke COMMAND bench_console --sensors 2 --seconds 2)
    set_tests_properties(bench_console_smoke PROPERTIES LABELS integration TIMEOUT 120
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endif()
