// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "management/managementservice.h"

namespace d4::management {

ManagementService::ManagementService(ManagementOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("d4-management"));
}

ManagementService::~ManagementService()
{
    stop();
}

template <typename F> void ManagementService::post(F &&function)
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, std::forward<F>(function), Qt::QueuedConnection);
    }
}

void ManagementService::start()
{
    if (m_worker) {
        return;
    }
    m_worker = new ManagementWorker(m_options);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ManagementWorker::overviewUpdated, this,
            [this](std::shared_ptr<const Overview> overview) {
                m_latest = overview;
                Q_EMIT overviewUpdated(std::move(overview));
            });
    connect(m_worker, &ManagementWorker::sensorUpdated, this, &ManagementService::sensorUpdated);
    connect(m_worker, &ManagementWorker::blacklistPageReady, this, &ManagementService::blacklistPageReady);
    connect(m_worker, &ManagementWorker::queueSampleReady, this, &ManagementService::queueSampleReady);
    connect(m_worker, &ManagementWorker::actionFinished, this, &ManagementService::actionFinished);
    connect(m_worker, &ManagementWorker::reachabilityChanged, this, &ManagementService::reachabilityChanged);
    connect(m_worker, &ManagementWorker::silenceChanged, this, &ManagementService::silenceChanged);
    m_thread.start();
    ManagementWorker *worker = m_worker;
    post([worker] { worker->initialize(); });
}

void ManagementService::stop()
{
    if (!m_worker) {
        return;
    }
    ManagementWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
}

void ManagementService::refreshNow()
{
    ManagementWorker *worker = m_worker;
    post([worker] { worker->refresh(); });
}

void ManagementService::watchSensor(const QByteArray &uuid)
{
    ManagementWorker *worker = m_worker;
    post([worker, uuid] { worker->setWatchedSensor(uuid); });
}

void ManagementService::requestBlacklistPage(BlacklistKind kind, int page, int pageSize)
{
    ManagementWorker *worker = m_worker;
    post([worker, kind, page, pageSize] { worker->loadBlacklistPage(kind, page, pageSize); });
}

void ManagementService::requestQueueSample(const QByteArray &queueUuid, int count, int maxLineLength)
{
    ManagementWorker *worker = m_worker;
    post([worker, queueUuid, count, maxLineLength] {
        worker->loadQueueSample(queueUuid, count, maxLineLength);
    });
}

void ManagementService::perform(const QString &what, Action action)
{
    if (!m_worker) {
        Q_EMIT actionFinished(what, ActionResult::failure(tr("The management service is not running")));
        return;
    }
    ManagementWorker *worker = m_worker;
    post([worker, what, action = std::move(action)] { worker->perform(what, action); });
}

} // namespace d4::management
