# SPDX-License-Identifier: AGPL-3.0-or-later
d4_add_test(NAME tst_forwardruleconfigwriter
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_forwardruleconfigwriter.cpp LABELS unit)
# A real-looking server.conf to edit: the one the installer ships.
target_compile_definitions(tst_forwardruleconfigwriter PRIVATE
    D4_SERVER_CONF_SAMPLE="${PROJECT_SOURCE_DIR}/installer/server.conf.sample")
