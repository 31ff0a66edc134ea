# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/management/ (the console's non-GUI management layer), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
    management/actionresult.h
    management/blacklistpage.h
    management/ipblacklistinput.h
    management/managementactions.h
    management/managementkeys.h
    management/managementoptions.h
    management/managementreader.h
    management/managementservice.h
    management/managementworker.h
    management/overview.h
    management/queueratetracker.h
    management/redisreplies.h
    management/saveddatascanner.h
    management/sensordetail.h
    management/sensorinput.h
    management/sensorsummary.h
    management/silenceevaluator.h
    management/ipblacklistinput.cpp
    management/managementactions.cpp
    management/managementkeys.cpp
    management/managementreader.cpp
    management/managementservice.cpp
    management/managementworker.cpp
    management/queueratetracker.cpp
    management/redisreplies.cpp
    management/saveddatascanner.cpp
    management/sensorinput.cpp
    management/sensorsummary.cpp
    management/silenceevaluator.cpp
)
