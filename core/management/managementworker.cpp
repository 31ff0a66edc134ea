// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementworker.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include "management/saveddatascanner.h"

Q_LOGGING_CATEGORY(lcManagement, "d4.management")

namespace d4::management {

namespace {
constexpr qint64 kDiskScanIntervalMs = 10000;
}

ManagementWorker::ManagementWorker(ManagementOptions options)
    : m_options(std::move(options))
    , m_queueRates(m_options.rateWindowMs, m_options.notConsumedAfterMs)
{
}

ManagementWorker::~ManagementWorker() = default;

void ManagementWorker::initialize()
{
    m_reader = std::make_unique<ManagementReader>(m_options.roles, m_options.defaultQueueMaxSize);
    m_actions = std::make_unique<ManagementActions>(m_options.roles);
    m_silence = std::make_unique<SilenceEvaluator>(m_options.roles);
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setInterval(m_options.refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ManagementWorker::refresh);
    m_timer->start();
    refresh();
}

void ManagementWorker::shutdown()
{
    if (m_timer) {
        m_timer->stop();
    }
    m_silence.reset();
    m_actions.reset();
    m_reader.reset();
}

void ManagementWorker::refresh()
{
    if (!m_reader) {
        return;
    }
    refreshOverview();
    if (!m_watched.isEmpty()) {
        const bool scan = m_lastDiskScanMs < 0 || m_clock.elapsed() - m_lastDiskScanMs >= kDiskScanIntervalMs;
        refreshSensor(scan);
    }
    if (m_options.monitoringIntervalMs > 0 &&
        (m_lastMonitoringMs < 0 ||
         m_clock.elapsed() - m_lastMonitoringMs >= m_options.monitoringIntervalMs)) {
        evaluateMonitoring();
    }
}

void ManagementWorker::refreshOverview()
{
    QString error;
    auto overview = m_reader->readOverview(QDate::currentDate(), error);
    const int reachable = overview ? 1 : 0;
    if (reachable != m_reachable) {
        m_reachable = reachable;
        if (!overview) {
            qCWarning(lcManagement).noquote() << "Redis unreachable:" << error;
        }
        Q_EMIT reachabilityChanged(reachable == 1, error);
    }
    if (!overview) {
        return;
    }
    overview->serverMode = m_options.serverMode;
    deriveRates(*overview);
    Q_EMIT overviewUpdated(std::make_shared<const Overview>(std::move(*overview)));
}

void ManagementWorker::deriveRates(Overview &overview)
{
    const qint64 now = m_clock.elapsed();
    const bool haveIngest = static_cast<bool>(m_options.ingestStatistics);
    const ingest::IngestStatsSnapshot ingest =
        haveIngest ? m_options.ingestStatistics() : ingest::IngestStatsSnapshot{};
    if (m_previousMs >= 0 && now > m_previousMs) {
        const double seconds = double(now - m_previousMs) / 1000.0;
        if (haveIngest) {
            overview.packetsPerSecond =
                double(ingest.acceptedPackets - m_previousIngest.acceptedPackets) / seconds;
            overview.bytesPerSecond =
                double(ingest.acceptedPayloadBytes - m_previousIngest.acceptedPayloadBytes) / seconds;
        } else {
            // The daily counters are flushed once a second by the server; a new day restarts them.
            const qint64 delta = overview.packetsToday - m_previousPacketsToday;
            overview.packetsPerSecond = delta > 0 ? double(delta) / seconds : 0.0;
        }
    }
    m_queueRates.update(overview.queues, now);
    m_previousMs = now;
    m_previousPacketsToday = overview.packetsToday;
    m_previousIngest = ingest;
}

void ManagementWorker::refreshSensor(bool scanDisk)
{
    QString error;
    auto detail = m_reader->readSensor(m_watched, QDate::currentDate(), error);
    if (!detail) {
        return;
    }
    if (scanDisk) {
        m_saved = SavedDataScanner::scan(m_options.saveDirectory, detail->summary.uuid, QDate::currentDate());
        m_lastDiskScanMs = m_clock.elapsed();
    }
    detail->saved = m_saved;
    Q_EMIT sensorUpdated(std::make_shared<const SensorDetail>(std::move(*detail)));
}

void ManagementWorker::evaluateMonitoring()
{
    m_lastMonitoringMs = m_clock.elapsed();
    QString error;
    const auto inError = m_silence->evaluate(QDateTime::currentSecsSinceEpoch(), error);
    if (!inError) {
        return;
    }
    const std::set<QByteArray> now(inError->begin(), inError->end());
    for (const QByteArray &uuid : now) {
        if (!m_silent.count(uuid)) {
            Q_EMIT silenceChanged(uuid, true);
        }
    }
    for (const QByteArray &uuid : m_silent) {
        if (!now.count(uuid)) {
            Q_EMIT silenceChanged(uuid, false);
        }
    }
    m_silent = now;
}

void ManagementWorker::setWatchedSensor(const QByteArray &uuid)
{
    m_watched = uuid;
    m_saved.clear();
    m_lastDiskScanMs = -1;
    if (m_reader && !m_watched.isEmpty()) {
        refreshSensor(true);
    }
}

void ManagementWorker::loadBlacklistPage(BlacklistKind kind, int page, int pageSize)
{
    if (!m_reader) {
        return;
    }
    QString error;
    if (const auto result = m_reader->readBlacklistPage(kind, page, pageSize, error)) {
        Q_EMIT blacklistPageReady(*result);
    }
}

void ManagementWorker::loadQueueSample(const QByteArray &queueUuid, int count, int maxLineLength)
{
    if (!m_reader) {
        return;
    }
    QString error;
    const auto sample = m_reader->queueSample(queueUuid, count, maxLineLength, error);
    Q_EMIT queueSampleReady(queueUuid, sample.value_or(QStringList()), error);
}

void ManagementWorker::perform(const QString &what, const Action &action)
{
    if (!m_actions) {
        Q_EMIT actionFinished(what, ActionResult::failure(QStringLiteral("not connected")));
        return;
    }
    const ActionResult result = action(*m_actions);
    if (result.ok) {
        qCInfo(lcManagement).noquote() << what << "-" << result.message;
    } else {
        qCWarning(lcManagement).noquote() << what << "failed:" << result.message;
    }
    Q_EMIT actionFinished(what, result);
    // Show the effect at once rather than at the next tick.
    refreshOverview();
    if (!m_watched.isEmpty()) {
        refreshSensor(false);
    }
}

} // namespace d4::management
