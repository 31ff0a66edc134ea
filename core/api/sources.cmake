# SPDX-License-Identifier: AGPL-3.0-or-later
# COF lookup API of the passive DNS store (docs/passive-dns.md "Lookup API").
target_sources(d4core PRIVATE
    api/cofformat.h
    api/httprequest.h
    api/lookuprequest.h
    api/lookupserver.h
    api/lookupservice.h
    api/lookupsettings.h
    api/cofformat.cpp
    api/httprequest.cpp
    api/lookuprequest.cpp
    api/lookupserver.cpp
    api/lookupservice.cpp
)
