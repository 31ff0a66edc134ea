# SPDX-License-Identifier: AGPL-3.0-or-later
# The rule as JSON (published in Redis) and the console's reader of the rules' live state.
target_sources(d4core PRIVATE
    forward/forwardstatus.h
    forward/forwardstatusreader.h
    forward/forwardrulejson.cpp
    forward/forwardstatusreader.cpp
)
