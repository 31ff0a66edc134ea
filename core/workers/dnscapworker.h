// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "workers/dnscaprecordsplitter.h"
#include "workers/rotatingfile.h"
#include "workers/sessionworker.h"

namespace d4::workers {

/**
 * Type 4 (dnscap text output), spec §4.5 as intended (the reference worker crashes at import):
 * the data is appended as it comes to `<save>/<uuid>/4/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.dnscap.txt`.
 * Once `rotation_interval` seconds have passed or the local date changed, the file is rotated at
 * the first record start (`\n[`): the `\n` ends the old file and the `[` starts the new one
 * (the reference drops that `\n`). No compression and no analyzer queue; taps are not called.
 */
class DnscapWorker final : public SessionWorker
{
public:
    DnscapWorker(WorkerContext &context, QByteArray session);

    Result handle(const QList<StreamEntry> &entries) override;
    QList<QPair<QByteArray, QByteArray>> stateWrites() const override;
    void finish() override;

protected:
    bool restore(const QByteArray &state) override;

private:
    bool write(QByteArrayView bytes);

    RotatingFile m_file;
    DnscapRecordSplitter m_splitter;
};

} // namespace d4::workers
