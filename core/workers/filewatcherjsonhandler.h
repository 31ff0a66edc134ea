// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include "workers/linefilehandler.h"

namespace d4::workers {

/**
 * The `filewatcherjson` handler (spec §4.3): every line is saved as it is in
 * `<save>/<uuid>/254/YYYY/MM/DD/<ext>/files/<sha256 of the line>.json` and the file's absolute
 * path is queued. The line is not parsed, as in the reference.
 */
class FileWatcherJsonHandler final : public LineFileHandler
{
public:
    /** A line holds a whole watched file: lines are forced only after 64 MiB. */
    static constexpr qsizetype kMaxLineLength = 64 * 1024 * 1024;

    FileWatcherJsonHandler(WorkerContext &context, QByteArray extendedType);

protected:
    Outcome storeLine(const QByteArray &line, QByteArrayList &paths, QString &error) override;
};

} // namespace d4::workers
