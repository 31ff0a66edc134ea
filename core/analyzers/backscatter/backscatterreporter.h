// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>

#include <QString>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzers/backscatter/backscatterfilewriter.h"

namespace d4::analyzers::backscatter {

/**
 * Reports the attacks of a live BackscatterAnalyzer without a GUI: an info log line (category
 * d4.backscatter) when an attack is detected (reaches the thresholds) and when it ends (times out
 * or is evicted), and one JSON line per ended attack (BackscatterExport::attackToJson, the fields of
 * `d4-server analyze --json`) appended to `<directory>/attacks-YYYY-MM-DD.ndjson`, the date being
 * the UTC day of the poll. With an evidence directory, the evidence packets of each attack written
 * there (EvidenceWriter: `<victim>-<protocol>-<start>.pcap`, numbered when the name is taken) and
 * the line says which file (`evidence_file`) or why there is none (`evidence_unavailable`).
 *
 * The files are written, and the "attack ended" lines logged after them, by a BackscatterFileWriter
 * thread: poll() only hands the ended attacks over, so a burst of thousands does not hold its
 * caller (the console's GUI thread when the server is embedded). What is handed over is written in
 * order; flush(), finish() and the destructor wait until it is. Beyond
 * BackscatterFileWriter::kMaxPendingAttacks waiting attacks, further ones are dropped and counted.
 *
 * The analyzer closes vectors on capture time, which stands still when no packet arrives: poll()
 * therefore lets the capture clock run on with the wall clock while it stands still, so the last
 * attacks end one timeout after the traffic stopped (a replayed old capture too).
 *
 * Call poll() every few seconds from one thread (ServerRuntime's timer); it costs the events since
 * the last call, not the analyzer's size. Enables the analyzer's events; does not own it.
 */
class BackscatterReporter final
{
public:
    /**
     * @p directory: where the NDJSON files go (created when needed); empty = log lines only.
     * @p maxPendingAttacks: the bound of the writer's queue.
     */
    BackscatterReporter(BackscatterAnalyzer *analyzer, QString directory,
                        qsizetype maxPendingAttacks = BackscatterFileWriter::kMaxPendingAttacks);
    /** Waits until everything handed over is written. */
    ~BackscatterReporter();
    BackscatterReporter(const BackscatterReporter &) = delete;
    BackscatterReporter &operator=(const BackscatterReporter &) = delete;

    /** Ends attacks idle for the timeout (see the class comment) and hands the events over. */
    void poll(qint64 wallNowNs);
    /**
     * At shutdown: reports the pending events, then writes each attack still active (with
     * "active": true) so that a restart loses none; returns once all of it is written.
     */
    void finish(qint64 wallNowNs);
    /** Blocks until every ended attack handed over so far is filed and logged. */
    void flush() { m_writer.flush(); }

    /** Writes each reported attack's evidence pcap under @p directory (created when needed). */
    void setEvidenceDirectory(const QString &directory) { m_writer.setEvidenceDirectory(directory); }
    /**
     * Removes the attack files and evidence pcaps older than @p days (0: never), at once and then
     * every @p interval, on the writer thread (BackscatterRetention). Set after the evidence directory.
     */
    void setRetentionDays(int days,
                          std::chrono::milliseconds interval = BackscatterFileWriter::kRetentionInterval)
    {
        m_writer.setRetention(days, interval);
    }

    /** The file poll() appends to at @p wallNowNs. */
    QString filePath(qint64 wallNowNs) const
    {
        return BackscatterFileWriter::filePath(m_directory, wallNowNs);
    }
    quint64 detectedAttacks() const noexcept { return m_detected; }
    /** Ended attacks filed (or failed to) and logged; flush() first to count all those handed over. */
    quint64 endedAttacks() const noexcept { return m_writer.endedAttacks(); }
    quint64 linesWritten() const noexcept { return m_writer.linesWritten(); }
    quint64 writeErrors() const noexcept { return m_writer.writeErrors(); }
    quint64 evidenceFiles() const noexcept { return m_writer.evidenceFiles(); }
    /** Ended attacks not filed because the writer's queue was full. */
    quint64 droppedAttacks() const noexcept { return m_writer.droppedAttacks(); }
    /** The thread that writes the files (for tests). */
    const BackscatterFileWriter &writer() const noexcept { return m_writer; }

private:
    void report(const BackscatterAnalyzer::AttackEvents &events, qint64 wallNowNs);

    BackscatterAnalyzer *m_analyzer;
    QString m_directory;
    qint64 m_lastCaptureNs = 0;
    qint64 m_lastCaptureChangeNs = 0; ///< wall time at which m_lastCaptureNs was first seen
    quint64 m_detected = 0;
    quint64 m_droppedReported = 0;
    BackscatterFileWriter m_writer; ///< last: destroyed (drained) first
};

} // namespace d4::analyzers::backscatter
