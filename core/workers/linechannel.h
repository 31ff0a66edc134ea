// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QByteArrayList>
#include <QElapsedTimer>
#include <QString>

#include "workers/extendedtypehandler.h"
#include "workers/linerebuilder.h"
#include "workers/rejectedlinecounter.h"
#include "workers/rotatingfile.h"

namespace d4::workers {

struct WorkerContext;

/**
 * The line path shared by types 3 and 8 and the line-based 254 handlers (spec §4.3–4.4): rebuilds
 * lines, appends complete lines to rotating files (rotated at line boundaries, old files gzipped,
 * not queued), pushes every non-empty line to the analyzer queues of the type key and hands them
 * to the taps. Unfinished lines are never written, so nothing appears twice on disk. With a
 * validator, a non-empty line it refuses is neither written, queued nor tapped, only counted
 * (RejectedLineCounter).
 */
class LineChannel final : public ExtendedTypeHandler
{
public:
    /**
     * @p typeKey "3", "8" or the extended type name (@p extended). @p pathFunction builds file
     * paths; an empty function means no files (maltrail).
     */
    LineChannel(WorkerContext &context, QByteArray typeKey, bool extended, qsizetype maxLineLength,
                RotatingFile::PathFunction pathFunction);
    ~LineChannel() override;

    /** True when @p line may go on; false with @p reason otherwise. Called on the worker thread. */
    using LineValidator = std::function<bool(const QByteArray &line, QString &reason)>;
    void setValidator(LineValidator validator) { m_validator = std::move(validator); }

    void setSensorUuid(const QByteArray &uuid) override
    {
        m_sensorUuid = uuid;
        m_rejections.setSensorUuid(uuid);
    }
    /** Adds one stream entry's bytes. */
    void feed(QByteArrayView message) override { m_rebuilder.feed(message, m_lines); }
    /**
     * Writes, pushes and taps the lines fed since the last commit. False with @p error on a Redis
     * failure. A disk failure (full disk, file size limit) does not fail the commit: the lines
     * that cannot be stored are still pushed and tapped, and a warning naming the file is logged
     * at most once per kDiskWarningIntervalMs; every commit tries the file again.
     */
    bool commit(QString &error) override;
    /** Closes and gzips the current file. */
    void close() override;
    /**
     * End of session: an unterminated last line is appended to the file as it is (as the reference
     * leaves it on disk) but, not being a complete line, not queued; then close().
     */
    void finish() override;

    QByteArray pending() const override { return m_rebuilder.pending(); }
    void setPending(const QByteArray &pending) override { m_rebuilder.setPending(pending); }

    static constexpr qint64 kDiskWarningIntervalMs = 10000;

private:
    /** Appends m_lines to the file; on a disk failure counts them and maybe warns. */
    void writeLines(const QDateTime &now);

    WorkerContext &m_context;
    QByteArray m_typeKey;
    bool m_extended;
    LineRebuilder m_rebuilder;
    std::unique_ptr<RotatingFile> m_file;
    QByteArray m_sensorUuid;
    QByteArrayList m_lines;
    LineValidator m_validator;
    RejectedLineCounter m_rejections;
    qint64 m_unwrittenLines = 0; ///< lines not stored and not yet in a "writing again" message
    qint64 m_unloggedLines = 0;  ///< of those, not yet in a warning
    QElapsedTimer m_sinceDiskWarning;
    QElapsedTimer m_sinceResumeLog;
};

} // namespace d4::workers
