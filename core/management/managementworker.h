// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include "management/actionresult.h"
#include "management/blacklistpage.h"
#include "management/managementactions.h"
#include "management/managementoptions.h"
#include "management/managementreader.h"
#include "management/overview.h"
#include "management/queueratetracker.h"
#include "management/sensordetail.h"
#include "management/silenceevaluator.h"

class QTimer;

namespace d4::management {

/**
 * The part of ManagementService that lives on the management thread: it owns the blocking
 * ManagementReader, ManagementActions and SilenceEvaluator, polls on a timer and publishes snapshots. Only
 * ManagementService talks to it, through queued calls.
 */
class ManagementWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagementWorker)

public:
    using Action = std::function<ActionResult(ManagementActions &)>;

    explicit ManagementWorker(ManagementOptions options);
    ~ManagementWorker() override;

    // Each runs on the worker's thread.
    void initialize();
    void shutdown();
    void refresh();
    void setWatchedSensor(const QByteArray &uuid);
    void loadBlacklistPage(BlacklistKind kind, int page, int pageSize);
    void loadQueueSample(const QByteArray &queueUuid, int count, int maxLineLength);
    void perform(const QString &what, const Action &action);

Q_SIGNALS:
    void overviewUpdated(std::shared_ptr<const d4::management::Overview> overview);
    void sensorUpdated(std::shared_ptr<const d4::management::SensorDetail> detail);
    void blacklistPageReady(const d4::management::BlacklistPage &page);
    void queueSampleReady(const QByteArray &queueUuid, const QStringList &entries, const QString &error);
    void actionFinished(const QString &what, const d4::management::ActionResult &result);
    void reachabilityChanged(bool reachable, const QString &error);
    void silenceChanged(const QByteArray &uuid, bool silent);

private:
    void refreshOverview();
    void refreshSensor(bool scanDisk);
    void evaluateMonitoring();
    void deriveRates(Overview &overview);

    ManagementOptions m_options;
    std::unique_ptr<ManagementReader> m_reader;
    std::unique_ptr<ManagementActions> m_actions;
    std::unique_ptr<SilenceEvaluator> m_silence;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_lastMonitoringMs = -1;
    qint64 m_lastDiskScanMs = -1;
    int m_reachable = -1; ///< -1 unknown, 0 no, 1 yes
    QByteArray m_watched;
    QList<SavedData> m_saved;
    std::set<QByteArray> m_silent;

    // Rates from successive snapshots
    qint64 m_previousMs = -1;
    qint64 m_previousPacketsToday = 0;
    ingest::IngestStatsSnapshot m_previousIngest;
    QueueRateTracker m_queueRates;
};

} // namespace d4::management
