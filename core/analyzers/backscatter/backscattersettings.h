// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "analyzers/backscatter/attackevidence.h"

namespace d4::analyzers::backscatter {

/** The attack test of spec §6.5; every comparison is inclusive (>=). */
struct AttackThresholds
{
    quint64 minPackets = 25;
    qint64 minDurationNs = 60LL * 1000000000LL;
    quint64 minWindowPackets = 30; ///< in the sliding window below
    qint64 windowNs = 60LL * 1000000000LL;
    qint64 slideNs = 10LL * 1000000000LL;

    /** The analyzer keeps one counter per slide step of the window, at most this many. */
    static constexpr int kMaxWindowSteps = 64;

    /**
     * Why windowNs and slideNs cannot be used (not positive, a slide longer than the window, more
     * than kMaxWindowSteps slides per window), in whole seconds; an empty string when they can.
     */
    QString windowProblem() const;

    bool operator==(const AttackThresholds &other) const = default;
};

/** One IPv4 prefix the sensors own (the "telescope"), e.g. 203.0.113.0/24. */
struct MonitoredPrefix
{
    quint32 network = 0;
    int length = 32;

    /** Parses "a.b.c.d/len" (or a bare address as /32); nullopt-like false on error. */
    static bool parse(const QString &text, MonitoredPrefix &prefix);
    QString toString() const;
    quint64 size() const { return 1ULL << (32 - length); }
};

/** Everything the analyzer can be told; defaults = CAIDA Corsaro's dos plugin. */
struct BackscatterSettings
{
    enum class Mode
    {
        Corsaro, ///< spec §6 (default)
        Pibs     ///< additionally reproduce analyzer-d4-pibs's per-packet CSV (spec §1.2)
    };
    enum class Preset
    {
        Corsaro,  ///< 25 packets, 60 s, 30 per 60-s window sliding by 10 s, 300-s timeout
        Moore,    ///< Moore et al. 2006: 100 packets, 60 s, 5-minute flow timeout
        Sensitive ///< small sensors: 5 packets, 10 s, 3 per window, 300-s timeout
    };

    Mode mode = Mode::Corsaro;
    AttackThresholds thresholds;
    qint64 inactivityTimeoutNs = 300LL * 1000000000LL;
    qint64 synSeenExpiryNs = 24LL * 3600LL * 1000000000LL;
    bool udpResponses = false;      ///< classify UDP from source port 53 as backscatter
    bool excludeSynSources = false; ///< a source seen sending a bare SYN is not a victim
    QList<MonitoredPrefix> monitoredPrefixes;
    // Memory bounds (spec §6.7): least-recently-active entries are evicted and counted.
    qsizetype maxVectors = 500000;
    qsizetype maxClosedVectors = 200000;
    qsizetype maxSynSeen = 1000000;
    qsizetype maxSetSize = 4096;        ///< per-vector distinct addresses/ports kept exactly
    qsizetype maxTimelineBuckets = 720; ///< per-vector slide buckets (2 h at 10 s)
    qsizetype maxGlobalSeconds = 7200;  ///< per-second class counts kept for the live chart
    /**
     * Evidence packets kept per vector (first ones, then a ring of the most recent); 0 and 0 turn
     * evidence capture off. A vector that ends below the thresholds releases its packets.
     */
    EvidenceLimits evidence;
    qint64 evidenceMaxBytes = 64LL * 1024 * 1024; ///< all vectors' evidence together

    static BackscatterSettings fromPreset(Preset preset);
    static QString presetName(Preset preset);

    /** Total addresses in the monitored prefixes (overlaps counted once); 0 when none. */
    quint64 monitoredAddresses() const;
    /** 2^32 / monitoredAddresses(), or 0 when no prefix is configured. */
    double rateScale() const;
    /** Warnings about the configuration (n < 65,536 per spec §6.6). */
    QStringList warnings() const;
};

} // namespace d4::analyzers::backscatter
