// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace d4::workers {

struct WorkerContext;

/** One entry of `stream:<type>:<session>`. */
struct StreamEntry
{
    QByteArray id;
    QByteArray message;
    QByteArray sensorUuid; ///< the entry's `uuid` field (32 hex)
};

/**
 * Consumes the stream of one sensor session (spec §4). The WorkerLoop reads entries in batches and
 * calls handle(); once handle() returns Handled it acknowledges the batch (XDEL) atomically with
 * the worker's stateWrites(), so a restarted worker resumes exactly where this one stopped. The
 * worker must therefore have written its files and pushed its queue items (and called its taps)
 * before returning Handled. Lives on one worker thread.
 */
class SessionWorker
{
public:
    enum class Result
    {
        Handled,  ///< acknowledge the entries
        Rejected, ///< the data is unusable: the error was stored; clean the session up
        Failed    ///< a Redis or disk failure: drop this worker, a new one resumes from Redis
    };

    SessionWorker(WorkerContext &context, int type, QByteArray session);
    virtual ~SessionWorker();
    SessionWorker(const SessionWorker &) = delete;
    SessionWorker &operator=(const SessionWorker &) = delete;

    int type() const noexcept { return m_type; }
    const QByteArray &session() const noexcept { return m_session; }
    QString errorString() const { return m_error; }

    /** The stream this worker reads now (type 2 switches to 254 after the meta header). */
    virtual QByteArray currentStream() const;
    /** Loads the state a previous worker of the session saved. False with errorString() on failure. */
    virtual bool resume();
    virtual Result handle(const QList<StreamEntry> &entries) = 0;
    /** Keys and values to save with each acknowledgement (an empty value deletes the key). */
    virtual QList<QPair<QByteArray, QByteArray>> stateWrites() const = 0;
    /** The session ended and its stream is drained: close and compress the last files. */
    virtual void finish() = 0;
    /** The server stops while the session may continue later: close (and compress) files. */
    virtual void suspend() { finish(); }
    /** The Redis clean-up at the end of a session or after a rejection (spec §4.1). */
    virtual void cleanUp();

protected:
    /** Flags the session as sending the wrong data (SADD Error:IncorrectType, HSET Error). */
    void storeRejection(const QByteArray &errorText);
    /** Restores from the saved state of the previous worker; @p state may be empty. */
    virtual bool restore(const QByteArray &state) = 0;

    WorkerContext &m_context;
    const int m_type;
    const QByteArray m_session;
    QByteArray m_sensorUuid;
    QString m_error;
};

} // namespace d4::workers
