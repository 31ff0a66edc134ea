// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QString>

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
    struct BatchStart
    {
        QString path;
        qint64 size = 0;
    };

    /** Appends @p bytes, noting the file's size first when this batch has not touched it yet. */
    bool write(QByteArrayView bytes);
    /** Cuts every file this batch touched back to its size before the batch. */
    void undoBatch();

    RotatingFile m_file;
    DnscapRecordSplitter m_splitter;
    QList<BatchStart> m_batchStarts; ///< at most two: the batch's file and, after a rotation, the next
};

} // namespace d4::workers
