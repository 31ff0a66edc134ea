// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterreporter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include "analyzers/backscatter/backscatterexport.h"
#include "analyzers/backscatter/evidencewriter.h"

namespace d4::analyzers::backscatter {

namespace {

Q_LOGGING_CATEGORY(lcReport, "d4.backscatter")

constexpr qint64 kNanosPerMs = 1000000LL;

/** "victim 198.51.100.10 tcp, 270 packets[ in 119.5 s], max 60 ppm, estimated 1200 pps". */
QString describe(const AttackRecord &attack, const BackscatterSnapshot &context, bool withDuration)
{
    QString text =
        QStringLiteral("victim %1 %2, %3 packets")
            .arg(BackscatterExport::ipv4Text(attack.victim), BackscatterExport::protocolName(attack.protocol))
            .arg(attack.packets);
    if (withDuration) {
        text += QStringLiteral(" in %1 s").arg(static_cast<double>(attack.durationNs()) / 1e9, 0, 'f', 1);
    }
    text +=
        QStringLiteral(", max %1 ppm").arg(attack.maxPpm(context.settings.thresholds.windowNs), 0, 'f', 0);
    const double estimated = context.estimatedPps(attack);
    text += estimated < 0 ? QStringLiteral(", estimated rate unknown (no monitored prefix)")
                          : QStringLiteral(", estimated %1 pps").arg(estimated, 0, 'f', 0);
    return text;
}

} // namespace

BackscatterReporter::BackscatterReporter(BackscatterAnalyzer *analyzer, QString directory)
    : m_analyzer(analyzer)
    , m_directory(std::move(directory))
{
    m_analyzer->setAttackEventsEnabled(true);
}

BackscatterReporter::~BackscatterReporter()
{
    m_analyzer->setAttackEventsEnabled(false);
}

QString BackscatterReporter::filePath(qint64 wallNowNs) const
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(wallNowNs / kNanosPerMs, Qt::UTC);
    return QDir(m_directory)
        .filePath(QStringLiteral("attacks-%1.ndjson").arg(now.date().toString(QStringLiteral("yyyy-MM-dd"))));
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
    QByteArray lines;
    for (const AttackRecord &attack : snapshot.attacks) {
        if (attack.active) {
            qCInfo(lcReport).noquote()
                << "attack still active at shutdown:" << describe(attack, snapshot, true);
            lines += lineOf(attack, snapshot);
        }
    }
    append(lines, wallNowNs);
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
        qCInfo(lcReport).noquote() << "attack detected:" << describe(attack, context, false);
    }
    // Filed before it is logged: whoever reads the file on seeing "attack ended" finds the attack.
    QByteArray lines;
    for (const AttackRecord &attack : events.ended) {
        lines += lineOf(attack, context);
    }
    append(lines, wallNowNs);
    for (const AttackRecord &attack : events.ended) {
        ++m_ended;
        qCInfo(lcReport).noquote() << "attack ended:" << describe(attack, context, true);
    }
    if (events.dropped > 0) {
        m_droppedReported += events.dropped;
        qCWarning(lcReport).noquote() << events.dropped << "attack events not reported: too many at once ("
                                      << m_droppedReported << "so far)";
    }
}

QByteArray BackscatterReporter::lineOf(const AttackRecord &attack, const BackscatterSnapshot &context)
{
    QJsonObject json = BackscatterExport::attackToJson(attack, context);
    if (!m_evidenceDirectory.isEmpty()) {
        const QString path = writeEvidence(attack);
        json.insert(QStringLiteral("evidence_file"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
        if (path.isEmpty() && attack.evidence.isEmpty()) {
            json.insert(QStringLiteral("evidence_unavailable"), EvidenceWriter::unavailableReason(attack));
        }
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

QString BackscatterReporter::writeEvidence(const AttackRecord &attack)
{
    if (attack.evidence.isEmpty()) {
        return {};
    }
    const QDir directory(m_evidenceDirectory);
    if (!QDir().mkpath(m_evidenceDirectory)) {
        ++m_writeErrors;
        qCWarning(lcReport).noquote() << "cannot create" << m_evidenceDirectory;
        return {};
    }
    // Two attacks of one victim and protocol starting in the same nanosecond are possible after an
    // eviction, and an attack still active at a shutdown ends again after the restart.
    const QFileInfo name(EvidenceWriter::fileName(attack));
    QString path = directory.filePath(name.fileName());
    for (int n = 2; QFileInfo::exists(path); ++n) {
        path = directory.filePath(name.completeBaseName() + QLatin1Char('-') + QString::number(n) +
                                  QLatin1Char('.') + name.suffix());
    }
    QString error;
    if (!EvidenceWriter::write(attack, path, error)) {
        ++m_writeErrors;
        qCWarning(lcReport).noquote() << "cannot write the evidence of an attack:" << error;
        return {};
    }
    ++m_evidenceFiles;
    return path;
}

void BackscatterReporter::append(const QByteArray &lines, qint64 wallNowNs)
{
    if (lines.isEmpty() || m_directory.isEmpty()) {
        return;
    }
    const QString path = filePath(wallNowNs);
    QFile file(path);
    if (!QDir().mkpath(m_directory) || !file.open(QIODevice::WriteOnly | QIODevice::Append) ||
        file.write(lines) != lines.size() || !file.flush()) {
        ++m_writeErrors;
        qCWarning(lcReport).noquote() << "cannot append to" << path << "-" << file.errorString();
        return;
    }
    m_lines += static_cast<quint64>(lines.count('\n'));
}

} // namespace d4::analyzers::backscatter
