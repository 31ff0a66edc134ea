# SPDX-License-Identifier: AGPL-3.0-or-later
# Fault tests: the server under a full disk, failing Redis and failing recovery (docs/workers.md).
d4_add_test(NAME tst_diskfull SOURCES faults/tst_diskfull.cpp LABELS integration LIBRARIES d4workertestbase
    TIMEOUT 120)
d4_add_test(NAME tst_workerfaults SOURCES faults/tst_workerfaults.cpp LABELS integration
    LIBRARIES d4workertestbase TIMEOUT 120)
d4_add_test(NAME tst_connectionstorm SOURCES faults/tst_connectionstorm.cpp LABELS integration
    LIBRARIES d4workertestbase TIMEOUT 180)
