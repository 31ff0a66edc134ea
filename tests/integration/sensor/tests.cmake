# SPDX-License-Identifier: AGPL-3.0-or-later
# Integration tests of the d4-sensor executable, included by tests/integration/CMakeLists.txt
# (paths relative to tests/integration/). They run the built binary, so they depend on it.
d4_add_test(NAME tst_d4sensor_stdout
    SOURCES sensor/tst_d4sensor_stdout.cpp sensor/packetcollector.h sensor/packetcollector.cpp
            sensor/sensortestconfig.h sensor/sensortestconfig.cpp
    LABELS integration
    TIMEOUT 90)
add_dependencies(tst_d4sensor_stdout d4-sensor)

d4_add_test(NAME tst_d4sensor_tls
    SOURCES sensor/tst_d4sensor_tls.cpp sensor/packetcollector.h sensor/packetcollector.cpp
            sensor/sensortestconfig.h sensor/sensortestconfig.cpp
            sensor/testcertificate.h sensor/testcertificate.cpp
            sensor/testd4server.h sensor/testd4server.cpp
    LABELS integration
    TIMEOUT 90)
add_dependencies(tst_d4sensor_tls d4-sensor)

# Against the real d4-server (workers on): type-1 sessions after reconnects are valid captures.
d4_add_test(NAME tst_d4sensor_pcapresume
    SOURCES sensor/tst_d4sensor_pcapresume.cpp sensor/sensortestconfig.h sensor/sensortestconfig.cpp
    LABELS integration
    LIBRARIES d4workertestbase
    TIMEOUT 180)
add_dependencies(tst_d4sensor_pcapresume d4-sensor d4-server)
