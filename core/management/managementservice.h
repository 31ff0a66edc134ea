// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QObject>
#include <QThread>

#include "management/managementworker.h"

namespace d4::management {

/**
 * The console's view of a D4 server: a worker on its own thread reads Redis (d4-core's key
 * schema), publishes immutable snapshots a few times a second and performs management actions.
 * Every public function returns at once; results come back as signals on the caller's thread, so
 * the GUI thread never waits on Redis. Thread affinity: the thread that created it (the GUI).
 */
class ManagementService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagementService)

public:
    using Action = ManagementWorker::Action;

    explicit ManagementService(ManagementOptions options, QObject *parent = nullptr);
    ~ManagementService() override;

    void start();
    /** Stops polling and joins the thread (waits for a command in progress). */
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    const ManagementOptions &options() const noexcept { return m_options; }

    void refreshNow();
    /** The sensor whose SensorDetail is published with every refresh; empty = none. */
    void watchSensor(const QByteArray &uuid);
    void requestBlacklistPage(BlacklistKind kind, int page, int pageSize);
    void requestQueueSample(const QByteArray &queueUuid, int count, int maxLineLength);
    /** Runs @p action on the management thread; actionFinished(@p what, result) follows. */
    void perform(const QString &what, Action action);

    /** The most recent snapshot (null before the first one). */
    std::shared_ptr<const Overview> latestOverview() const { return m_latest; }

Q_SIGNALS:
    void overviewUpdated(std::shared_ptr<const d4::management::Overview> overview);
    void sensorUpdated(std::shared_ptr<const d4::management::SensorDetail> detail);
    void blacklistPageReady(const d4::management::BlacklistPage &page);
    void queueSampleReady(const QByteArray &queueUuid, const QStringList &entries, const QString &error);
    void actionFinished(const QString &what, const d4::management::ActionResult &result);
    void reachabilityChanged(bool reachable, const QString &error);
    /** A monitored sensor went silent (or came back): d4-core's sensors_manager rule. */
    void silenceChanged(const QByteArray &uuid, bool silent);

private:
    template <typename F> void post(F &&function);

    ManagementOptions m_options;
    QThread m_thread;
    ManagementWorker *m_worker = nullptr;
    std::shared_ptr<const Overview> m_latest;
};

} // namespace d4::management
