# SPDX-License-Identifier: AGPL-3.0-or-later
# Forwarding to partner D4 servers (docs/forwarding.md). The filter, spool and JSON parts list
# their own files.
target_sources(d4core PRIVATE
    forward/filterdecision.h
    forward/forwardkeys.h
    forward/forwardrule.h
    forward/forwardrulejson.h
    forward/forwardspool.h
    forward/linefilter.h
    forward/pcapfilter.h
    forward/forwardkeys.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/filters.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/spool.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/rulejson.cmake OPTIONAL)
