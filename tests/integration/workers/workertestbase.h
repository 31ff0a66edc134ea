// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QDir>
#include <QStringList>

#include "ingest/ingesttestbase.h"

namespace d4::test {

/** Shorthands for worker tests: the ANALYZER database, queues, and files written by d4-server. */
class WorkerTestBase : public IngestTestBase
{
    Q_OBJECT

protected:
    /**
     * [D4_Server] lines with the workers on. The built-in analyzers are not what these tests are
     * about: the passive DNS analyzer (a tap that slows the type-8 worker to its own storage rate)
     * and its lookup server are turned off in a [Passive_DNS] section of their own.
     */
    static QString serverOptions(int rotationSeconds = 300)
    {
        return QStringLiteral("server_mode = shared-secret\nworkers = yes\nrotation_interval = %1\n"
                              "default_stream_max_size = 1000000\n[Passive_DNS]\nenabled = "
                              "no\n[Lookup_Server]\nenabled = no\n")
            .arg(rotationSeconds);
    }

    RedisReply analyzer(const QByteArrayList &command)
    {
        return m_redis.command(command, D4ServerProcess::kAnalyzerDb);
    }

    /** A non-group queue of @p type made with Redis commands only, as d4-core's UI stores it. */
    QByteArray addQueue(int type, qint64 maxSize = 0);

    /** RPOPs from @p list until @p count items arrived or @p timeoutMs passed (what analyzers do). */
    QByteArrayList popAll(const QByteArray &list, qsizetype count, int timeoutMs = 15000);

    /** The one session in `session_uuid:<type>` (each test has its own Redis), waiting up to 3 s. */
    QByteArray onlySession(int type);

    /** Waits until every trace of the session has been cleaned up by its worker (spec §4.1). */
    bool waitSessionCleaned(int type, const QByteArray &session, int timeoutMs = 10000);

    /** Every file under @p directory whose name matches @p pattern, sorted. */
    static QStringList filesUnder(const QString &directory, const QString &pattern);
    /**
     * filesUnder() once @p count files match, or what matches after @p timeoutMs. Finished files
     * (`.gz`) are written by the finisher's thread, a moment after their session is cleaned up.
     */
    static QStringList waitForFiles(const QString &directory, const QString &pattern, qsizetype count,
                                    int timeoutMs = 10000);
    static QByteArray gunzip(const QString &path);
};

} // namespace d4::test
