// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/workermanager.h"

#include <QThread>

#include "store/keyschema.h"
#include "store/redissyncclient.h"
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
    return true;
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
}

} // namespace d4::workers
