// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayList>

namespace d4::workers {

/**
 * An in-process consumer of what the workers read (DESIGN.md §4): built-in analyzers see the same
 * items external analyzers get from the queues. A worker calls its taps synchronously, on a worker
 * thread, before it acknowledges (XDELs) the stream entries the items came from, so nothing is
 * lost if the process dies; after a crash a tap may see items again (at least once).
 *
 * Implementations must be thread-safe (several worker threads call them) and quick: a slow tap
 * slows the worker and, through back-pressure, the sensors. Register taps with
 * WorkerManager::addTap() before start(); the manager does not own them.
 */
class WorkerTap
{
public:
    virtual ~WorkerTap() = default;

    /**
     * Complete lines (without '\n', empty lines left out) of a line-oriented session: @p typeKey
     * is "3" or "8", or the extended type name for type-254 data.
     */
    virtual void onLines(const QByteArray &sensorUuid, const QByteArray &typeKey, const QByteArrayList &lines)
    {
        Q_UNUSED(sensorUuid)
        Q_UNUSED(typeKey)
        Q_UNUSED(lines)
    }

    /**
     * Complete records of a type-1 session: the 24-byte libpcap global header of the stream and
     * @p count records (16-byte record header plus data each, in the header's byte order), exactly
     * as written to the .cap file. PcapFramer::decode() splits them.
     */
    virtual void onPcapRecords(const QByteArray &sensorUuid, const QByteArray &globalHeader,
                               const QByteArray &records, int count)
    {
        Q_UNUSED(sensorUuid)
        Q_UNUSED(globalHeader)
        Q_UNUSED(records)
        Q_UNUSED(count)
    }
};

} // namespace d4::workers
