// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterfilewriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include "analyzers/backscatter/backscatterexport.h"
#include "analyzers/backscatter/backscatterretention.h"
#include "analyzers/backscatter/evidencewriter.h"

namespace d4::analyzers::backscatter {

namespace {

Q_LOGGING_CATEGORY(lcWriter, "d4.backscatter")

constexpr qint64 kNanosPerMs = 1000000LL;
constexpr qint64 kDropWarningIntervalMs = 60000;

} // namespace

BackscatterFileWriter::BackscatterFileWriter(QString directory, qsizetype maxPendingAttacks)
    : m_directory(std::move(directory))
    , m_maxPending(maxPendingAttacks)
{
    m_thread = std::thread([this] { run(); });
}

BackscatterFileWriter::~BackscatterFileWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join(); // run() returns once every batch is written
}

void BackscatterFileWriter::setEvidenceDirectory(const QString &directory)
{
    const std::lock_guard lock(m_mutex);
    m_evidenceDirectory = directory;
}

void BackscatterFileWriter::setRetention(int days, std::chrono::milliseconds interval)
{
    {
        const std::lock_guard lock(m_mutex);
        m_retentionDays = days;
        m_retentionInterval = interval;
        m_nextRetention = std::chrono::steady_clock::now(); // a first pass at once
    }
    m_wake.notify_one();
}

QString BackscatterFileWriter::filePath(const QString &directory, qint64 wallNowNs)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(wallNowNs / kNanosPerMs, Qt::UTC);
    return QDir(directory).filePath(
        QStringLiteral("attacks-%1.ndjson").arg(now.date().toString(QStringLiteral("yyyy-MM-dd"))));
}

QString BackscatterFileWriter::describe(const AttackRecord &attack, const BackscatterSnapshot &context,
                                        bool withDuration)
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

qsizetype BackscatterFileWriter::submit(QList<AttackRecord> attacks, const BackscatterSnapshot &context,
                                        qint64 wallNowNs, bool atShutdown)
{
    if (attacks.isEmpty()) {
        return 0;
    }
    qsizetype dropped = 0;
    qsizetype accepted = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (!atShutdown && m_pending + attacks.size() > m_maxPending) {
            const qsizetype room = std::max<qsizetype>(0, m_maxPending - m_pending);
            dropped = attacks.size() - room;
            attacks.resize(room);
        }
        accepted = attacks.size();
        if (accepted > 0) {
            m_pending += accepted;
            m_batches.push_back({std::move(attacks), context, wallNowNs, atShutdown, m_evidenceDirectory});
        }
    }
    m_wake.notify_one();
    if (dropped > 0) {
        m_dropped += quint64(dropped);
        if (!m_sinceDropWarning.isValid() || m_sinceDropWarning.elapsed() >= kDropWarningIntervalMs) {
            m_sinceDropWarning.start();
            qCWarning(lcWriter).noquote() << dropped << "ended attacks not filed: more than" << m_maxPending
                                          << "wait to be written (" << m_dropped.load() << "so far)";
        }
    }
    return accepted;
}

void BackscatterFileWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_pending == 0; });
}

void BackscatterFileWriter::run()
{
    for (;;) {
        Batch batch;
        int retentionDays = 0;
        QString evidenceDirectory;
        {
            std::unique_lock lock(m_mutex);
            const auto due = [this] {
                return m_retentionDays > 0 && std::chrono::steady_clock::now() >= m_nextRetention;
            };
            for (;;) {
                if (!m_batches.empty() || m_stopping || due()) {
                    break;
                }
                if (m_retentionDays > 0) {
                    m_wake.wait_until(lock, m_nextRetention);
                } else {
                    m_wake.wait(lock);
                }
            }
            if (m_batches.empty()) {
                if (m_stopping) {
                    return; // everything handed over is written
                }
                // Retention due: a pass now, the next one an interval later.
                retentionDays = m_retentionDays;
                evidenceDirectory = m_evidenceDirectory;
                m_nextRetention = std::chrono::steady_clock::now() + m_retentionInterval;
            } else {
                batch = std::move(m_batches.front());
                m_batches.pop_front();
            }
        }
        if (retentionDays > 0) {
            applyRetention(retentionDays, evidenceDirectory);
            continue;
        }
        write(batch);
        {
            const std::lock_guard lock(m_mutex);
            m_pending -= batch.attacks.size();
        }
        m_idle.notify_all();
    }
}

void BackscatterFileWriter::write(const Batch &batch)
{
    QByteArray lines;
    for (const AttackRecord &attack : batch.attacks) {
        lines += lineOf(attack, batch.context, batch.evidenceDirectory);
    }
    append(lines, batch.wallNowNs);
    // Filed before it is logged: whoever reads the file on seeing the line finds the attack.
    for (const AttackRecord &attack : batch.attacks) {
        if (batch.atShutdown) {
            qCInfo(lcWriter).noquote()
                << "attack still active at shutdown:" << describe(attack, batch.context, true);
        } else {
            ++m_ended;
            qCInfo(lcWriter).noquote() << "attack ended:" << describe(attack, batch.context, true);
        }
    }
}

QByteArray BackscatterFileWriter::lineOf(const AttackRecord &attack, const BackscatterSnapshot &context,
                                         const QString &evidenceDirectory)
{
    QJsonObject json = BackscatterExport::attackToJson(attack, context);
    if (!evidenceDirectory.isEmpty()) {
        const QString path = writeEvidence(attack, evidenceDirectory);
        json.insert(QStringLiteral("evidence_file"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
        if (path.isEmpty() && attack.evidence.isEmpty()) {
            json.insert(QStringLiteral("evidence_unavailable"), EvidenceWriter::unavailableReason(attack));
        }
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

QString BackscatterFileWriter::writeEvidence(const AttackRecord &attack, const QString &evidenceDirectory)
{
    if (attack.evidence.isEmpty()) {
        return {};
    }
    const QDir directory(evidenceDirectory);
    if (!QDir().mkpath(evidenceDirectory)) {
        ++m_writeErrors;
        qCWarning(lcWriter).noquote() << "cannot create" << evidenceDirectory;
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
        qCWarning(lcWriter).noquote() << "cannot write the evidence of an attack:" << error;
        return {};
    }
    ++m_evidenceFiles;
    return path;
}

void BackscatterFileWriter::append(const QByteArray &lines, qint64 wallNowNs)
{
    if (lines.isEmpty() || m_directory.isEmpty()) {
        return;
    }
    const QString path = filePath(m_directory, wallNowNs);
    QFile file(path);
    if (!QDir().mkpath(m_directory) || !file.open(QIODevice::WriteOnly | QIODevice::Append) ||
        file.write(lines) != lines.size() || !file.flush()) {
        ++m_writeErrors;
        qCWarning(lcWriter).noquote() << "cannot append to" << path << "-" << file.errorString();
        return;
    }
    m_lines += quint64(lines.count('\n'));
}

void BackscatterFileWriter::applyRetention(int days, const QString &evidenceDirectory)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    const int removed = BackscatterRetention::removeOlderThan(m_directory, evidenceDirectory, cutoff);
    m_expired += quint64(removed);
    ++m_retentionPasses;
    if (removed > 0) {
        qCInfo(lcWriter).noquote() << "removed" << removed << "backscatter files older than" << days
                                   << "days";
    }
}

} // namespace d4::analyzers::backscatter
