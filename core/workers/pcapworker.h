// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "workers/pcapframer.h"
#include "workers/rotatingfile.h"
#include "workers/sessionworker.h"

namespace d4::workers {

/**
 * Type 1 (spec §4.2), without tcpdump: the session's bytes are one libpcap stream, split into
 * records by PcapFramer and written to `<save>/<uuid>/1/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.cap`
 * (the global header at the start of every file), rotated at record boundaries after the rotation
 * interval or a day change. Finished files are gzipped and the `.gz` path is pushed to
 * `analyzer:1:<q>` (group queues included, the configured default size), by the FileFinisher's
 * thread so that compressing never holds up the session. A stream that is not
 * libpcap stores "Error: Type=1, Incorrect file format" and flags the session.
 */
class PcapWorker final : public SessionWorker
{
public:
    PcapWorker(WorkerContext &context, QByteArray session);

    Result handle(const QList<StreamEntry> &entries) override;
    QList<QPair<QByteArray, QByteArray>> stateWrites() const override;
    void finish() override;

protected:
    bool restore(const QByteArray &state) override;

private:
    /** Closes the current file and hands it over to be gzipped and its path queued. */
    void rotate();

    PcapFramer m_framer;
    RotatingFile m_file;
};

} // namespace d4::workers
