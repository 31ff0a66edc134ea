// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardmanager.h"

#include <QDir>

#include "forward/forwardlog.h"
#include "forward/forwardpublisher.h"
#include "forward/forwardrulerunner.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"
#include "workers/queuemanager.h"

namespace d4::forward {

namespace {
constexpr std::chrono::seconds kPublishInterval{1};
}

ForwardManager::ForwardManager(QList<ForwardRule> rules, QString dataDirectory, store::RedisRoles roles)
    : m_rules(std::move(rules))
    , m_dataDirectory(std::move(dataDirectory))
    , m_roles(std::move(roles))
{
}

ForwardManager::~ForwardManager()
{
    stop();
}

bool ForwardManager::prepare(QString &error)
{
    store::RedisSyncClient metadata(m_roles.metadata);
    workers::QueueManager queues(m_roles.metadata, m_roles.analyzer);
    for (const ForwardRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled) {
            qCInfo(lcForward).noquote() << "Forward rule" << rule.name << "is disabled";
            continue;
        }
        // The queues a rule reads must exist for the workers to fill them: register missing ones.
        for (const ForwardSource &source : rule.sources) {
            if (source.kind != ForwardSource::Kind::AnalyzerQueue) {
                continue;
            }
            const store::RedisValue exists =
                metadata.command({"EXISTS", store::keys::analyzerQueue(source.queueUuid)});
            if (exists.isError() || exists.kind != store::RedisValue::Kind::Integer) {
                error = QStringLiteral("rule %1: Redis: %2").arg(rule.name, metadata.errorString());
                return false;
            }
            if (exists.integer == 0 &&
                !queues.create(rule.type, rule.extendedType, QStringLiteral("forward rule %1").arg(rule.name),
                               {}, source.queueUuid, error)) {
                error = QStringLiteral("rule %1: queue %2: %3")
                            .arg(rule.name, QString::fromLatin1(source.queueUuid), error);
                return false;
            }
        }
        const QString spool = rule.spoolDirectory.isEmpty()
                                  ? QDir(m_dataDirectory).filePath(QStringLiteral("forward/") + rule.name)
                                  : rule.spoolDirectory;
        auto runner = std::make_unique<ForwardRuleRunner>(rule, spool, m_roles.analyzer);
        if (!runner->prepare(error)) {
            return false;
        }
        m_runners.push_back(std::move(runner));
    }
    return true;
}

std::vector<workers::WorkerTap *> ForwardManager::taps() const
{
    std::vector<workers::WorkerTap *> taps;
    for (const auto &runner : m_runners) {
        if (workers::WorkerTap *tap = runner->tap()) {
            taps.push_back(tap);
        }
    }
    return taps;
}

bool ForwardManager::start(QString &error)
{
    for (const auto &runner : m_runners) {
        if (!runner->start(error)) {
            return false;
        }
    }
    m_publisher = std::thread([this] { publishLoop(); });
    return true;
}

void ForwardManager::stopIntake()
{
    for (const auto &runner : m_runners) {
        runner->stopIntake();
    }
}

void ForwardManager::stop()
{
    for (const auto &runner : m_runners) {
        runner->stop();
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stop.store(true);
    }
    m_wake.notify_all();
    if (m_publisher.joinable()) {
        m_publisher.join(); // after the runners, so the final figures are published
    }
}

ForwardRuleRunner *ForwardManager::runner(const QString &name) const
{
    for (const auto &runner : m_runners) {
        if (runner->rule().name == name) {
            return runner.get();
        }
    }
    return nullptr;
}

void ForwardManager::publishLoop()
{
    ForwardPublisher publisher(m_roles.metadata);
    bool rulesPublished = false;
    bool last = false;
    while (!last) {
        if (!rulesPublished) {
            rulesPublished = publisher.publishRules(m_rules);
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, kPublishInterval, [this] { return m_stop.load(); });
        last = m_stop.load();
        lock.unlock();
        publishOnce(publisher, !last);
    }
}

void ForwardManager::publishOnce(ForwardPublisher &publisher, bool applyControl)
{
    for (const auto &runner : m_runners) {
        if (!applyControl) {
            publisher.publishStats(*runner);
            continue;
        }
        if (const std::optional<bool> paused = publisher.pausedRequest(runner->rule().name)) {
            if (*paused != runner->isPaused()) {
                qCInfo(lcForward).noquote() << "Forward rule" << runner->rule().name
                                            << (*paused ? "paused" : "resumed") << "from the console";
                runner->setPaused(*paused);
            }
        }
        publisher.publishStats(*runner);
    }
}

} // namespace d4::forward
