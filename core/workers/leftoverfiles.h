// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>

#include <QByteArray>
#include <QList>
#include <QString>

namespace d4::workers {

class AnalyzerQueues;

/**
 * Rotated files a previous run left uncompressed: a worker gzips its file when it rotates or its
 * session ends, so when the process is killed the files it had open stay as they are. Before the
 * workers start (when no file can be open), find() lists them and recover() gzips each one as a
 * rotation would have, and queues the .gz paths of pcap files (type 1 queues carry file paths).
 * Line types queued their lines as they arrived, so their files are only compressed.
 *
 * A pcap file's path must reach the queues even when Redis is down at that moment: before it is
 * compressed, a marker `<file>.queue-pending` is created, it receives the .gz path once the
 * compression is done, and it is removed only once the path is queued. find() also lists the
 * compressed files whose marker is still there, so the next start queues them.
 */
class LeftoverFiles final
{
public:
    struct File
    {
        QString path;
        QByteArray sensorUuid;
        int type = 0;
        /** Already gzipped by an earlier run (path is the .gz); only its queueing is left to do. */
        bool compressed = false;
    };

    /** The suffix of the marker that holds a pcap's .gz path until the path is queued. */
    static QString queuePendingSuffix();

    /**
     * Files under @p saveDirectory laid out as the workers write them —
     * `<uuid>/<type>/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.<suffix>` or
     * `<uuid>/254/YYYY/MM/DD/<ext>/<uuid>-….txt` — that are not gzipped. Symbolic links are not
     * followed; anything else in the directory is left alone, except the hidden `.partial` files of
     * compressions a crash cut short, which are removed (their originals are listed).
     */
    static QList<File> find(const QString &saveDirectory);

    /**
     * Finishes one closed worker file as a rotation does: gzips it (unless already compressed)
     * and, for type 1, pushes the .gz path to @p queues under the marker's protection. Finished
     * sets @p finishedPath to the .gz; otherwise @p error says why (a failed push was already
     * logged by its retries, a failed compression was not). Retries as recover() says.
     */
    enum class Outcome
    {
        Finished,
        NotCompressed,
        NotQueued
    };
    static Outcome finish(const File &file, AnalyzerQueues &queues, QString &finishedPath, QString &error,
                          const std::atomic<bool> *stopRequested = nullptr, int retryMs = 1000);

    /**
     * finish() for every file a previous run left open (logged as such). Returns how many were
     * recovered; failures are logged and counted in @p failed. When a push fails (Redis down), it
     * is retried every @p retryMs until it succeeds or @p stopRequested is set; without
     * @p stopRequested it is tried once. A pcap whose path could not be queued keeps its marker.
     */
    static int recover(const QList<File> &files, AnalyzerQueues &queues, int &failed,
                       const std::atomic<bool> *stopRequested = nullptr, int retryMs = 1000);
};

} // namespace d4::workers
