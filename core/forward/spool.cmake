# SPDX-License-Identifier: AGPL-3.0-or-later
# The forwarding spool (core/forward/forwardspool.h): segment files of CRC-framed records.
target_sources(d4core PRIVATE
    forward/spoolfiles.h
    forward/spoolframing.h
    forward/spoolreadbuffer.h
    forward/spoolsegmentscanner.h
    forward/forwardspool.cpp
    forward/spoolfiles.cpp
    forward/spoolframing.cpp
    forward/spoolreadbuffer.cpp
    forward/spoolsegmentscanner.cpp
)
