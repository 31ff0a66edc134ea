// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/pdnsanalyzer.h"

#include <algorithm>
#include <chrono>

#include <QLoggingCategory>

#include "analyzers/passivedns/pdnswriter.h"
#include "analyzers/passivedns/pipelineconnection.h"

Q_LOGGING_CATEGORY(lcPdns, "d4.pdns")

namespace d4::passivedns {

namespace {
constexpr qsizetype kMaxNames = 20000; ///< name table bound (reset when reached)

/** Adds the per-line counts of @p from (those run() counts while parsing) to @p to. */
void addLineCounts(AnalyzerCounters &to, const AnalyzerCounters &from)
{
    to.lines += from.lines;
    to.records += from.records;
    to.errorRecords += from.errorRecords;
    to.excluded += from.excluded;
    to.rejected += from.rejected;
    for (size_t i = 0; i < from.rejectedBy.size(); ++i) {
        to.rejectedBy[i] += from.rejectedBy[i];
    }
}
} // namespace

PdnsAnalyzer::PdnsAnalyzer(AnalyzerSettings settings)
    : m_settings(std::move(settings))
    , m_defaultParser(m_settings.defaultLayout, m_settings.excludes)
{
}

PdnsAnalyzer::~PdnsAnalyzer()
{
    stop();
}

bool PdnsAnalyzer::start(QString &error)
{
    PipelineConnection probe(m_settings.redis);
    const store::RedisValue pong = probe.command({"PING"});
    if (pong.isError()) {
        error = QStringLiteral("passive DNS store: %1").arg(QString::fromUtf8(pong.string));
        return false;
    }
    for (auto it = m_settings.sensorLayouts.cbegin(); it != m_settings.sensorLayouts.cend(); ++it) {
        const QByteArray problem = it.value().validate();
        if (!problem.isEmpty()) {
            error = QStringLiteral("passive DNS layout of sensor %1: %2")
                        .arg(QString::fromLatin1(it.key()), QString::fromLatin1(problem));
            return false;
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void PdnsAnalyzer::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    waitIdle(5000);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_space.notify_all();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    if (m_firstDropped == 0 && m_lastTicket > m_storedTicket) {
        m_firstDropped = m_storedTicket + 1; // queued but never written
    }
    m_stored.notify_all();
}

void PdnsAnalyzer::onLines(const QByteArray &sensorUuid, const QByteArray &typeKey,
                           const QByteArrayList &lines)
{
    if (typeKey == "8") {
        submit(sensorUuid, lines);
    }
}

quint64 PdnsAnalyzer::submit(const QByteArray &sensorUuid, const QByteArrayList &lines, int timeoutMs,
                             Source source)
{
    if (lines.isEmpty()) {
        return 0;
    }
    std::unique_lock lock(m_mutex);
    const auto room = [this] { return m_stopping || m_queuedLines < m_settings.maxQueuedLines; };
    if (timeoutMs < 0) {
        m_space.wait(lock, room);
    } else if (!m_space.wait_for(lock, std::chrono::milliseconds(timeoutMs), room)) {
        return 0;
    }
    if (m_stopping) {
        return 0;
    }
    const quint64 ticket = ++m_lastTicket;
    m_queue.push_back({sensorUuid, lines, ticket, source});
    m_queuedLines += lines.size();
    m_counters.queued = m_queuedLines;
    lock.unlock();
    m_wake.notify_one();
    return ticket;
}

bool PdnsAnalyzer::waitStored(quint64 ticket, int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    auto dropped = [this, ticket] { return m_firstDropped != 0 && ticket >= m_firstDropped; };
    m_stored.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                      [this, ticket, &dropped] { return m_storedTicket >= ticket || dropped(); });
    return ticket != 0 && m_storedTicket >= ticket && !dropped();
}

bool PdnsAnalyzer::waitIdle(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                           [this] { return m_queue.empty() && !m_busy; });
}

AnalyzerCounters PdnsAnalyzer::counters() const
{
    std::lock_guard lock(m_mutex);
    return m_counters;
}

AnalyzerCounters PdnsAnalyzer::remoteQueueCounters() const
{
    std::lock_guard lock(m_mutex);
    return m_remoteCounters;
}

QHash<int, qint64> PdnsAnalyzer::typeCounts() const
{
    std::lock_guard lock(m_mutex);
    return m_typeCounts;
}

QList<QPair<QByteArray, qint64>> PdnsAnalyzer::topNames(int count) const
{
    QList<QPair<QByteArray, qint64>> all;
    {
        std::lock_guard lock(m_mutex);
        all.reserve(m_nameCounts.size());
        for (auto it = m_nameCounts.cbegin(); it != m_nameCounts.cend(); ++it) {
            all.append({it.key(), it.value()});
        }
    }
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (all.size() > count) {
        all.resize(count);
    }
    return all;
}

const LineParser &PdnsAnalyzer::parserFor(const QByteArray &sensor)
{
    const auto layout = m_settings.sensorLayouts.constFind(sensor);
    if (layout == m_settings.sensorLayouts.cend()) {
        return m_defaultParser;
    }
    auto it = m_sensorParsers.find(sensor);
    if (it == m_sensorParsers.end()) {
        it = m_sensorParsers.insert(sensor, LineParser(layout.value(), m_settings.excludes));
    }
    return it.value();
}

void PdnsAnalyzer::run()
{
    PdnsWriter writer(m_settings.redis, m_settings.expiryByType);
    while (true) {
        std::deque<Chunk> work;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                return; // stopping with nothing left
            }
            qsizetype taken = 0;
            while (!m_queue.empty() && taken < m_settings.maxBatchLines) {
                taken += m_queue.front().lines.size();
                work.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            m_busy = true;
        }
        QList<PdnsRecord> records;
        PdnsWriter::Counters counters;
        AnalyzerCounters delta;
        AnalyzerCounters remoteDelta;
        QHash<int, qint64> types;
        QHash<QByteArray, qint64> names;
        for (const Chunk &chunk : work) {
            const LineParser &parser = parserFor(chunk.sensor);
            AnalyzerCounters part;
            part.lines = chunk.lines.size();
            for (const QByteArray &line : chunk.lines) {
                ParseResult result = parser.parse(line);
                switch (result.kind) {
                case ParseResult::Kind::Rejected:
                    ++part.rejected;
                    ++part.rejectedBy[size_t(result.reason)];
                    continue;
                case ParseResult::Kind::Excluded:
                    ++part.excluded;
                    continue;
                case ParseResult::Kind::Error:
                    ++part.errorRecords;
                    break;
                case ParseResult::Kind::Record:
                    ++part.records;
                    types[result.record.rrtype] += 1;
                    names[result.record.rrname] += 1;
                    break;
                }
                result.record.sensorId = chunk.sensor;
                records.append(std::move(result.record));
            }
            addLineCounts(delta, part);
            if (chunk.source == Source::RemoteQueue) {
                addLineCounts(remoteDelta, part);
            }
        }
        counters.rejected = delta.rejected;
        counters.excluded = delta.excluded;
        qint64 created = 0;
        bool stored = true;
        while (!writer.write(records, counters, &created)) {
            {
                std::lock_guard lock(m_mutex);
                ++m_counters.writeFailures;
            }
            qCWarning(lcPdns).noquote() << "passive DNS store:" << writer.errorString() << "- retrying";
            std::unique_lock lock(m_mutex);
            // Retry every second; give up only at stop (then the batch is lost, and logged).
            if (m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; })) {
                qCWarning(lcPdns) << "passive DNS: dropping" << records.size() << "records at shutdown";
                stored = false;
                break;
            }
        }
        std::lock_guard lock(m_mutex);
        addLineCounts(m_counters, delta);
        addLineCounts(m_remoteCounters, remoteDelta);
        m_counters.newTuples += created;
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            m_typeCounts[it.key()] += it.value();
        }
        if (m_nameCounts.size() > kMaxNames) {
            m_nameCounts.clear();
        }
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            m_nameCounts[it.key()] += it.value();
        }
        m_queuedLines -= delta.lines;
        m_counters.queued = m_queuedLines;
        if (!stored && m_firstDropped == 0) {
            m_firstDropped = work.front().ticket;
        }
        m_storedTicket = work.back().ticket;
        m_stored.notify_all();
        m_busy = false;
        m_space.notify_all();
        if (m_queue.empty()) {
            m_idle.notify_all();
        }
    }
}

} // namespace d4::passivedns
