// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include "analyzers/passivedns/remotequeueconsumer.h"

namespace d4::passivedns {

/** What an attached console shows of a remote queue consumer it cannot ask directly. */
struct PublishedRemoteQueue
{
    QByteArray queueKey;    ///< analyzer:8:<queue uuid>
    QByteArray inflightKey; ///< pdns:inflight:<queue uuid>
    QString endpoint;       ///< the remote ANALYZER Redis, RedisEndpoint::describe()
    RemoteQueueCounters counters;
};

/**
 * The passive DNS analyzer's state that lives only in its process, as the server publishes it in
 * the PDNS store (keys::status()) for consoles attached to that store: the most frequent names and,
 * with [Passive_DNS_Queue], the remote queue consumer. The JSON is ours (documented in
 * docs/passive-dns.md); fromJson() reads what another process wrote, so it checks every field and
 * refuses, with a reason, anything it would have to guess.
 */
struct PdnsStatus
{
    QDateTime published; ///< UTC, second precision
    QList<QPair<QByteArray, qint64>> topNames;
    std::optional<PublishedRemoteQueue> remoteQueue;

    QByteArray toJson() const;
    /** nullopt, with @p error set, when @p json is not a status this version can read. */
    static std::optional<PdnsStatus> fromJson(const QByteArray &json, QString *error = nullptr);
};

} // namespace d4::passivedns
