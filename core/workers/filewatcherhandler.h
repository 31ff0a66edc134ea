// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QJsonObject>
#include <QString>

#include "workers/linefilehandler.h"

namespace d4::workers {

/**
 * The `filewatcher` handler (spec §4.3): every line is a base64-encoded file, decoded and saved
 * as `…/files/<sha256 of the content>.<extension>`, gzipped to `….<extension>.gz` when the meta
 * header's `compress` is true; the file's absolute path is queued (only the `.gz` when
 * compressed: the reference also queues the deleted uncompressed path). The directory is
 * `<save>/<uuid>/254/YYYY/MM/DD/<ext>/files/` when `segregate` is true (the default), else
 * `<save>/datas/<ext>/files/`. `extension` defaults to empty, which leaves a trailing dot as the
 * reference does; characters other than letters, digits and `-_.+` are replaced with `_`.
 * Options of the wrong JSON type keep their defaults. A line that is not valid base64 is refused.
 */
class FileWatcherHandler final : public LineFileHandler
{
public:
    /** A line holds a whole file: lines are forced only after 64 MiB of base64. */
    static constexpr qsizetype kMaxLineLength = 64 * 1024 * 1024;

    FileWatcherHandler(WorkerContext &context, QByteArray extendedType, const QJsonObject &metaHeader);

    /** The `extension` option made safe for a file name. */
    static QString sanitizedExtension(const QString &extension);

protected:
    Outcome storeLine(const QByteArray &line, QByteArrayList &paths, QString &error) override;

private:
    QString directory() const;

    bool m_compress = false;
    bool m_segregate = true;
    QString m_extension;
};

} // namespace d4::workers
