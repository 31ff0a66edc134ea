# SPDX-License-Identifier: AGPL-3.0-or-later
# The forwarding spool (core/forward/forwardspool.h): segment files of CRC-framed records.
target_sources(d4core PRIVATE
    forward/spoolframing.h
    forward/spoolsegmentscanner.h
    forward/forwardspool.cpp
    forward/spoolframing.cpp
    forward/spoolsegmentscanner.cpp
)
