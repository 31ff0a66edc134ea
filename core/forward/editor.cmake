# SPDX-License-Identifier: AGPL-3.0-or-later
# Editing [Forward:<name>] sections of server.conf (the console's Sharing page).
target_sources(d4core PRIVATE
    forward/forwardruleconfigwriter.h
    forward/forwardruleconfigwriter.cpp
)
