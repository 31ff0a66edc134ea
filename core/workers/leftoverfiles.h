// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

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
 */
class LeftoverFiles final
{
public:
    struct File
    {
        QString path;
        QByteArray sensorUuid;
        int type = 0;
    };

    /**
     * Files under @p saveDirectory laid out as the workers write them —
     * `<uuid>/<type>/YYYY/MM/DD/<uuid>-YYYY-MM-DD-HHMMSS.<suffix>` or
     * `<uuid>/254/YYYY/MM/DD/<ext>/<uuid>-….txt` — that are not gzipped. Symbolic links are not
     * followed; anything else in the directory is left alone.
     */
    static QList<File> find(const QString &saveDirectory);

    /**
     * Gzips every file (GzipCompressor) and pushes the type-1 ones to @p queues. Returns how many
     * were recovered; failures are logged and counted in @p failed.
     */
    static int recover(const QList<File> &files, AnalyzerQueues &queues, int &failed);
};

} // namespace d4::workers
