// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <memory>

#include <QList>
#include <QObject>
#include <QStringList>

#include "capture/capturesummary.h"
#include "import/dnstuple.h"
#include "import/importoptions.h"
#include "import/importprogress.h"
#include "import/importresult.h"

class QThread;

namespace d4::analyzers::backscatter {
class BackscatterAnalyzer;
}

namespace d4::import {

class DnsSink;

/**
 * Imports capture files on its own thread: folders are expanded, files recognised by content
 * (anything else is refused with fileRefused() naming it), all accepted files read incrementally
 * and merged in capture-time order (k-way merge on the packet timestamps), each packet decoded once
 * and given to the backscatter analyzer and the DNS sink; optionally the packets are replayed into
 * a sensor's type-1 queues and the DNS tuples written to the PDNS store (sensor_id = name).
 *
 * progress() is emitted at least every kProgressIntervalMs while running; cancel() stops reading
 * within a packet, and the results so far are kept (and still stored). A truncated file is a
 * warning(). Signals are emitted from the job's thread (queued to receivers elsewhere); results
 * (dnsTuples(), backscatter()) are complete after finished(). One run per object.
 */
class ImportJob final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kProgressIntervalMs = 200;

    ImportJob(QStringList paths, ImportOptions options, QObject *parent = nullptr);
    /** Cancels and waits for the thread. */
    ~ImportJob() override;

    /** Runs the import on a new thread. */
    void start();
    /** Runs the import on the calling thread (blocking); d4-server and tests. */
    void run();
    /** Asks the job to stop; thread-safe. */
    void cancel() { m_cancel.store(true); }
    bool isCancelRequested() const { return m_cancel.load(); }
    bool isRunning() const;
    /** Waits up to @p ms (-1: forever) for the thread; true when it finished. */
    bool wait(int ms = -1);

    const QStringList &paths() const noexcept { return m_paths; }
    const ImportOptions &options() const noexcept { return m_options; }
    /** Thread-safe analyzer, readable while the job runs (the backscatter page can show it). */
    std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> backscatter() const { return m_backscatter; }
    /** After finished(). */
    const ImportResult &result() const noexcept { return m_result; }
    /** After finished(): the aggregated DNS tuples, in order of first appearance. */
    QList<DnsTuple> dnsTuples() const;
    /** After finished(); nullptr when DNS analysis was off. */
    const DnsSink *dnsSink() const { return m_dns.get(); }

Q_SIGNALS:
    void started(const QStringList &files);
    void progress(const d4::import::ImportProgress &progress);
    void fileRefused(const QString &path, const QString &reason);
    void fileFinished(const d4::capture::CaptureSummary &summary);
    void warning(const QString &text);
    void finished(const d4::import::ImportResult &result);

private:
    void storeDns();
    /** A warning naming why IP fragments were dropped (UDP DNS over fragments), when any were. */
    void reportFragments();

    QStringList m_paths;
    ImportOptions m_options;
    std::atomic_bool m_cancel{false};
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<analyzers::backscatter::BackscatterAnalyzer> m_backscatter;
    std::unique_ptr<DnsSink> m_dns;
    ImportResult m_result;
};

} // namespace d4::import
