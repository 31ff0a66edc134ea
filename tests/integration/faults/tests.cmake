# SPDX-License-Identifier: AGPL-3.0-or-later
# Fault tests: the server under a full disk, failing Redis and failing recovery (docs/workers.md).
d4_add_test(NAME tst_diskfull SOURCES faults/tst_diskfull.cpp LABELS integration LIBRARIES d4workertestbase
    TIMEOUT 120)
d4_add_test(NAME tst_workerfaults SOURCES faults/tst_workerfaults.cpp LABELS integration
    LIBRARIES d4workertestbase TIMEOUT 120)
d4_add_test(NAME tst_connectionstorm SOURCES faults/tst_connectionstorm.cpp LABELS integration
    LIBRARIES d4workertestbase TIMEOUT 180)
if(TARGET d4ubsanearlyinit)
    # gcc + UBSan: descriptorsExhausted runs its d4-server with the helper preloaded and a vptr
    # suppression (tests/sanitizers/ubsanearlyinit.cpp says why).
    target_compile_definitions(tst_connectionstorm PRIVATE
        D4_UBSAN_EARLY_INIT_PRELOAD="${D4_UBSAN_EARLY_INIT_PRELOAD}"
        D4_UBSAN_DESCRIPTORS_EXHAUSTED_SUPPRESSIONS="${D4_UBSAN_DESCRIPTORS_EXHAUSTED_SUPPRESSIONS}")
    add_dependencies(tst_connectionstorm d4ubsanearlyinit)
endif()
d4_add_test(NAME tst_datadirectory SOURCES faults/tst_datadirectory.cpp LABELS integration LIBRARIES d4workertestbase
    TIMEOUT 120)
