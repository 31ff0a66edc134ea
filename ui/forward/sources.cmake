# SPDX-License-Identifier: AGPL-3.0-or-later
# The Sharing page (forwarding rules), docs/console.md "Sharing".
target_sources(d4ui PRIVATE
    forward/forwardpage.h
    forward/forwardpreviewmodel.h
    forward/forwardpreviewpanel.h
    forward/forwardpreviewrunner.h
    forward/forwardruledialog.h
    forward/forwardrulesmodel.h
    forward/forwardpage.cpp
    forward/forwardpreviewmodel.cpp
    forward/forwardpreviewpanel.cpp
    forward/forwardpreviewrunner.cpp
    forward/forwardruledialog.cpp
    forward/forwardrulesmodel.cpp
)
