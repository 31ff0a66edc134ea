// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QJsonObject>

#include "workers/sessionworker.h"

namespace d4::workers {

class ExtendedTypeHandler;

/**
 * Type 2 and the session's type-254 data (spec §4.3). Phase 1 assembles the meta-header JSON from
 * `stream:2:<session>` (newlines removed, at most kMaxHeaderSize bytes), checks `type` and that the
 * extended type is in `server:accepted_extended_type`, records it (active_connection_extended_type,
 * map:session-uuid_active_extended_type, all_extended_types_by_uuid, metadata_extended_type_by_uuid)
 * and saves it as `<save>/<uuid>/254/YYYY/MM/DD/<ext>/<uuid>-YYYY-MM-DD-HHMMSS.json`. Phase 2 reads
 * `stream:254:<session>` through the extended type's handler: `maltrail` queues lines without files;
 * `ja3-jl`, `filewatcher` and `filewatcherjson` write a file per line and queue its path
 * (Ja3JlHandler, FileWatcherHandler, FileWatcherJsonHandler); every other name uses the default
 * handler (lines to `.txt` files in the same directory, rotated and gzipped, forced newline at
 * 100 000 bytes, lines to `analyzer:<ext>:<q>`).
 */
class MetaWorker final : public SessionWorker
{
public:
    static constexpr qsizetype kMaxHeaderSize = 100000;
    static constexpr qsizetype kMaxLineLength = 100000;

    MetaWorker(WorkerContext &context, QByteArray session);
    ~MetaWorker() override;

    QByteArray currentStream() const override;
    bool resume() override;
    Result handle(const QList<StreamEntry> &entries) override;
    QList<QPair<QByteArray, QByteArray>> stateWrites() const override;
    void finish() override;
    void suspend() override;
    void cleanUp() override;

protected:
    bool restore(const QByteArray &state) override;

private:
    Result handleHeader(const QList<StreamEntry> &entries);
    Result acceptHeader(bool resumed);
    void createHandler();

    QByteArray m_header; ///< the JSON text assembled so far
    bool m_headerDone = false;
    QByteArray m_extendedType;
    std::unique_ptr<ExtendedTypeHandler> m_handler;
};

} // namespace d4::workers
