// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QHash>
#include <QList>
#include <QSet>

#include "analyzers/passivedns/pdnsrecord.h"
#include "analyzers/passivedns/pipelineconnection.h"

namespace d4::passivedns {

/**
 * Writes records into the PDNS Redis (keys in pdnskeys.h). A batch is first aggregated in memory per
 * (name, type, rdata, sensor), then written in two pipelined round trips:
 *  1. a tuple this writer has not stored yet gets plain commands, each atomic on its own: MSETNX
 *     creates s: (time_first), l: (time_last) and o: (count) together when none of them exists,
 *     SADD fills the forward and inverse indexes, HSETNX creates the per-sensor field, ZADD the
 *     wildcard index; a tuple it has stored before gets one entry of a Lua script that does only
 *     what an update needs (and the creation when the tuple is gone after all). Per-batch counters
 *     are summed in memory first;
 *  2. for the values that already existed (MSETNX or HSETNX did nothing), entries of the same
 *     script keep the minimum and the maximum or the "count first last" sum, atomically per key,
 *     and INCRBY adds the count; then the per-type expiry of every key of the tuple (sliding
 *     window) and the new-tuple counter.
 * So first = min, last = max, count = sum of passivedns counts hold with several writers
 * (analyzer-d4-passivedns' EXISTS/GET-then-SET does not), and a new tuple costs no script work.
 * Commands are Redis 2.6.12+ (EVAL, SET). One thread at a time.
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
     * Redis failed; the caller retries the same batch (at-least-once, as the workers: a retry after
     * a failure between the two round trips adds that batch's counts twice; min and max are
     * unaffected). @p newTuples receives the number of tuples that did not exist before.
     */
    bool write(const QList<PdnsRecord> &records, Counters counters, qint64 *newTuples = nullptr);
    QString errorString() const { return m_error; }

    /** The merge script of the second round trip (ARGV format in pdnswriter.cpp). */
    static QByteArray script();

private:
    PipelineConnection m_connection;
    QHash<int, qint64> m_expiry;
    /**
     * Fingerprints of the (tuple, sensor) this writer has stored: those go to the script's update
     * entry instead of the creation commands. Only a routing hint: the script also creates a tuple
     * that is missing (expired, emptied store, fingerprint collision), so a stale entry costs time,
     * never correctness.
     */
    QSet<size_t> m_known;
    QString m_error;
};

} // namespace d4::passivedns
