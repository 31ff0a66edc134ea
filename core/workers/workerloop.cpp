// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/workerloop.h"

#include <QHash>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include "store/keyschema.h"
#include "workers/dnscapworker.h"
#include "workers/lineworker.h"
#include "workers/metaworker.h"
#include "workers/pcapworker.h"
#include "workers/workercontext.h"

Q_LOGGING_CATEGORY(lcWorkers, "d4.workers")

namespace d4::workers {

namespace keys = store::keys;

namespace {

/** What one XREAD may bring into memory, roughly: large type-1 packets get smaller batches. */
constexpr qsizetype kReadBudgetBytes = 32 * 1024 * 1024;

QByteArray slotKeyOf(int type, const QByteArray &session)
{
    return QByteArray::number(type) + ':' + session;
}

/** Decodes one stream's entries of an XREAD reply: [[id, [field, value, …]], …]. */
QList<StreamEntry> decodeEntries(const store::RedisValue &list)
{
    QList<StreamEntry> entries;
    entries.reserve(list.elements.size());
    for (const store::RedisValue &item : list.elements) {
        if (item.elements.size() != 2) {
            continue;
        }
        StreamEntry entry;
        entry.id = item.elements[0].string;
        const QList<store::RedisValue> &fields = item.elements[1].elements;
        for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
            if (fields[i].string == "message") {
                entry.message = fields[i + 1].string;
            } else if (fields[i].string == "uuid") {
                entry.sensorUuid = fields[i + 1].string;
            }
        }
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace

WorkerLoop::WorkerLoop(const WorkerSettings &settings, int index, int count, QList<WorkerTap *> taps,
                       FileFinisher *finisher)
    : m_context(std::make_unique<WorkerContext>(settings, std::move(taps), finisher))
    , m_index(index)
    , m_count(count > 0 ? count : 1)
{
}

WorkerLoop::~WorkerLoop() = default;

QList<int> WorkerLoop::handledTypes()
{
    return {1, 2, 3, 4, 6, 8};
}

void WorkerLoop::start()
{
    m_running = true;
    discover();
    m_sinceDiscovery.start();
    QTimer::singleShot(0, this, &WorkerLoop::tick);
}

void WorkerLoop::shutdown()
{
    m_running = false;
    for (auto &[key, slot] : m_sessions) {
        slot.worker->suspend();
        m_context->stream.command(
            {"SREM", keys::workingSessionsOfType(slot.worker->type()), slot.worker->session()});
    }
    m_sessions.clear();
}

void WorkerLoop::tick()
{
    if (!m_running) {
        return;
    }
    if (m_sinceDiscovery.elapsed() >= m_context->settings.discoveryIntervalMs) {
        m_sinceDiscovery.restart();
        discover();
        finishEnded();
    }
    if (m_sessions.empty()) {
        QTimer::singleShot(m_context->settings.discoveryIntervalMs, this, &WorkerLoop::tick);
        return;
    }
    read();
    QTimer::singleShot(0, this, &WorkerLoop::tick);
}

std::unique_ptr<SessionWorker> WorkerLoop::createWorker(int type, const QByteArray &session)
{
    switch (type) {
    case 1:
        return std::make_unique<PcapWorker>(*m_context, session);
    case 2:
        return std::make_unique<MetaWorker>(*m_context, session);
    case 3:
    case 6:
    case 8:
        return std::make_unique<LineWorker>(*m_context, type, session);
    case 4:
        return std::make_unique<DnscapWorker>(*m_context, session);
    default:
        return nullptr;
    }
}

void WorkerLoop::discover()
{
    for (const int type : handledTypes()) {
        const store::RedisValue sessions =
            m_context->stream.command({"SMEMBERS", keys::sessionsOfType(type)});
        if (sessions.isError()) {
            qCWarning(lcWorkers).noquote() << "cannot read sessions:" << sessions.string;
            return;
        }
        for (const store::RedisValue &member : sessions.elements) {
            const QByteArray &session = member.string;
            if (int(qHash(session) % uint(m_count)) != m_index) {
                continue;
            }
            const QByteArray key = slotKeyOf(type, session);
            if (m_sessions.count(key) != 0) {
                continue;
            }
            std::unique_ptr<SessionWorker> worker = createWorker(type, session);
            if (!worker) {
                continue;
            }
            m_context->stream.command({"SADD", keys::workingSessionsOfType(type), session});
            if (!worker->resume()) {
                qCWarning(lcWorkers).noquote()
                    << "cannot resume session" << session << ":" << worker->errorString();
                continue;
            }
            qCDebug(lcWorkers).noquote() << "worker for type" << type << "session" << session;
            Slot &slot = m_sessions[key];
            slot.worker = std::move(worker);
            slot.stream = slot.worker->currentStream();
            Q_EMIT sessionStarted(type, session);
        }
    }
}

void WorkerLoop::finishEnded()
{
    QByteArrayList finished;
    for (auto &[key, slot] : m_sessions) {
        if (!slot.idle) {
            continue;
        }
        const store::RedisValue ended =
            m_context->stream.command({"SISMEMBER", keys::endedSessions(), slot.worker->session()});
        if (ended.integer != 1) {
            continue;
        }
        const store::RedisValue length = m_context->stream.command({"XLEN", slot.worker->currentStream()});
        if (length.isError() || length.integer != 0) {
            continue;
        }
        finished.append(key);
    }
    for (const QByteArray &key : finished) {
        Slot &slot = m_sessions[key];
        slot.worker->finish();
        drop(key, true);
    }
}

void WorkerLoop::drop(const QByteArray &slotKey, bool cleanUp)
{
    auto found = m_sessions.find(slotKey);
    if (found == m_sessions.end()) {
        return;
    }
    const int type = found->second.worker->type();
    const QByteArray session = found->second.worker->session();
    if (cleanUp) {
        found->second.worker->cleanUp();
    } else {
        found->second.worker->suspend();
    }
    m_sessions.erase(found);
    if (cleanUp) {
        m_retryWarnings.erase(slotKey);
        qCDebug(lcWorkers).noquote() << "session" << session << "of type" << type << "finished";
        Q_EMIT sessionFinished(type, session);
    }
}

void WorkerLoop::read()
{
    const qsizetype perStream = kReadBudgetBytes / (m_entrySizeEstimate * qsizetype(m_sessions.size()));
    const qsizetype count = qBound(qsizetype(1), perStream, qsizetype(m_context->settings.readBatch));
    QByteArrayList command{"XREAD",
                           "COUNT",
                           QByteArray::number(count),
                           "BLOCK",
                           QByteArray::number(m_context->settings.blockMs),
                           "STREAMS"};
    std::map<QByteArray, QByteArray> slotByStream;
    QByteArrayList ids;
    for (auto &[key, slot] : m_sessions) {
        const QByteArray stream = slot.worker->currentStream();
        if (stream != slot.stream) {
            slot.stream = stream;
            slot.lastId = "0-0";
        }
        slot.idle = true;
        slotByStream[stream] = key;
        command.append(stream);
        ids.append(slot.lastId);
    }
    command.append(ids);
    const store::RedisValue reply = m_context->stream.command(command);
    if (reply.isError()) {
        qCWarning(lcWorkers).noquote() << "XREAD failed:" << reply.string;
        QThread::msleep(200);
        return;
    }
    qsizetype largest = 0;
    for (const store::RedisValue &streamReply : reply.elements) {
        if (streamReply.elements.size() != 2) {
            continue;
        }
        for (const store::RedisValue &item : streamReply.elements[1].elements) {
            if (item.elements.size() == 2) {
                for (const store::RedisValue &field : item.elements[1].elements) {
                    largest = qMax(largest, field.string.size());
                }
            }
        }
    }
    // Follow growth at once, shrink slowly.
    m_entrySizeEstimate = qMax(qMax(largest, qsizetype(1024)), m_entrySizeEstimate * 7 / 8);
    for (const store::RedisValue &streamReply : reply.elements) {
        if (streamReply.elements.size() != 2) {
            continue;
        }
        const auto found = slotByStream.find(streamReply.elements[0].string);
        if (found == slotByStream.end()) {
            continue;
        }
        const QList<StreamEntry> entries = decodeEntries(streamReply.elements[1]);
        auto slot = m_sessions.find(found->second);
        if (entries.isEmpty() || slot == m_sessions.end()) {
            continue;
        }
        slot->second.idle = false;
        process(found->second, slot->second, entries);
    }
}

void WorkerLoop::process(const QByteArray &slotKey, Slot &slot, const QList<StreamEntry> &entries)
{
    const QByteArray stream = slot.stream;
    switch (slot.worker->handle(entries)) {
    case SessionWorker::Result::Handled:
        if (!acknowledge(stream, entries, *slot.worker)) {
            // The entries stay in the stream; a new worker resumes from the saved state.
            drop(slotKey, false);
            return;
        }
        slot.lastId = entries.constLast().id;
        m_retryWarnings.erase(slotKey);
        return;
    case SessionWorker::Result::Rejected:
        drop(slotKey, true);
        return;
    case SessionWorker::Result::Failed: {
        // A full disk or a Redis outage fails every retry (one per discovery interval): warn at
        // most once per kRetryWarningIntervalMs per session, with how many retries were not logged.
        RetryWarning &warning = m_retryWarnings[slotKey];
        ++warning.unlogged;
        if (!warning.sinceLog.isValid() || warning.sinceLog.elapsed() >= kRetryWarningIntervalMs) {
            qCWarning(lcWorkers).noquote()
                << "session" << slot.worker->session() << ":" << slot.worker->errorString() << "(retrying;"
                << warning.unlogged << "failure(s) since the last warning)";
            warning.unlogged = 0;
            warning.sinceLog.start();
        }
        drop(slotKey, false);
        return;
    }
    }
}

bool WorkerLoop::acknowledge(const QByteArray &stream, const QList<StreamEntry> &entries,
                             const SessionWorker &worker)
{
    store::RedisSyncClient &redis = m_context->stream;
    QByteArrayList xdel{"XDEL", stream};
    for (const StreamEntry &entry : entries) {
        xdel.append(entry.id);
    }
    QList<QByteArrayList> commands{{"MULTI"}, xdel};
    for (const auto &[key, value] : worker.stateWrites()) {
        commands.append(value.isEmpty() ? QByteArrayList{"DEL", key} : QByteArrayList{"SET", key, value});
    }
    commands.append({"EXEC"});
    for (const QByteArrayList &command : std::as_const(commands)) {
        const store::RedisValue reply = redis.command(command);
        if (reply.isError()) {
            qCWarning(lcWorkers).noquote() << "cannot acknowledge" << stream << ":" << reply.string;
            redis.command({"DISCARD"});
            return false;
        }
    }
    return true;
}

} // namespace d4::workers
