// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QHash>
#include <QList>

#include "analyzers/passivedns/pdnsrecord.h"
#include "analyzers/passivedns/pipelineconnection.h"

namespace d4::passivedns {

/**
 * Writes records into the PDNS Redis (keys in pdnskeys.h). A batch is first aggregated in memory per
 * (name, type, rdata, sensor), then applied by a Lua script, one EVALSHA per chunk of tuples, all
 * chunks pipelined: first = min, last = max, count = sum of passivedns counts, atomically even with
 * several writers (analyzer-d4-passivedns' EXISTS/GET-then-SET is neither). Per-type expiry is applied
 * to every key of the tuple together (sliding window). One thread at a time.
 */
class PdnsWriter final
{
public:
    explicit PdnsWriter(store::RedisEndpoint endpoint, QHash<int, qint64> expiryByType = {});

    struct Counters
    {
        qint64 rejected = 0;
        qint64 excluded = 0;
    };

    /**
     * Stores @p records and adds @p counters to the statistics. Returns false (errorString()) when
     * Redis failed; the caller retries the same batch (the script is idempotent only per chunk, so a
     * retry after a partial failure can count a chunk twice: at-least-once, as the workers).
     * @p newTuples receives the number of tuples that did not exist before.
     */
    bool write(const QList<PdnsRecord> &records, Counters counters, qint64 *newTuples = nullptr);
    QString errorString() const { return m_error; }

    static QByteArray script();

private:
    bool loadScript();

    PipelineConnection m_connection;
    QHash<int, qint64> m_expiry;
    QByteArray m_sha;
    QString m_error;
};

} // namespace d4::passivedns
