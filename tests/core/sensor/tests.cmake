# SPDX-License-Identifier: AGPL-3.0-or-later
# Unit tests of core/sensor/, included by tests/core/CMakeLists.txt (paths relative to tests/core/).
d4_add_test(NAME tst_sensorconfig SOURCES sensor/tst_sensorconfig.cpp LABELS unit TIMEOUT 30)
d4_add_test(NAME tst_packetbatch SOURCES sensor/tst_packetbatch.cpp LABELS unit TIMEOUT 30)
d4_add_test(NAME tst_sensorparsers SOURCES sensor/tst_sensorparsers.cpp LABELS unit TIMEOUT 30)
d4_add_test(NAME tst_pcapstreamtracker SOURCES sensor/tst_pcapstreamtracker.cpp sensor/pcapteststream.h
    LABELS unit TIMEOUT 60)
d4_add_test(NAME tst_pcapresumepreamble SOURCES sensor/tst_pcapresumepreamble.cpp sensor/pcapteststream.h
    LABELS unit TIMEOUT 60)
