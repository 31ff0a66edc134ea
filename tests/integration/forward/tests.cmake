# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding between two d4-server processes on loopback (docs/forwarding.md).
d4_add_test(NAME tst_forwarding SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwarding.cpp LABELS integration
    LIBRARIES d4workertestbase TIMEOUT 300)
