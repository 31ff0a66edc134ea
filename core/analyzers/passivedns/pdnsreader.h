// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QList>

#include "analyzers/passivedns/pdnstuple.h"
#include "analyzers/passivedns/pipelineconnection.h"

namespace d4::passivedns {

/** Statistics of the store, for /info and the DNS page. */
struct PdnsStats
{
    qint64 processed = 0;
    qint64 rejected = 0;
    qint64 excluded = 0;
    qint64 errors = 0;
    qint64 tuples = 0;
    QList<QPair<QByteArray, qint64>> sensors;   ///< highest count first
    QList<QPair<int, qint64>> typeDistribution; ///< type number, count
    QByteArray publishedStatus; ///< keys::status() as stored (PdnsStatus JSON), empty when absent
};

/** An error record as stored (pdns:err:<q>). */
struct PdnsErrorTuple
{
    QByteArray rrname;
    QByteArray rcode;
    qint64 count = 0;
    qint64 first = 0;
    qint64 last = 0;
};

/**
 * Read side of the PDNS Redis: index look-ups and tuple details, each a few pipelined round trips
 * (no KEYS/SCAN over the database). Tuples whose first-seen key is gone (expired) are skipped, so
 * index members left behind by an expiry never surface. One thread at a time.
 */
class PdnsReader final
{
public:
    explicit PdnsReader(store::RedisEndpoint endpoint);

    /** Tuples of @p rrname (normalised), of @p types (all stored types when empty). */
    std::optional<QList<PdnsTuple>> byName(const QByteArray &rrname, const QList<int> &types);
    /** Tuples of several names at once (wildcard look-ups). */
    std::optional<QList<PdnsTuple>> byNames(const QByteArrayList &names, const QList<int> &types);
    /** Tuples whose rdata is @p rdata (each candidate form is tried), of @p types (all when empty). */
    std::optional<QList<PdnsTuple>> byRdata(const QByteArrayList &rdataForms, const QList<int> &types);
    /** Names strictly under @p domain ("*.domain"), from the pdns:names index; at most @p max. */
    std::optional<QByteArrayList> namesUnder(const QByteArray &domain, qsizetype max);
    std::optional<QList<PdnsErrorTuple>> errorsOf(const QByteArray &rrname);
    std::optional<PdnsStats> stats();
    /** Every type number stored. */
    std::optional<QList<int>> storedTypes();

    QString errorString() const { return m_connection.errorString(); }

private:
    struct Candidate
    {
        QByteArray rrname;
        int rrtype;
        QByteArray rdata;
    };
    enum class Index
    {
        Forward, ///< r:<q>:<t>, members are rdata
        Inverse  ///< v:<v>:<t>, members are names
    };
    /** The tuples reached through @p index from each of @p values, for @p types (all when empty). */
    std::optional<QList<PdnsTuple>> fromIndex(Index index, const QByteArrayList &values,
                                              const QList<int> &types);
    std::optional<QList<PdnsTuple>> fill(const QList<Candidate> &candidates);

    PipelineConnection m_connection;
};

} // namespace d4::passivedns
