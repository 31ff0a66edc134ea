// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/workermanager.h"

#include <QThread>

#include "store/keyschema.h"
#include "store/redissyncclient.h"
#include "workers/unconsumedtypes.h"
#include "workers/workerloop.h"

namespace d4::workers {

WorkerManager::WorkerManager(WorkerSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

WorkerManager::~WorkerManager()
{
    stop();
}

void WorkerManager::addTap(WorkerTap *tap)
{
    Q_ASSERT(!isRunning());
    m_taps.append(tap);
}

bool WorkerManager::start(QString &error)
{
    if (isRunning()) {
        return true;
    }
    store::RedisSyncClient stream(m_settings.redis.stream);
    for (const int type : WorkerLoop::handledTypes()) {
        const store::RedisValue reply = stream.command({"DEL", store::keys::workingSessionsOfType(type)});
        if (reply.isError()) {
            error = QStringLiteral("workers: %1").arg(QString::fromUtf8(reply.string));
            return false;
        }
    }
    const int count = qMax(1, m_settings.threads);
    for (int index = 0; index < count; ++index) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("d4-worker-%1").arg(index));
        auto *loop = new WorkerLoop(m_settings, index, count, m_taps);
        loop->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, loop, &QObject::deleteLater);
        connect(loop, &WorkerLoop::sessionStarted, this, &WorkerManager::sessionStarted);
        connect(loop, &WorkerLoop::sessionFinished, this, &WorkerManager::sessionFinished);
        thread->start();
        QMetaObject::invokeMethod(loop, &WorkerLoop::start, Qt::QueuedConnection);
        m_loops.push_back(loop);
        m_threads.push_back(std::move(thread));
    }
    m_monitorThread = std::make_unique<QThread>();
    m_monitorThread->setObjectName(QStringLiteral("d4-worker-monitor"));
    m_monitor = new UnconsumedTypes(m_settings.redis, m_settings.unconsumedPollMs);
    m_monitor->moveToThread(m_monitorThread.get());
    connect(m_monitorThread.get(), &QThread::finished, m_monitor, &QObject::deleteLater);
    connect(m_monitor, &UnconsumedTypes::changed, this, &WorkerManager::unconsumedTypesChanged);
    m_monitorThread->start();
    QMetaObject::invokeMethod(m_monitor, &UnconsumedTypes::start, Qt::QueuedConnection);
    return true;
}

QList<UnconsumedType> WorkerManager::unconsumedTypes() const
{
    return m_monitor ? m_monitor->current() : QList<UnconsumedType>();
}

void WorkerManager::stop()
{
    for (WorkerLoop *loop : m_loops) {
        QMetaObject::invokeMethod(loop, &WorkerLoop::shutdown, Qt::BlockingQueuedConnection);
    }
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
    m_loops.clear();
    if (m_monitorThread) {
        QMetaObject::invokeMethod(m_monitor, &UnconsumedTypes::stop, Qt::BlockingQueuedConnection);
        m_monitor = nullptr;
        m_monitorThread->quit();
        m_monitorThread->wait();
        m_monitorThread.reset();
    }
}

} // namespace d4::workers
