// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

// What bench_ingest_load puts in its payloads: random bytes (the ingest path does not look inside),
// or data a worker accepts, so the worker benchmark (run-worker-bench.sh) measures real work.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace d4::bench {

enum class Content
{
    Random, ///< random bytes
    Lines,  ///< passivedns CSV lines of about 120 bytes, each payload ending at a line end
    Pcap    ///< a libpcap stream: the first payload starts with the global header, then whole records
};

/**
 * Fills @p payload (its size is the payload size) as packet @p index of a sensor's ring. For Pcap
 * the ring's packet 0 carries the 24-byte global header and is sent once; payloads hold complete
 * records of about 1 KiB (Ethernet/IPv4/UDP frames), so any later packet may follow any other.
 * For Lines every payload is a whole number of '\n'-terminated lines. Needs payloads of at least
 * 160 bytes for Lines and Pcap.
 */
void fillPayload(Content content, int index, std::vector<std::uint8_t> &payload);

/** Complete lines in one Lines payload of @p size bytes (the benchmark's line count). */
std::size_t linesPerPayload(std::size_t size);

} // namespace d4::bench
