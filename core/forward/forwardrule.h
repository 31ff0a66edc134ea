// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <chrono>

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include "sensor/tlsoptions.h"

namespace d4::forward {

/** Where a rule takes its data from (docs/forwarding.md). */
struct ForwardSource
{
    enum class Kind
    {
        /** Items of an analyzer queue of this server (`analyzer:<type>:<queue>`), consumed with RPOP. */
        AnalyzerQueue,
        /** The live output of the rule's type worker for a set of sensors (a WorkerTap). */
        Sensors
    };
    Kind kind = Kind::Sensors;
    QByteArray queueUuid;   ///< AnalyzerQueue: the queue UUID (canonical, lower case)
    QByteArrayList sensors; ///< Sensors: sensor UUIDs (canonical); empty = every sensor
};

/** What happens to the client-side fields of passivedns lines (client IP, client MAC). */
enum class ClientFieldPolicy
{
    Keep,
    Drop,        ///< the field is emptied; the line keeps its layout
    Pseudonymise ///< replaced with a keyed pseudonym (HMAC-SHA256 under pseudonymKey)
};

/**
 * Filters for line types (3, 8, 254 line-based extended types). The passive DNS filters
 * (suffixes, client fields, rrtypes) apply when passiveDns is true: the lines are passivedns
 * output in the given layout (letters and separator of gamelinux/passivedns -f/-d) or JSON.
 */
struct LineFilterSettings
{
    bool passiveDns = false;
    QByteArray fields = QByteArrayLiteral("SMcsCQTAtn");
    QByteArray separator = QByteArrayLiteral("||");
    /** Lines whose query name (or a name in the answer) is in one of these zones are dropped. */
    QStringList dropSuffixes;
    /** When not empty, only lines whose query name is in one of these zones are kept. */
    QStringList keepSuffixes;
    ClientFieldPolicy clientFields = ClientFieldPolicy::Keep;
    QByteArray pseudonymKey; ///< required for Pseudonymise
    QList<int> dropRrtypes;  ///< rrtype numbers
    /** Fraction of the lines kept, 0 < sampleRate <= 1; chosen by a hash of the line. */
    double sampleRate = 1.0;
};

/** Filters for pcap (type 1) rules. */
struct PcapFilterSettings
{
    QString expression;     ///< a pcap-filter(7) expression (compiled by libpcap); empty = all
    quint32 snapLength = 0; ///< bytes kept per packet; 0 = all
    quint32 linkType = 1;   ///< the link type of the outgoing stream (DLT_EN10MB)
};

/**
 * One forwarding rule: read from sources, filter, spool on disk, send as one D4 sensor
 * (partnerUuid, partnerKey) to a partner D4 server. Several sources are mixed into one stream
 * under the single partner-facing UUID.
 */
struct ForwardRule
{
    QString name; ///< [Forward:<name>]; letters, digits, '-', '_'
    bool enabled = true;
    int type = 8;            ///< D4 type sent to the partner: 1, 3, 8 or 254
    QByteArray extendedType; ///< type 254: the extended type name (sent in the meta header)
    QList<ForwardSource> sources;

    sensor::TlsOptions partner; ///< host, port, CA / pin / insecure, reconnect back-off
    QByteArray partnerUuid;     ///< canonical UUID the partner sees
    QByteArray partnerKey;      ///< HMAC key registered for partnerUuid on the partner

    LineFilterSettings lines;
    PcapFilterSettings pcap;

    QString spoolDirectory; ///< empty = <data directory>/forward/<name>
    quint64 spoolMaxBytes = quint64{1} << 30;
    /** A connection is closed cleanly (acknowledging what it carried) after this long... */
    std::chrono::milliseconds ackInterval{std::chrono::seconds(5)};
    /** ...or after this many payload bytes, whichever comes first. */
    quint64 ackBytes = quint64{16} << 20;
    quint32 snaplen = 65535; ///< D4 payload bytes per packet (d4-sensor's default -s)

    bool isPcap() const { return type == 1; }
};

} // namespace d4::forward
