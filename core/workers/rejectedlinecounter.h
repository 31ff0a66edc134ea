// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

namespace d4::store {
class RedisSyncClient;
}

namespace d4::workers {

/**
 * Counts the lines (or embedded items) a worker refuses for one sensor and type key: a
 * rate-limited warning (at most one per kLogIntervalMs, with how many were refused since the
 * last one and the last reason) and the HASH `d4console:worker_rejected_lines:<uuid>`, field
 * = type key, which the console shows. A refusal never stops a session.
 */
class RejectedLineCounter final
{
public:
    static constexpr qint64 kLogIntervalMs = 10000;

    explicit RejectedLineCounter(QByteArray typeKey);

    void setSensorUuid(const QByteArray &uuid) { m_sensorUuid = uuid; }
    /** Counts one refusal and maybe logs it. */
    void refuse(const QString &reason);
    /** Adds the refusals not yet saved to the Redis counter. False with @p error on a Redis error. */
    bool flush(store::RedisSyncClient &metadata, QString &error);

    /** Refusals since this counter was created. */
    qint64 total() const noexcept { return m_total; }

private:
    QByteArray m_typeKey;
    QByteArray m_sensorUuid;
    qint64 m_total = 0;
    qint64 m_unsaved = 0;  ///< not yet added to the Redis counter
    qint64 m_unlogged = 0; ///< refused since the last warning
    QElapsedTimer m_sinceLog;
};

} // namespace d4::workers
