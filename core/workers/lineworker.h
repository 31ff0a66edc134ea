// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include "workers/sessionworker.h"

namespace d4::workers {

class LineChannel;

/**
 * Types 3 (syslog) and 8 (passive DNS), spec §4.4: lines rebuilt across packets (forced newline at
 * 10 000 bytes), files `<save>/<uuid>/<type>/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.syslog.txt` or
 * `.passivedns.txt` rotated and gzipped, every line pushed to `analyzer:<type>:<q>`.
 *
 * Type 6 (NDJSON), which the reference accepts but never consumes: the same path with `.ndjson`
 * files, lines up to 1 MiB, and every line checked to be one JSON text (JsonLineValidator); a line
 * that is not is counted in `d4console:worker_rejected_lines:<uuid>` field "6" and left out of the
 * file, the queues and the taps.
 */
class LineWorker final : public SessionWorker
{
public:
    static constexpr qsizetype kMaxLineLength = 10000;
    static constexpr qsizetype kMaxJsonLineLength = 1024 * 1024;

    /** ".syslog.txt", ".ndjson" or ".passivedns.txt". */
    static QString fileSuffix(int type);
    static qsizetype maxLineLength(int type);

    LineWorker(WorkerContext &context, int type, QByteArray session);
    ~LineWorker() override;

    Result handle(const QList<StreamEntry> &entries) override;
    QList<QPair<QByteArray, QByteArray>> stateWrites() const override;
    void finish() override;
    void suspend() override;

protected:
    bool restore(const QByteArray &state) override;

private:
    std::unique_ptr<LineChannel> m_channel;
};

} // namespace d4::workers
