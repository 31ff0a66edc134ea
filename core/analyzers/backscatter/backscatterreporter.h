// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QString>

#include "analyzers/backscatter/backscatteranalyzer.h"

namespace d4::analyzers::backscatter {

/**
 * Reports the attacks of a live BackscatterAnalyzer without a GUI: an info log line (category
 * d4.backscatter) when an attack is detected (reaches the thresholds) and when it ends (times out
 * or is evicted), and one JSON line per ended attack (BackscatterExport::attackToJson, the fields of
 * `d4-server analyze --json`) appended to `<directory>/attacks-YYYY-MM-DD.ndjson`, the date being
 * the UTC day of writing. With an evidence directory, the evidence packets of each attack written
 * there (EvidenceWriter: `<victim>-<protocol>-<start>.pcap`, numbered when the name is taken) and
 * the line says which file (`evidence_file`) or why there is none (`evidence_unavailable`).
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
    /** @p directory: where the NDJSON files go (created when needed); empty = log lines only. */
    BackscatterReporter(BackscatterAnalyzer *analyzer, QString directory);
    ~BackscatterReporter();
    BackscatterReporter(const BackscatterReporter &) = delete;
    BackscatterReporter &operator=(const BackscatterReporter &) = delete;

    /** Ends attacks idle for the timeout (see the class comment) and reports the events. */
    void poll(qint64 wallNowNs);
    /**
     * At shutdown: reports the pending events, then writes each attack still active (with
     * "active": true) so that a restart loses none.
     */
    void finish(qint64 wallNowNs);

    /** Writes each reported attack's evidence pcap under @p directory (created when needed). */
    void setEvidenceDirectory(const QString &directory) { m_evidenceDirectory = directory; }

    /** The file poll() appends to at @p wallNowNs. */
    QString filePath(qint64 wallNowNs) const;
    quint64 detectedAttacks() const noexcept { return m_detected; }
    quint64 endedAttacks() const noexcept { return m_ended; }
    quint64 linesWritten() const noexcept { return m_lines; }
    quint64 writeErrors() const noexcept { return m_writeErrors; }
    quint64 evidenceFiles() const noexcept { return m_evidenceFiles; }

private:
    void report(const BackscatterAnalyzer::AttackEvents &events, qint64 wallNowNs);
    void append(const QByteArray &lines, qint64 wallNowNs);
    /** The NDJSON line of @p attack, after writing its evidence pcap when there is a directory. */
    QByteArray lineOf(const AttackRecord &attack, const BackscatterSnapshot &context);
    /** Writes @p attack's evidence; its path, or an empty string (none kept, or failed: logged). */
    QString writeEvidence(const AttackRecord &attack);

    BackscatterAnalyzer *m_analyzer;
    QString m_directory;
    QString m_evidenceDirectory;
    qint64 m_lastCaptureNs = 0;
    qint64 m_lastCaptureChangeNs = 0; ///< wall time at which m_lastCaptureNs was first seen
    quint64 m_detected = 0;
    quint64 m_ended = 0;
    quint64 m_lines = 0;
    quint64 m_writeErrors = 0;
    quint64 m_evidenceFiles = 0;
    quint64 m_droppedReported = 0;
};

} // namespace d4::analyzers::backscatter
