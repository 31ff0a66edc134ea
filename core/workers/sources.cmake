# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/workers/ (stream workers and analyzer queues), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
    workers/analyzerqueues.h
    workers/gzipcompressor.h
    workers/linechannel.h
    workers/linerebuilder.h
    workers/lineworker.h
    workers/metaworker.h
    workers/pcapframer.h
    workers/pcapworker.h
    workers/queuemanager.h
    workers/rotatingfile.h
    workers/sessionworker.h
    workers/workercontext.h
    workers/workerloop.h
    workers/workermanager.h
    workers/workersettings.h
    workers/workertap.h
    workers/analyzerqueues.cpp
    workers/gzipcompressor.cpp
    workers/linechannel.cpp
    workers/linerebuilder.cpp
    workers/lineworker.cpp
    workers/metaworker.cpp
    workers/pcapframer.cpp
    workers/pcapworker.cpp
    workers/queuemanager.cpp
    workers/rotatingfile.cpp
    workers/sessionworker.cpp
    workers/workerloop.cpp
    workers/workermanager.cpp
)
