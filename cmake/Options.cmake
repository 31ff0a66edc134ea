# SPDX-License-Identifier: AGPL-3.0-or-later
# Every build option in one place, each reported by feature_summary().

function(d4_option name description default)
    option(${name} "${description}" ${default})
    add_feature_info(${name} ${name} "${description}")
endfunction()

d4_option(D4_BUILD_GUI "Build the d4-console GUI (Qt Widgets, QCustomPlot)" ON)
d4_option(D4_BUILD_TESTS "Build the test suite" ON)
d4_option(D4_BUILD_BENCHMARKS "Build the benchmarks in tests/bench" ON)
d4_option(D4_BUILD_FUZZERS "Build fuzz targets (libFuzzer with clang, replay runners otherwise)" ON)
d4_option(D4_WERROR "Treat compiler warnings as errors" OFF)
d4_option(D4_ENABLE_ASAN "Build with AddressSanitizer" OFF)
d4_option(D4_ENABLE_UBSAN "Build with UndefinedBehaviorSanitizer" OFF)
d4_option(D4_ENABLE_TSAN "Build with ThreadSanitizer" OFF)
d4_option(D4_USE_CCACHE "Use ccache when it is installed" ON)
