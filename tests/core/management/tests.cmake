# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_ipblacklistinput SOURCES management/tst_ipblacklistinput.cpp LABELS unit)
