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
    const QByteArray now = QByteArray::number(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0, 'f', 6);
    for (const Queue &queue : *queues) {
        const QByteArray list = keys::analyzerList(typeKey, queue.uuid);
        for (qsizetype start = 0; start < nonEmpty.size(); start += kItemsPerCommand) {
            QByteArrayList command{"LPUSH", list};
            command.append(nonEmpty.mid(start, kItemsPerCommand));
            const store::RedisValue pushed = m_analyzer.command(command);
            if (pushed.isError()) {
                return fail(pushed);
            }
        }
        const store::RedisValue trimmed =
            m_analyzer.command({"LTRIM", list, "0", QByteArray::number(queue.maxSize)});
        if (trimmed.isError()) {
            return fail(trimmed);
        }
        const store::RedisValue stamped =
            m_metadata.command({"HSET", keys::analyzerQueue(queue.uuid), keys::kQueueFieldLastUpdated, now});
        if (stamped.isError()) {
            return fail(stamped);
        }
    }
    return true;
}

} // namespace d4::workers
