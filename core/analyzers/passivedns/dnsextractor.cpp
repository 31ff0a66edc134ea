// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/passivedns/dnsextractor.h"

#include <ldns/ldns.h>

#include "analyzers/passivedns/lineparser.h"
#include "analyzers/passivedns/rrtypes.h"

namespace d4::passivedns {

namespace {

QByteArray takeString(char *text)
{
    QByteArray out(text ? text : "");
    free(text);
    return out;
}

QByteArray rdataText(const ldns_rr *rr)
{
    QByteArray out;
    for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
        if (i > 0) {
            out += ' ';
        }
        out += takeString(ldns_rdf2str(ldns_rr_rdf(rr, i)));
    }
    return out;
}

void appendSection(const ldns_rr_list *list, qint64 seconds, int micros, QList<PdnsRecord> &records)
{
    for (size_t i = 0; list && i < ldns_rr_list_rr_count(list); ++i) {
        const ldns_rr *rr = ldns_rr_list_rr(list, i);
        if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_OPT) {
            continue;
        }
        PdnsRecord record;
        record.rrname = LineParser::normaliseName(takeString(ldns_rdf2str(ldns_rr_owner(rr))));
        record.rrtype = int(ldns_rr_get_type(rr));
        const QByteArray rdata = rdataText(rr);
        record.rdata = LineParser::normaliseRdata(record.rrtype, rdata);
        record.ttl = qint64(ldns_rr_ttl(rr));
        record.seconds = seconds;
        record.micros = micros;
        record.count = 1;
        records.append(std::move(record));
    }
}

} // namespace

QList<PdnsRecord> DnsExtractor::extract(QByteArrayView wire, qint64 seconds, int micros)
{
    return extract(wire, seconds, micros, Options(), nullptr);
}

QList<PdnsRecord> DnsExtractor::extract(QByteArrayView wire, qint64 seconds, int micros, Options options,
                                        bool *decoded)
{
    QList<PdnsRecord> records;
    if (decoded) {
        *decoded = false;
    }
    ldns_pkt *packet = nullptr;
    if (wire.size() < 12 || ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t *>(wire.data()),
                                          size_t(wire.size())) != LDNS_STATUS_OK) {
        return records;
    }
    if (decoded) {
        *decoded = true;
    }
    if (ldns_pkt_qr(packet) && !ldns_pkt_tc(packet)) {
        appendSection(ldns_pkt_answer(packet), seconds, micros, records);
        const ldns_pkt_rcode rcode = ldns_pkt_get_rcode(packet);
        if (records.isEmpty() && rcode != LDNS_RCODE_NOERROR && ldns_pkt_qdcount(packet) > 0 &&
            ldns_rr_list_rr_count(ldns_pkt_question(packet)) > 0) {
            const ldns_rr *question = ldns_rr_list_rr(ldns_pkt_question(packet), 0);
            PdnsRecord error;
            error.error = true;
            error.rrname = LineParser::normaliseName(takeString(ldns_rdf2str(ldns_rr_owner(question))));
            error.rrtype = int(ldns_rr_get_type(question));
            const ldns_lookup_table *name = ldns_lookup_by_id(ldns_rcodes, int(rcode));
            error.rdata = name ? QByteArray(name->name) : "UNKNOWN-ERROR-" + QByteArray::number(int(rcode));
            if (error.rdata == "NOERROR") {
                error.rdata = "UNKNOWN-ERROR-" + QByteArray::number(int(rcode));
            }
            error.ttl = 0;
            error.seconds = seconds;
            error.micros = micros;
            records.append(std::move(error));
        }
        if (options.authority) {
            appendSection(ldns_pkt_authority(packet), seconds, micros, records);
        }
    }
    ldns_pkt_free(packet);
    return records;
}

} // namespace d4::passivedns
