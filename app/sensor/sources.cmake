# SPDX-License-Identifier: AGPL-3.0-or-later
add_executable(d4-sensor sensor/main.cpp)
target_link_libraries(d4-sensor PRIVATE d4appcommon)
