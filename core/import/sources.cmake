# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import (docs/import.md): merged reading of capture files, DNS sink, import job.
target_sources(d4core PRIVATE
    import/capturereplay.h
    import/capturesource.h
    import/dnsaggregator.h
    import/dnssink.h
    import/dnstuple.h
    import/importjob.h
    import/importoptions.h
    import/importpaths.h
    import/importprogress.h
    import/importresult.h
    import/tcpdnsreassembler.h
    import/capturereplay.cpp
    import/capturesource.cpp
    import/dnsaggregator.cpp
    import/dnssink.cpp
    import/importjob.cpp
    import/importpaths.cpp
    import/tcpdnsreassembler.cpp
)
