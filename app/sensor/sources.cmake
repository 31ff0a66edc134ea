# SPDX-License-Identifier: AGPL-3.0-or-later
add_executable(d4-sensor
    sensor/exitcode.h
    sensor/sensorapp.h
    sensor/sensorcommandline.h
    sensor/main.cpp
    sensor/sensorapp.cpp
    sensor/sensorcommandline.cpp
)
target_link_libraries(d4-sensor PRIVATE d4appcommon)
