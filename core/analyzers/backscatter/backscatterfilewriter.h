// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include "analyzers/backscatter/attackrecord.h"
#include "analyzers/backscatter/backscattersnapshot.h"

namespace d4::analyzers::backscatter {

/**
 * The file side of BackscatterReporter, on a thread of its own so that a burst of ended attacks
 * does not hold the reporter's caller (ServerRuntime's timer: the console's GUI thread when the
 * server is embedded). For each batch, in the order handed over: the evidence pcap of each attack
 * (EvidenceWriter, under the evidence directory), then the NDJSON lines appended to
 * `<directory>/attacks-YYYY-MM-DD.ndjson` (the UTC day of the batch's wall time), then one info
 * log line per attack ("attack ended: ..." or "attack still active at shutdown: ..."): an attack
 * is filed before it is logged, so whoever reads the file on seeing the line finds it.
 *
 * At most maxPendingAttacks attacks wait; submit() files what fits and counts the rest as dropped
 * with a warning (at most one a minute) rather than wait. flush() and the destructor wait until
 * everything handed over is written, so a shutdown loses nothing that was accepted.
 *
 * With a retention (setRetention()), the thread also removes the files it creates (BackscatterRetention)
 * once older than that: when the retention is set, then every hour.
 *
 * Thread affinity: one owner thread calls everything; the counters may be read from any thread.
 */
class BackscatterFileWriter final
{
public:
    static constexpr qsizetype kMaxPendingAttacks = 20000;
    static constexpr std::chrono::milliseconds kRetentionInterval{3600 * 1000};

    /** @p directory: where the NDJSON files go (created when needed); empty = log lines only. */
    explicit BackscatterFileWriter(QString directory, qsizetype maxPendingAttacks = kMaxPendingAttacks);
    /** Writes everything handed over, then joins the thread. */
    ~BackscatterFileWriter();
    BackscatterFileWriter(const BackscatterFileWriter &) = delete;
    BackscatterFileWriter &operator=(const BackscatterFileWriter &) = delete;

    /** Writes each attack's evidence pcap under @p directory from the next batch on. */
    void setEvidenceDirectory(const QString &directory);
    /**
     * Removes the reporter's files (attack files and evidence pcaps) last modified more than @p days
     * days ago, now and every @p interval from now on; 0 days keeps them forever.
     */
    void setRetention(int days, std::chrono::milliseconds interval = kRetentionInterval);

    /**
     * Hands @p attacks over to be filed (the NDJSON file of the UTC day of @p wallNowNs) and logged.
     * @p atShutdown: still-active attacks at a shutdown (their own log line; never dropped). Returns
     * the number accepted; the others (queue full) are counted in droppedAttacks().
     */
    qsizetype submit(QList<AttackRecord> attacks, const BackscatterSnapshot &context, qint64 wallNowNs,
                     bool atShutdown = false);
    /** Blocks until every attack handed over is filed and logged. */
    void flush();

    /** The NDJSON file of @p directory for the UTC day of @p wallNowNs. */
    static QString filePath(const QString &directory, qint64 wallNowNs);
    /** "victim 198.51.100.10 TCP, 270 packets[ in 119.5 s], max 60 ppm, estimated 1200 pps". */
    static QString describe(const AttackRecord &attack, const BackscatterSnapshot &context,
                            bool withDuration);

    quint64 endedAttacks() const noexcept { return m_ended.load(); }
    quint64 linesWritten() const noexcept { return m_lines.load(); }
    quint64 writeErrors() const noexcept { return m_writeErrors.load(); }
    quint64 evidenceFiles() const noexcept { return m_evidenceFiles.load(); }
    quint64 droppedAttacks() const noexcept { return m_dropped.load(); }
    quint64 filesExpired() const noexcept { return m_expired.load(); }
    /** Retention passes done (at setRetention() and then periodically). */
    quint64 retentionPasses() const noexcept { return m_retentionPasses.load(); }

private:
    struct Batch
    {
        QList<AttackRecord> attacks;
        BackscatterSnapshot context;
        qint64 wallNowNs = 0;
        bool atShutdown = false;
        QString evidenceDirectory;
    };

    void run();
    void write(const Batch &batch);
    QByteArray lineOf(const AttackRecord &attack, const BackscatterSnapshot &context,
                      const QString &evidenceDirectory);
    QString writeEvidence(const AttackRecord &attack, const QString &evidenceDirectory);
    void append(const QByteArray &lines, qint64 wallNowNs);
    void applyRetention(int days, const QString &evidenceDirectory);

    const QString m_directory;
    const qsizetype m_maxPending;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Batch> m_batches; ///< guarded by m_mutex
    qsizetype m_pending = 0;     ///< guarded by m_mutex: attacks submitted and not yet logged
    bool m_stopping = false;     ///< guarded by m_mutex
    QString m_evidenceDirectory; ///< guarded by m_mutex
    int m_retentionDays = 0;     ///< guarded by m_mutex
    std::chrono::milliseconds m_retentionInterval = kRetentionInterval; ///< guarded by m_mutex
    std::chrono::steady_clock::time_point m_nextRetention;              ///< guarded by m_mutex
    QElapsedTimer m_sinceDropWarning;                                   ///< owner thread
    std::atomic<quint64> m_ended{0};
    std::atomic<quint64> m_lines{0};
    std::atomic<quint64> m_writeErrors{0};
    std::atomic<quint64> m_evidenceFiles{0};
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_expired{0};
    std::atomic<quint64> m_retentionPasses{0};
    std::thread m_thread;
};

} // namespace d4::analyzers::backscatter
