// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: the passive DNS status a server publishes in its store (pdns:status), as an attached
// console reads it (PdnsStatus::fromJson). Properties checked: no crash; what is accepted keeps the
// documented bounds (at most 100 names, counts non-negative) and survives a round trip unchanged.

#include <cstdint>
#include <cstdlib>

#include <QByteArray>

#include "analyzers/passivedns/pdnsstatus.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto status = d4::passivedns::PdnsStatus::fromJson(input);
    if (!status) {
        return 0;
    }
    if (status->topNames.size() > 100) {
        std::abort();
    }
    for (const auto &[name, count] : status->topNames) {
        if (count < 0 || name.size() > 1024) {
            std::abort();
        }
    }
    const auto again = d4::passivedns::PdnsStatus::fromJson(status->toJson());
    if (!again || again->topNames != status->topNames || again->published != status->published ||
        again->remoteQueue.has_value() != status->remoteQueue.has_value()) {
        std::abort();
    }
    if (again->remoteQueue && (again->remoteQueue->counters.lines != status->remoteQueue->counters.lines ||
                               again->remoteQueue->queueKey != status->remoteQueue->queueKey)) {
        std::abort();
    }
    return 0;
}
