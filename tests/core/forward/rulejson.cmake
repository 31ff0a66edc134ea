# SPDX-License-Identifier: AGPL-3.0-or-later
# The rule JSON codec (core/forward/forwardrulejson.h).
d4_add_test(NAME tst_forwardrulejson SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwardrulejson.cpp LABELS unit)
