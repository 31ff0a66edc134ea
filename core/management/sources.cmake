# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/management/ (the console's non-GUI management layer), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
    management/actionresult.h
    management/ipblacklistinput.h
    management/managementkeys.h
    management/managementoptions.h
    management/managementservice.h
    management/managementstore.h
    management/managementworker.h
    management/overview.h
    management/sensordetail.h
    management/sensorsummary.h
    management/ipblacklistinput.cpp
    management/managementkeys.cpp
    management/managementservice.cpp
    management/managementstore.cpp
    management/managementworker.cpp
    management/sensorsummary.cpp
)
