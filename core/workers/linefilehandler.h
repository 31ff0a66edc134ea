// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>

#include "workers/extendedtypehandler.h"
#include "workers/linerebuilder.h"
#include "workers/rejectedlinecounter.h"

namespace d4::workers {

struct WorkerContext;

/**
 * The base of the extended-type handlers that turn each line into files and queue the files'
 * paths (spec §4.3: `ja3-jl`, `filewatcher`, `filewatcherjson`). Lines are rebuilt across
 * packets; for every non-empty complete line storeLine() writes the files, and commit() pushes
 * the absolute paths to `analyzer:<ext>:<q>` and hands the stored lines to the taps. A line
 * storeLine() refuses (invalid JSON, bad base64…) is counted in
 * `d4console:worker_rejected_lines:<uuid>` and skipped, with a rate-limited warning; it never
 * stops the session. Files are content-addressed or keyed by the line, so a batch repeated after
 * a crash rewrites the same files.
 */
class LineFileHandler : public ExtendedTypeHandler
{
public:
    LineFileHandler(WorkerContext &context, QByteArray extendedType, qsizetype maxLineLength);
    ~LineFileHandler() override;

    void setSensorUuid(const QByteArray &uuid) override
    {
        m_sensorUuid = uuid;
        m_rejections.setSensorUuid(uuid);
    }
    void feed(QByteArrayView message) override { m_rebuilder.feed(message, m_lines); }
    bool commit(QString &error) override;
    void close() override {}
    /** An unterminated last line is dropped, as the reference leaves it in its buffer. */
    void finish() override {}
    QByteArray pending() const override { return m_rebuilder.pending(); }
    void setPending(const QByteArray &pending) override { m_rebuilder.setPending(pending); }

    /** Lines (or embedded items) refused by this handler since it was created. */
    qint64 rejectedCount() const noexcept { return m_rejections.total(); }

    /**
     * Writes @p bytes to @p path through a temporary file renamed into place, creating the
     * directory. With @p keepExisting an existing file is left as it is (content-addressed names).
     */
    static bool writeFile(const QString &path, QByteArrayView bytes, bool keepExisting, QString &error);
    /** Hex SHA-256 of @p bytes. */
    static QString sha256Hex(QByteArrayView bytes);

protected:
    enum class Outcome
    {
        Stored,  ///< @p paths hold the files to queue
        Refused, ///< the line is unusable: counted and skipped (@p error says why)
        Failed   ///< a disk failure: the batch is retried
    };

    /** Writes the files of one non-empty line, appending the paths to queue to @p paths. */
    virtual Outcome storeLine(const QByteArray &line, QByteArrayList &paths, QString &error) = 0;
    /** Counts one refused item (e.g. a bad certificate inside a valid line) and maybe logs it. */
    void refuse(const QString &reason) { m_rejections.refuse(reason); }

    WorkerContext &m_context;
    const QByteArray m_extendedType;
    QByteArray m_sensorUuid;

private:
    LineRebuilder m_rebuilder;
    QByteArrayList m_lines;
    RejectedLineCounter m_rejections;
};

} // namespace d4::workers
