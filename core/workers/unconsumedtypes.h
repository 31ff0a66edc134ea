// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <map>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>

#include "store/redisendpoint.h"
#include "workers/unconsumedtype.h"

class QTimer;

namespace d4::store {
class RedisSyncClient;
}

namespace d4::workers {

/**
 * Watches for accepted types that no worker consumes (spec §9 #9: 5, 6, 7, or any accepted type
 * other than 1, 2, 3, 4, 8 and 254). Every poll interval it reads `server:accepted_type` and, for
 * each unconsumed type, the sessions in `session_uuid:<type>` and the length of their streams.
 * It logs a WARNING naming the type and its sessions at the first poll, when the accepted types
 * change, and when a type gets sessions while it had none; at most one per type and
 * kWarningIntervalMs, except that a warning about sessions always follows one about none. The console reads
 * current() or listens to changed().
 *
 * Thread affinity: lives on its own thread (WorkerManager moves it there); current() and scan()
 * may be called from any thread.
 */
class UnconsumedTypes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnconsumedTypes)

public:
    static constexpr qint64 kWarningIntervalMs = 60000;

    UnconsumedTypes(store::RedisRoles roles, int pollMs, QObject *parent = nullptr);
    ~UnconsumedTypes() override;

    /** The types a worker consumes: WorkerLoop::handledTypes() and 254 (read by type-2 workers). */
    static QList<int> consumedTypes();
    /**
     * One blocking scan with the given connections: the accepted types without a worker, sorted by
     * type, with their sessions and waiting entries. std::nullopt with @p error on a Redis error.
     */
    static std::optional<QList<UnconsumedType>> scan(store::RedisSyncClient &metadata,
                                                     store::RedisSyncClient &stream, QString &error);

    /** The result of the last poll (empty before the first). Thread-safe. */
    QList<UnconsumedType> current() const;
    /** Polls now and then every poll interval (queue it to the object's thread). */
    void start();
    /** Stops polling and closes the connections (queue it, blocking, before quitting the thread). */
    void stop();
    /** One poll: scan, warn, publish. */
    void poll();

Q_SIGNALS:
    /** The list or one of its counts changed. */
    void changed(const QList<d4::workers::UnconsumedType> &types);

private:
    void warn(const UnconsumedType &type);
    static std::optional<QList<UnconsumedType>> scan(store::RedisSyncClient &metadata,
                                                     store::RedisSyncClient &stream, QSet<int> &accepted,
                                                     QString &error);

    store::RedisRoles m_roles;
    int m_pollMs;
    std::unique_ptr<store::RedisSyncClient> m_metadata;
    std::unique_ptr<store::RedisSyncClient> m_stream;
    QTimer *m_timer = nullptr;
    mutable QMutex m_mutex;
    QList<UnconsumedType> m_current;
    bool m_polled = false;
    QSet<int> m_accepted; ///< server:accepted_type at the last poll
    struct Warned
    {
        QElapsedTimer timer;
        bool hadSessions = false;
    };
    std::map<int, Warned> m_lastWarning;
};

} // namespace d4::workers
