// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>

/**
 * Every Redis key of the passive DNS store (role PDNS, docs/passive-dns.md "Storage"). The first
 * group is analyzer-d4-passivedns' schema byte for byte (so its lookup server can read our store);
 * the `pdns:` group is ours. <q> is the normalised name with ':' and '%' percent-escaped (keyName),
 * <v> the stored rdata, <t> the decimal type. PdnsWriter (pdnswriter.cpp) builds the same keys.
 */
namespace d4::passivedns::keys {

/** The name as it appears inside keys: '%' and ':' escaped so that "<q>:<v>" cannot collide. */
QByteArray keyName(QByteArrayView rrname);

QByteArray forward(QByteArrayView rrname, int type);                           ///< SET r:<q>:<t> of rdata
QByteArray inverse(QByteArrayView rdata, int type);                            ///< SET v:<v>:<t> of names
QByteArray firstSeen(QByteArrayView rrname, QByteArrayView rdata, int type);   ///< STRING s:<q>:<v>:<t>
QByteArray lastSeen(QByteArrayView rrname, QByteArrayView rdata, int type);    ///< STRING l:<q>:<v>:<t>
QByteArray occurrences(QByteArrayView rrname, QByteArrayView rdata, int type); ///< STRING o:<q>:<v>:<t>
QByteArray processed();        ///< STRING stats:processed (records stored)
QByteArray sensorCounts();     ///< ZSET stats:sensors member sensor_id, score count
QByteArray sensorsSeen();      ///< SET sensors:seen
QByteArray typeDistribution(); ///< HASH dist:type field <t> = count

/** HASH pdns:sensor:<q>:<v>:<t>: field sensor_id = "count first last". */
QByteArray tupleSensors(QByteArrayView rrname, QByteArrayView rdata, int type);
/** HASH pdns:err:<q>: field RCODE = "count first last" (error records, kept apart from rdata). */
QByteArray errors(QByteArrayView rrname);
QByteArray rejected();   ///< STRING pdns:stats:rejected
QByteArray errorCount(); ///< STRING pdns:stats:errors
QByteArray excluded();   ///< STRING pdns:stats:excluded
QByteArray tuples();     ///< STRING pdns:stats:tuples (distinct tuples created)
QByteArray types();      ///< SET pdns:types: every type number stored (lookups iterate over it)
/** ZSET pdns:names, score 0, member = reversed labels + '.' ("com.example.www."): wildcard index. */
QByteArray names();
/** "www.example.com" -> "com.example.www." (the pdns:names member). */
QByteArray reversedName(QByteArrayView rrname);

/**
 * LIST pdns:inflight:<queue uuid>, in the remote D4 server's ANALYZER database (not the PDNS store):
 * lines RemoteQueueConsumer took from analyzer:8:<queue uuid> and has not yet seen stored.
 */
QByteArray remoteInFlight(QByteArrayView queueUuid);
/** STRING pdns:inflight:<queue uuid>:batch, beside it on the remote: the random id of those lines. */
QByteArray remoteInFlightBatch(QByteArrayView queueUuid);
/** STRING pdns:remote:stored:<queue uuid>, in the PDNS store: the id of the last batch stored. */
QByteArray remoteStoredBatch(QByteArrayView queueUuid);
/**
 * STRING pdns:status, in the PDNS store: the analyzer's state that only its process knows (top
 * names, the remote queue consumer), as PdnsStatus JSON for attached consoles. Expires
 * (PdnsStatusPublisher), so a stopped server leaves none behind.
 */
QByteArray status();

} // namespace d4::passivedns::keys
