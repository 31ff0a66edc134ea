# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_security SOURCES security/tst_security.cpp LABELS integration TIMEOUT 180)
