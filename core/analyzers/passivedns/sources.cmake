# SPDX-License-Identifier: AGPL-3.0-or-later
# Passive DNS analyzer (docs/passive-dns.md): parser, Redis store, type-8 worker tap.
pkg_check_modules(LDNS REQUIRED IMPORTED_TARGET ldns)
target_sources(d4core PRIVATE
    analyzers/passivedns/dnsextractor.h
    analyzers/passivedns/lineparser.h
    analyzers/passivedns/pdnsanalyzer.h
    analyzers/passivedns/pdnskeys.h
    analyzers/passivedns/pdnsreader.h
    analyzers/passivedns/pdnsrecord.h
    analyzers/passivedns/pdnsstatus.h
    analyzers/passivedns/pdnsstatuspublisher.h
    analyzers/passivedns/pdnstuple.h
    analyzers/passivedns/pdnswriter.h
    analyzers/passivedns/pipelineconnection.h
    analyzers/passivedns/remotequeueconsumer.h
    analyzers/passivedns/rrtypes.h
    analyzers/passivedns/dnsextractor.cpp
    analyzers/passivedns/lineparser.cpp
    analyzers/passivedns/pdnsanalyzer.cpp
    analyzers/passivedns/pdnskeys.cpp
    analyzers/passivedns/pdnsreader.cpp
    analyzers/passivedns/pdnsstatus.cpp
    analyzers/passivedns/pdnsstatuspublisher.cpp
    analyzers/passivedns/pdnswriter.cpp
    analyzers/passivedns/pipelineconnection.cpp
    analyzers/passivedns/remotequeueconsumer.cpp
    analyzers/passivedns/rrtypes.cpp
)
# The passive DNS sections of server.conf ([Passive_DNS_Queue], [Passive_DNS_Sensor:<uuid>]).
target_sources(d4core PRIVATE config/pdnsconfig.h config/pdnsconfig.cpp)
target_link_libraries(d4core PRIVATE PkgConfig::LDNS)
# ldns' public headers declare functions on OpenSSL's RSA/DSA types, which OPENSSL_NO_DEPRECATED hides;
# only this file includes ldns, and it calls none of those functions.
set_source_files_properties(analyzers/passivedns/dnsextractor.cpp PROPERTIES COMPILE_OPTIONS "-UOPENSSL_NO_DEPRECATED")
