# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/analyzers/backscatter/ (backscatter DDoS analyzer), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
    analyzers/backscatter/attackevidence.h
    analyzers/backscatter/attackrecord.h
    analyzers/backscatter/backscatteranalyzer.h
    analyzers/backscatter/backscatterclass.h
    analyzers/backscatter/backscatterexport.h
    analyzers/backscatter/backscatterfilewriter.h
    analyzers/backscatter/backscatterreporter.h
    analyzers/backscatter/backscatterretention.h
    analyzers/backscatter/backscattersettings.h
    analyzers/backscatter/backscattersnapshot.h
    analyzers/backscatter/backscattertap.h
    analyzers/backscatter/capturequeueconsumer.h
    analyzers/backscatter/classification.h
    analyzers/backscatter/evidencewriter.h
    analyzers/backscatter/pibsemulator.h
    analyzers/backscatter/attackevidence.cpp
    analyzers/backscatter/attackrecord.cpp
    analyzers/backscatter/backscatteranalyzer.cpp
    analyzers/backscatter/backscatterclass.cpp
    analyzers/backscatter/backscatterexport.cpp
    analyzers/backscatter/backscatterfilewriter.cpp
    analyzers/backscatter/backscatterreporter.cpp
    analyzers/backscatter/backscatterretention.cpp
    analyzers/backscatter/backscattersettings.cpp
    analyzers/backscatter/backscattersnapshot.cpp
    analyzers/backscatter/backscattertap.cpp
    analyzers/backscatter/capturequeueconsumer.cpp
    analyzers/backscatter/classification.cpp
    analyzers/backscatter/evidencewriter.cpp
    analyzers/backscatter/pibsemulator.cpp
)
# [Backscatter] and [Backscatter_Queue] of server.conf, read by config/serverconfig.cpp.
target_sources(d4core PRIVATE config/backscatterconfig.h config/backscatterconfig.cpp)
