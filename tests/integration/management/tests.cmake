# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_managementstore SOURCES management/tst_managementstore.cpp LABELS integration)
d4_add_test(NAME tst_managementservice SOURCES management/tst_managementservice.cpp LABELS integration)
d4_add_test(NAME tst_queueconsumption SOURCES management/tst_queueconsumption.cpp LABELS integration)
