// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

#include "workers/linefilehandler.h"

namespace d4::workers {

/**
 * The `ja3-jl` handler (spec §4.3): every line is a JSON object, saved as
 * `<save>/datas/ja3-jl/jsons/<Timestamp>.json` (not per sensor); every base64
 * `Certificates[].Raw` is saved in DER as `<save>/datas/ja3-jl/certs/<sha1 of the DER>.crt`; the
 * JSON file's absolute path is queued. A `Timestamp` that is missing, not a string or not a safe
 * file name gives the name `<sha256 of the line>.json` instead, so no field can place a file
 * outside the directory. A line that is not a JSON object is refused; a certificate that is not
 * valid base64 is refused and skipped, the rest of the line is kept.
 */
class Ja3JlHandler final : public LineFileHandler
{
public:
    /** Lines are forced after 1 MiB (a record with many certificates can exceed 100 000 bytes). */
    static constexpr qsizetype kMaxLineLength = 1024 * 1024;

    Ja3JlHandler(WorkerContext &context, QByteArray extendedType);

    /** The file name (without `.json`) of a line whose Timestamp is @p timestamp; empty if unsafe. */
    static QString safeFileName(const QString &timestamp);

protected:
    Outcome storeLine(const QByteArray &line, QByteArrayList &paths, QString &error) override;

private:
    QString m_jsonDirectory;
    QString m_certDirectory;
};

} // namespace d4::workers
