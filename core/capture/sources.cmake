# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/capture/ (pcap/pcapng reader and packet decoder), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
    capture/captureerror.h
    capture/capturefilereader.h
    capture/captureinterface.h
    capture/capturepacket.h
    capture/capturereader.h
    capture/capturesummary.h
    capture/decodedpacket.h
    capture/gzipinflater.h
    capture/packetdecoder.h
    capture/packetpipeline.h
    capture/packetsink.h
    capture/captureerror.cpp
    capture/capturefilereader.cpp
    capture/captureinterface.cpp
    capture/capturereader.cpp
    capture/capturesummary.cpp
    capture/gzipinflater.cpp
    capture/packetdecoder.cpp
    capture/ipfragmentreassembler.h capture/ipfragmentreassembler.cpp
)
