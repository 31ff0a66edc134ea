// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterreporter.h"

#include <QLoggingCategory>

namespace d4::analyzers::backscatter {

namespace {

Q_LOGGING_CATEGORY(lcReport, "d4.backscatter")

} // namespace

BackscatterReporter::BackscatterReporter(BackscatterAnalyzer *analyzer, QString directory,
                                         qsizetype maxPendingAttacks)
    : m_analyzer(analyzer)
    , m_directory(directory)
    , m_writer(std::move(directory), maxPendingAttacks)
{
    m_analyzer->setAttackEventsEnabled(true);
}

BackscatterReporter::~BackscatterReporter()
{
    m_analyzer->setAttackEventsEnabled(false);
}

void BackscatterReporter::poll(qint64 wallNowNs)
{
    const qint64 capture = m_analyzer->latestCaptureNs();
    if (capture != m_lastCaptureNs) {
        m_lastCaptureNs = capture;
        m_lastCaptureChangeNs = wallNowNs;
    } else if (capture != 0 && wallNowNs > m_lastCaptureChangeNs) {
        m_analyzer->expire(capture + (wallNowNs - m_lastCaptureChangeNs));
    }
    report(m_analyzer->takeAttackEvents(), wallNowNs);
}

void BackscatterReporter::finish(qint64 wallNowNs)
{
    report(m_analyzer->takeAttackEvents(), wallNowNs);
    const BackscatterSnapshot snapshot = m_analyzer->snapshot();
    QList<AttackRecord> active;
    for (const AttackRecord &attack : snapshot.attacks) {
        if (attack.active) {
            active.append(attack);
        }
    }
    BackscatterSnapshot context;
    context.settings = snapshot.settings;
    m_writer.submit(std::move(active), context, wallNowNs, true);
    m_writer.flush();
}

void BackscatterReporter::report(const BackscatterAnalyzer::AttackEvents &events, qint64 wallNowNs)
{
    if (events.detected.isEmpty() && events.ended.isEmpty() && events.dropped == 0) {
        return;
    }
    // Only the settings matter to the figures: window, slide and monitored prefixes.
    BackscatterSnapshot context;
    context.settings = m_analyzer->settings();
    for (const AttackRecord &attack : events.detected) {
        ++m_detected;
        qCInfo(lcReport).noquote() << "attack detected:"
                                   << BackscatterFileWriter::describe(attack, context, false);
    }
    // Filed, then logged, by the writer thread.
    m_writer.submit(events.ended, context, wallNowNs);
    if (events.dropped > 0) {
        m_droppedReported += events.dropped;
        qCWarning(lcReport).noquote() << events.dropped << "attack events not reported: too many at once ("
                                      << m_droppedReported << "so far)";
    }
}

} // namespace d4::analyzers::backscatter
