// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace d4::workers {

/**
 * What MetaWorker does with a session's type-254 data (spec §4.3 "Handlers"): the default line
 * handler and `maltrail` (LineChannel), `ja3-jl`, `filewatcher` and `filewatcherjson`
 * (LineFileHandler subclasses). The worker feeds every entry of a batch, then commits; once
 * commit() succeeds, the files are written and the queue items pushed, and the batch may be
 * acknowledged together with pending(). Lives on one worker thread.
 */
class ExtendedTypeHandler
{
public:
    ExtendedTypeHandler() = default;
    virtual ~ExtendedTypeHandler() = default;
    ExtendedTypeHandler(const ExtendedTypeHandler &) = delete;
    ExtendedTypeHandler &operator=(const ExtendedTypeHandler &) = delete;

    virtual void setSensorUuid(const QByteArray &uuid) = 0;
    /** Adds one stream entry's bytes. */
    virtual void feed(QByteArrayView message) = 0;
    /** Handles what was fed since the last commit. False with @p error on a Redis or disk failure. */
    virtual bool commit(QString &error) = 0;
    /** The server stops: close (and compress) open files. */
    virtual void close() = 0;
    /** The session ended and its stream is drained. */
    virtual void finish() = 0;
    /** The bytes consumed but not handled yet (an unfinished line), saved with each acknowledgement. */
    virtual QByteArray pending() const = 0;
    virtual void setPending(const QByteArray &pending) = 0;
};

} // namespace d4::workers
