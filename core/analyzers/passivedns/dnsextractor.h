// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayView>
#include <QList>

#include "analyzers/passivedns/pdnsrecord.h"

namespace d4::passivedns {

/**
 * Passive DNS records from one DNS message in wire format (a UDP payload, or a TCP message with its
 * two-byte length already removed), decoded with ldns. For responses only (QR=1, TC=0): every RR of
 * the answer and authority sections becomes a record with its owner name, type, TTL and rdata in
 * master-file presentation form (ldns), normalised like LineParser does (names lower-cased and
 * dot-stripped, addresses canonical). A response with an error RCODE and no answer gives one error
 * record for the question name. Unlike passivedns the owner name of each RR is kept (no switch to the
 * CNAME target), MX/SRV/SOA keep all their fields, and multi-string TXT is complete. Queries,
 * truncated and undecodable messages give an empty list. Thread-safe.
 */
class DnsExtractor final
{
public:
    struct Options
    {
        bool authority = true; ///< include the authority section
    };
    static QList<PdnsRecord> extract(QByteArrayView wire, qint64 seconds, int micros = 0);
    /** @p decoded (optional) tells whether ldns could decode the message at all. */
    static QList<PdnsRecord> extract(QByteArrayView wire, qint64 seconds, int micros, Options options,
                                     bool *decoded = nullptr);
};

} // namespace d4::passivedns
