// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/workermanager.h"

#include <QLoggingCategory>
#include <QThread>

#include "store/keyschema.h"
#include "store/redissyncclient.h"
#include "workers/analyzerqueues.h"
#include "workers/filefinisher.h"
#include "workers/leftoverfiles.h"
#include "workers/unconsumedtypes.h"
#include "workers/workerloop.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

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
    m_finisher = std::make_unique<FileFinisher>(m_settings);
    m_finisher->start();
    const int count = qMax(1, m_settings.threads);
    for (int index = 0; index < count; ++index) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("d4-worker-%1").arg(index));
        auto *loop = new WorkerLoop(m_settings, index, count, m_taps, m_finisher.get());
        loop->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, loop, &QObject::deleteLater);
        connect(loop, &WorkerLoop::sessionStarted, this, &WorkerManager::sessionStarted);
        connect(loop, &WorkerLoop::sessionFinished, this, &WorkerManager::sessionFinished);
        thread->start();
        QMetaObject::invokeMethod(loop, &WorkerLoop::start, Qt::QueuedConnection);
        m_loops.push_back(loop);
        m_threads.push_back(std::move(thread));
    }
    recoverLeftoverFiles();
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

void WorkerManager::recoverLeftoverFiles()
{
    if (m_settings.saveDirectory.isEmpty()) {
        return;
    }
    QList<LeftoverFiles::File> leftovers = LeftoverFiles::find(m_settings.saveDirectory);
    if (leftovers.isEmpty()) {
        return;
    }
    // Compressing can take a while (a pcap file holds up to a rotation interval of traffic); the
    // loops never touch these files, so it runs beside them.
    m_stopRecovery = false;
    m_recoveryThread.reset(QThread::create([this, settings = m_settings, files = std::move(leftovers)] {
        AnalyzerQueues queues(settings.redis.metadata, settings.redis.analyzer, settings.defaultQueueMaxSize,
                              settings.queueCacheMs);
        int failed = 0;
        const int recovered = LeftoverFiles::recover(files, queues, failed, &m_stopRecovery);
        qCInfo(lcWorkers).noquote() << recovered << "file(s) left open by a previous run compressed,"
                                    << failed << "failed";
    }));
    m_recoveryThread->setObjectName(QStringLiteral("d4-worker-recovery"));
    m_recoveryThread->start();
}

QList<UnconsumedType> WorkerManager::unconsumedTypes() const
{
    return m_monitor ? m_monitor->current() : QList<UnconsumedType>();
}

void WorkerManager::stop()
{
    if (m_recoveryThread) {
        m_stopRecovery = true;
        m_recoveryThread->wait();
        m_recoveryThread.reset();
    }
    for (WorkerLoop *loop : m_loops) {
        QMetaObject::invokeMethod(loop, &WorkerLoop::shutdown, Qt::BlockingQueuedConnection);
    }
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
    m_loops.clear();
    if (m_finisher) {
        // After the loops: their last files are submitted when their sessions are suspended.
        m_finisher->stop();
        m_finisher.reset();
    }
    if (m_monitorThread) {
        QMetaObject::invokeMethod(m_monitor, &UnconsumedTypes::stop, Qt::BlockingQueuedConnection);
        m_monitor = nullptr;
        m_monitorThread->quit();
        m_monitorThread->wait();
        m_monitorThread.reset();
    }
}

} // namespace d4::workers
