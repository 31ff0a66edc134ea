# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding to partner D4 servers (docs/forwarding.md). The filter, spool and JSON parts list
# their own files.
target_sources(d4core PRIVATE
    forward/filterdecision.h
    forward/forwardcounters.h
    forward/forwardintake.h
    forward/forwardkeys.h
    forward/forwardlog.h
    forward/forwardmanager.h
    forward/forwardpublisher.h
    forward/forwardqueuesource.h
    forward/forwardrule.h
    forward/forwardrulejson.h
    forward/forwardruleloader.h
    forward/forwardrulerunner.h
    forward/forwardsender.h
    forward/forwardspool.h
    forward/forwardtapsource.h
    forward/linefilter.h
    forward/pcapfilter.h
    forward/forwardcounters.cpp
    forward/forwardintake.cpp
    forward/forwardkeys.cpp
    forward/forwardlog.cpp
    forward/forwardmanager.cpp
    forward/forwardpublisher.cpp
    forward/forwardqueuesource.cpp
    forward/forwardruleloader.cpp
    forward/forwardrulerunner.cpp
    forward/forwardsender.cpp
    forward/forwardtapsource.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/filters.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/spool.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/rulejson.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/editor.cmake OPTIONAL)
