// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/analyzerqueues.h"

#include <QDateTime>
#include <QSet>
#include <QStringBuilder>

#include "store/keyschema.h"

namespace d4::workers {

namespace keys = store::keys;

namespace {

constexpr qsizetype kItemsPerCommand = 1000;

} // namespace

AnalyzerQueues::AnalyzerQueues(store::RedisEndpoint metadata, store::RedisEndpoint analyzer,
                               qint64 defaultMaxSize, int cacheMs)
    : m_metadata(std::move(metadata), 5000)
    , m_analyzer(std::move(analyzer), 5000)
    , m_defaultMaxSize(defaultMaxSize)
    , m_cacheMs(cacheMs)
{
}

bool AnalyzerQueues::fail(const store::RedisValue &value)
{
    m_error = QString::fromUtf8(value.string);
    m_cache.clear();
    return false;
}

const std::vector<AnalyzerQueues::Queue> *AnalyzerQueues::queuesFor(const QByteArray &sensorUuid,
                                                                    const QByteArray &typeKey, bool extended)
{
    const QByteArray cacheKey = typeKey + '\n' + sensorUuid;
    auto found = m_cache.find(cacheKey);
    if (found != m_cache.end() && found->second.age.isValid() && found->second.age.elapsed() < m_cacheMs) {
        return &found->second.queues;
    }
    const QByteArray shared =
        extended ? keys::analyzerQueuesOfExtendedType(typeKey) : keys::analyzerQueuesOfType(typeKey.toInt());
    const store::RedisValue all =
        m_metadata.command({"SUNION", shared, keys::sensorGroupQueues(typeKey, sensorUuid)});
    if (all.isError()) {
        fail(all);
        return nullptr;
    }
    CacheEntry entry;
    for (const QByteArray &uuid : all.sortedStrings()) {
        const store::RedisValue size =
            m_metadata.command({"HGET", keys::analyzerQueue(uuid), keys::kQueueFieldMaxSize});
        if (size.isError()) {
            fail(size);
            return nullptr;
        }
        bool ok = false;
        const qint64 maxSize = size.string.toLongLong(&ok);
        entry.queues.push_back({uuid, ok && maxSize > 0 ? maxSize : m_defaultMaxSize});
    }
    entry.age.start();
    auto &slot = m_cache[cacheKey];
    slot = std::move(entry);
    return &slot.queues;
}

bool AnalyzerQueues::push(const QByteArray &sensorUuid, const QByteArray &typeKey, bool extended,
                          const QByteArrayList &items)
{
    const std::vector<Queue> *queues = queuesFor(sensorUuid, typeKey, extended);
    if (!queues) {
        return false;
    }
    if (queues->empty()) {
        return true;
    }
    QByteArrayList nonEmpty;
    nonEmpty.reserve(items.size());
    for (const QByteArray &item : items) {
        if (!item.isEmpty()) {
            nonEmpty.append(item);
        }
    }
    if (nonEmpty.isEmpty()) {
        return true;
    }
    // One transaction per queue, all in one round trip: the entries, the trim and the push counter
    // change together, so a reader sees a length and a counter that agree. LPUSH's reply inside the
    // transaction is the length just before LTRIM, which tells exactly how many entries LTRIM drops.
    const QByteArray count = QByteArray::number(nonEmpty.size());
    QList<QByteArrayList> commands;
    std::vector<qsizetype> execIndexes;
    for (const Queue &queue : *queues) {
        const QByteArray list = keys::analyzerList(typeKey, queue.uuid);
        commands.append({"MULTI"});
        for (qsizetype start = 0; start < nonEmpty.size(); start += kItemsPerCommand) {
            QByteArrayList command{"LPUSH", list};
            command.append(nonEmpty.mid(start, kItemsPerCommand));
            commands.append(command);
        }
        commands.append({"LTRIM", list, "0", QByteArray::number(queue.maxSize)});
        commands.append({"HINCRBY", keys::analyzerQueuePushed(), queue.uuid, count});
        execIndexes.push_back(commands.size());
        commands.append({"EXEC"});
    }
    const QList<store::RedisValue> replies = m_analyzer.pipeline(commands);
    for (const store::RedisValue &reply : replies) {
        if (reply.isError()) {
            return fail(reply);
        }
    }
    // The dropped count can only follow the transaction; it is sent at once, and only for queues
    // that overflowed (a queue nobody consumes).
    QList<QByteArrayList> dropped;
    for (size_t i = 0; i < queues->size(); ++i) {
        const store::RedisValue &exec = replies[execIndexes[i]];
        if (exec.kind != store::RedisValue::Kind::Array || exec.elements.size() < 3) {
            return fail(store::RedisValue::error("unexpected reply to EXEC"));
        }
        for (const store::RedisValue &element : exec.elements) {
            if (element.isError()) {
                return fail(element);
            }
        }
        const qint64 lengthBeforeTrim = exec.elements[exec.elements.size() - 3].integer;
        const qint64 over = lengthBeforeTrim - ((*queues)[i].maxSize + 1);
        if (over > 0) {
            dropped.append(
                {"HINCRBY", keys::analyzerQueueDropped(), (*queues)[i].uuid, QByteArray::number(over)});
        }
    }
    if (!dropped.isEmpty()) {
        for (const store::RedisValue &reply : m_analyzer.pipeline(dropped)) {
            if (reply.isError()) {
                return fail(reply);
            }
        }
    }
    const QByteArray now = QByteArray::number(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0, 'f', 6);
    QList<QByteArrayList> stamps;
    for (const Queue &queue : *queues) {
        stamps.append({"HSET", keys::analyzerQueue(queue.uuid), keys::kQueueFieldLastUpdated, now});
    }
    for (const store::RedisValue &reply : m_metadata.pipeline(stamps)) {
        if (reply.isError()) {
            return fail(reply);
        }
    }
    return true;
}

} // namespace d4::workers
