# SPDX-License-Identifier: AGPL-3.0-or-later
# The forwarding spool on real files (core/forward/forwardspool.h).
d4_add_test(NAME tst_forwardspool SOURCES forward/tst_forwardspool.cpp LABELS unit)
