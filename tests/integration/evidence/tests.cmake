# SPDX-License-Identifier: AGPL-3.0-or-later
# `d4-server analyze --evidence-dir` on real captures, the files checked with libpcap (included by
# tests/integration/CMakeLists.txt).
if(TARGET d4-server)
    pkg_check_modules(D4_EVIDENCE_PCAP REQUIRED IMPORTED_TARGET libpcap)
    d4_add_test(NAME tst_analyzeevidence SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_analyzeevidence.cpp
        LABELS integration LIBRARIES PkgConfig::D4_EVIDENCE_PCAP TIMEOUT 120)
    add_dependencies(tst_analyzeevidence d4-server)
endif()
