// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardqueuesource.h"

#include <algorithm>

#include "forward/forwardcounters.h"
#include "forward/forwardintake.h"
#include "forward/forwardlog.h"
#include "forward/forwardrule.h"
#include "store/redissyncclient.h"

namespace d4::forward {

namespace {

constexpr int kBatch = 1000;
constexpr std::chrono::milliseconds kRetry{1000};

/** Moves up to ARGV[1] items from the right of KEYS[1] to the left of KEYS[2]; returns them oldest first. */
const QByteArray kMoveBatch = QByteArrayLiteral("local out = {}\n"
                                                "for i = 1, tonumber(ARGV[1]) do\n"
                                                "  local item = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])\n"
                                                "  if not item then break end\n"
                                                "  out[#out + 1] = item\n"
                                                "end\n"
                                                "return out\n");

QByteArrayList strings(const store::RedisValue &value)
{
    QByteArrayList items;
    items.reserve(value.elements.size());
    for (const store::RedisValue &element : value.elements) {
        items.append(element.string);
    }
    return items;
}

} // namespace

ForwardQueueSource::ForwardQueueSource(const ForwardRule &rule, QByteArray queueUuid,
                                       store::RedisEndpoint analyzer, ForwardIntake &intake,
                                       ForwardCounters &counters)
    : m_rule(rule)
    , m_queueUuid(std::move(queueUuid))
    , m_analyzer(std::move(analyzer))
    , m_intake(intake)
    , m_counters(counters)
{
}

ForwardQueueSource::~ForwardQueueSource()
{
    stop();
}

QByteArray ForwardQueueSource::queueKey() const
{
    const QByteArray typeKey = m_rule.type == 254 ? m_rule.extendedType : QByteArray::number(m_rule.type);
    return QByteArrayLiteral("analyzer:") + typeKey + ':' + m_queueUuid;
}

QByteArray ForwardQueueSource::inflightKey() const
{
    return QByteArrayLiteral("d4console:forward:inflight:") + m_rule.name.toUtf8() + ':' + m_queueUuid;
}

void ForwardQueueSource::start()
{
    m_thread = std::thread([this] { run(); });
}

void ForwardQueueSource::stop()
{
    m_stop.store(true);
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void ForwardQueueSource::run()
{
    store::RedisSyncClient redis(m_analyzer, 3000);
    const QByteArray source = queueKey();
    const QByteArray inflight = inflightKey();
    bool recovered = false;
    QString lastProblem;
    auto fail = [&](const QString &problem) {
        if (problem != lastProblem) {
            qCWarning(lcForward).noquote()
                << "Forward rule" << m_rule.name << ": queue" << m_queueUuid << ":" << problem;
            lastProblem = problem;
        }
        m_counters.setLastError(problem);
        std::this_thread::sleep_for(kRetry);
    };
    while (!m_stop.load()) {
        QByteArrayList items;
        if (!recovered) {
            // What a previous run moved but did not spool: LPUSH order, so the oldest is last.
            const store::RedisValue left = redis.command({"LRANGE", inflight, "0", "-1"});
            if (left.isError() || left.kind != store::RedisValue::Kind::Array) {
                fail(QStringLiteral("Redis: %1")
                         .arg(left.isError() ? QString::fromUtf8(left.string) : redis.errorString()));
                continue;
            }
            items = strings(left);
            std::reverse(items.begin(), items.end());
            recovered = true;
            if (!items.isEmpty()) {
                qCInfo(lcForward).noquote() << "Forward rule" << m_rule.name << ":" << items.size()
                                            << "items taken from queue" << m_queueUuid << "before a restart";
            }
        }
        if (items.isEmpty()) {
            const store::RedisValue moved =
                redis.command({"EVAL", kMoveBatch, "2", source, inflight, QByteArray::number(kBatch)});
            if (moved.isError() || moved.kind != store::RedisValue::Kind::Array) {
                fail(QStringLiteral("Redis: %1")
                         .arg(moved.isError() ? QString::fromUtf8(moved.string) : redis.errorString()));
                continue;
            }
            items = strings(moved);
        }
        if (items.isEmpty()) {
            const store::RedisValue first = redis.command({"BRPOPLPUSH", source, inflight, "1"});
            if (first.isError()) {
                fail(QStringLiteral("Redis: %1").arg(QString::fromUtf8(first.string)));
                continue;
            }
            if (first.kind != store::RedisValue::Kind::String) {
                continue; // nothing arrived within the second: check the stop flag, block again
            }
            items.append(first.string);
        }
        lastProblem.clear();
        if (!m_intake.acceptLines(items)) {
            return; // stopping with a full spool: the items stay in the in-flight list for next time
        }
        const store::RedisValue done = redis.command({"DEL", inflight});
        if (done.isError()) {
            fail(QStringLiteral("Redis: %1").arg(QString::fromUtf8(done.string)));
            recovered = false; // spooled again at the next round: at least once
        }
    }
}

} // namespace d4::forward
