// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>

#include <QList>
#include <QMap>
#include <QPair>

#include "analyzers/backscatter/attackrecord.h"
#include "analyzers/backscatter/backscattersettings.h"

namespace d4::analyzers::backscatter {

/** Global counters of a BackscatterAnalyzer. */
struct BackscatterCounters
{
    quint64 packets = 0;
    quint64 ipv4 = 0;
    quint64 ipv6 = 0;
    std::array<quint64, kBackscatterClassCount> classes{};   ///< IPv4 packets per class
    std::array<quint64, kBackscatterClassCount> classesV6{}; ///< IPv6 packets per class (not aggregated)
    std::array<quint64, kResponseKindCount> responses{};
    QMap<quint16, quint64> icmpTypeCodes; ///< (type << 8 | code) of IPv4 ICMP errors and replies
    quint64 icmpMismatches = 0;
    quint64 statelessScanners = 0;
    quint64 rstFromSynSources = 0;  ///< RSTs from sources in the SYN-seen table
    quint64 excludedSynSources = 0; ///< backscatter dropped by excludeSynSources
    quint64 vectorsCreated = 0;
    quint64 vectorsExpired = 0;
    quint64 vectorsEvicted = 0;
    quint64 closedEvicted = 0; ///< closed vectors dropped by maxClosedVectors
    quint64 synSeenEvicted = 0;
    quint64 synSeenExpired = 0;
    qint64 synSeenEntries = 0;
    qint64 activeVectors = 0;
    qint64 closedVectors = 0;
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    quint64 pibsLines = 0;
    qint64 evidenceBytes = 0;      ///< memory held by evidence packets (AttackEvidence)
    quint64 evidenceRefused = 0;   ///< packets not kept as evidence: memory budget spent
    quint64 evidenceReleased = 0;  ///< vectors whose evidence was dropped (ended below thresholds)
    quint64 evidenceReclaimed = 0; ///< ended attacks whose evidence gave way to newer vectors
    QMap<int, quint64> pibsLinesByFlags;

    quint64 backscatter() const;
};

/** A consistent copy of the analyzer state for reports and the UI. */
struct BackscatterSnapshot
{
    BackscatterSettings settings;
    BackscatterCounters counters;
    QList<AttackRecord> attacks; ///< vectors passing settings.thresholds, by start time
    quint64 nonAttackVectors = 0;
    /** Backscatter packets per capture second and class: (second, counts[class]). */
    QList<QPair<qint64, std::array<quint32, kBackscatterClassCount>>> perSecond;

    /** Estimated attack pps of @p attack (observed × 2^32/n), or -1 without monitored prefixes. */
    double estimatedPps(const AttackRecord &attack) const;
};

/** The test of spec §6.5, inclusive comparisons. */
bool passesThresholds(const AttackRecord &record, const AttackThresholds &thresholds);

} // namespace d4::analyzers::backscatter
