// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/unconsumedtypes.h"

#include <algorithm>

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QTimer>

#include "protocol/d4types.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"
#include "workers/workerloop.h"

Q_DECLARE_LOGGING_CATEGORY(lcWorkers)

namespace d4::workers {

namespace keys = store::keys;

UnconsumedTypes::UnconsumedTypes(store::RedisRoles roles, int pollMs, QObject *parent)
    : QObject(parent)
    , m_roles(std::move(roles))
    , m_pollMs(qMax(100, pollMs))
{
}

UnconsumedTypes::~UnconsumedTypes() = default;

QList<int> UnconsumedTypes::consumedTypes()
{
    QList<int> types = WorkerLoop::handledTypes();
    types.append(254);
    return types;
}

std::optional<QList<UnconsumedType>> UnconsumedTypes::scan(store::RedisSyncClient &metadata,
                                                           store::RedisSyncClient &stream, QString &error)
{
    QSet<int> accepted;
    return scan(metadata, stream, accepted, error);
}

std::optional<QList<UnconsumedType>> UnconsumedTypes::scan(store::RedisSyncClient &metadata,
                                                           store::RedisSyncClient &stream,
                                                           QSet<int> &accepted, QString &error)
{
    const store::RedisValue members = metadata.command({"SMEMBERS", keys::acceptedTypes()});
    if (members.isError()) {
        error = QString::fromUtf8(members.string);
        return std::nullopt;
    }
    accepted.clear();
    const QList<int> consumed = consumedTypes();
    QList<UnconsumedType> result;
    for (const store::RedisValue &member : members.elements) {
        bool ok = false;
        const int type = member.string.toInt(&ok);
        if (!ok) {
            continue;
        }
        accepted.insert(type);
        if (consumed.contains(type)) {
            continue;
        }
        UnconsumedType item;
        item.type = type;
        const store::RedisValue sessions = stream.command({"SMEMBERS", keys::sessionsOfType(type)});
        if (sessions.isError()) {
            error = QString::fromUtf8(sessions.string);
            return std::nullopt;
        }
        item.sessions = sessions.elements.size();
        for (const store::RedisValue &session : sessions.elements) {
            const store::RedisValue length = stream.command({"XLEN", keys::stream(type, session.string)});
            if (length.isError()) {
                error = QString::fromUtf8(length.string);
                return std::nullopt;
            }
            item.entries += length.integer;
        }
        result.append(item);
    }
    std::sort(result.begin(), result.end(),
              [](const UnconsumedType &a, const UnconsumedType &b) { return a.type < b.type; });
    return result;
}

QList<UnconsumedType> UnconsumedTypes::current() const
{
    const QMutexLocker locker(&m_mutex);
    return m_current;
}

void UnconsumedTypes::start()
{
    m_metadata = std::make_unique<store::RedisSyncClient>(m_roles.metadata);
    m_stream = std::make_unique<store::RedisSyncClient>(m_roles.stream);
    m_timer = new QTimer(this);
    m_timer->setInterval(m_pollMs);
    connect(m_timer, &QTimer::timeout, this, &UnconsumedTypes::poll);
    m_timer->start();
    poll();
}

void UnconsumedTypes::stop()
{
    if (m_timer) {
        m_timer->stop();
    }
    m_metadata.reset();
    m_stream.reset();
}

void UnconsumedTypes::poll()
{
    if (!m_metadata || !m_stream) {
        return;
    }
    QString error;
    QSet<int> accepted;
    const auto found = scan(*m_metadata, *m_stream, accepted, error);
    if (!found) {
        qCDebug(lcWorkers).noquote() << "cannot check the accepted types:" << error;
        return;
    }
    const bool acceptedChanged = !m_polled || accepted != m_accepted;
    QList<UnconsumedType> previous;
    {
        const QMutexLocker locker(&m_mutex);
        previous = m_current;
        m_current = *found;
    }
    for (const UnconsumedType &type : *found) {
        const auto before = std::find_if(previous.cbegin(), previous.cend(),
                                         [&type](const UnconsumedType &p) { return p.type == type.type; });
        const bool gotSessions = type.sessions > 0 && (before == previous.cend() || before->sessions == 0);
        if (acceptedChanged || gotSessions) {
            warn(type);
        }
    }
    m_accepted = accepted;
    const bool firstPoll = !m_polled;
    m_polled = true;
    if (firstPoll || previous != *found) {
        Q_EMIT changed(*found);
    }
}

void UnconsumedTypes::warn(const UnconsumedType &type)
{
    Warned &last = m_lastWarning[type.type];
    const bool news = type.sessions > 0 && !last.hadSessions;
    if (last.timer.isValid() && last.timer.elapsed() < kWarningIntervalMs && !news) {
        return;
    }
    last.timer.start();
    last.hadSessions = type.sessions > 0;
    const protocol::TypeInfo *info = protocol::findType(type.type);
    const QString name = info ? QString::fromLatin1(info->name.data(), qsizetype(info->name.size()))
                              : QStringLiteral("unknown");
    qCWarning(lcWorkers).noquote()
        << QStringLiteral("type %1 (%2) is accepted but no worker consumes it: %3 unconsumed session(s), "
                          "%4 entries waiting; its streams will fill up until the sensors are disconnected")
               .arg(type.type)
               .arg(name)
               .arg(type.sessions)
               .arg(type.entries);
}

} // namespace d4::workers
