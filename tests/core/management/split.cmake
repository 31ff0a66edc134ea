# SPDX-License-Identifier: AGPL-3.0-or-later
# Unit tests of the pieces of the management layer that stand on their own.
d4_add_test(NAME tst_redisreplies SOURCES management/tst_redisreplies.cpp LABELS unit)
d4_add_test(NAME tst_queueratetracker SOURCES management/tst_queueratetracker.cpp LABELS unit)
if(TARGET d4ui)
    d4_add_test(NAME tst_queuetablemodel SOURCES management/tst_queuetablemodel.cpp LABELS gui LIBRARIES d4ui)
endif()
