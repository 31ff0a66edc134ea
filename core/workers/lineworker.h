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
 */
class LineWorker final : public SessionWorker
{
public:
    static constexpr qsizetype kMaxLineLength = 10000;

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
