// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <QMap>

#include "analyzers/backscatter/backscattersnapshot.h"
#include "analyzers/backscatter/pibsemulator.h"
#include "capture/packetsink.h"

namespace d4::analyzers::backscatter {

/**
 * The backscatter DDoS analyzer of spec §6: classifies each packet, aggregates backscatter per
 * (victim, protocol) vector on capture time, closes vectors after the inactivity timeout, and
 * reports as attacks those passing the thresholds (Corsaro defaults, editable and re-applicable
 * to the vectors kept). Memory is bounded: active vectors, closed vectors and the SYN-seen table
 * evict their least recently active entries and count the evictions; it never aborts.
 *
 * Each vector keeps evidence packets (its first ones and the most recent ones, AttackEvidence) within
 * one memory budget for all vectors; a vector ending below the thresholds releases them, and when
 * the budget is spent the oldest ended attacks give theirs back to newer vectors.
 *
 * Only IPv4 is aggregated (2^32 scaling); IPv6 packets are classified and counted.
 * Thread-safe: every public function locks one mutex, so live taps on several worker threads and
 * a UI reading snapshot() can share one analyzer.
 */
class BackscatterAnalyzer final : public capture::PacketSink
{
public:
    using PibsLineCallback = std::function<void(const QByteArray &line)>;

    explicit BackscatterAnalyzer(BackscatterSettings settings = {});
    ~BackscatterAnalyzer() override;
    BackscatterAnalyzer(const BackscatterAnalyzer &) = delete;
    BackscatterAnalyzer &operator=(const BackscatterAnalyzer &) = delete;

    void onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded) override;

    /** In PIBS mode, receives every CSV line PIBS would print (called with the lock held). */
    void setPibsLineCallback(PibsLineCallback callback);
    /** Replaces the thresholds; they apply to every kept vector at the next snapshot(). */
    void setThresholds(const AttackThresholds &thresholds);
    /** Replaces the monitored prefixes used for rate estimates. */
    void setMonitoredPrefixes(const QList<MonitoredPrefix> &prefixes);
    BackscatterSettings settings() const;
    /** Closes every vector whose last packet is older than the timeout relative to @p nowNs. */
    void expire(qint64 nowNs);
    /** A copy of the counters and the current attacks (active vectors included). */
    BackscatterSnapshot snapshot() const;
    /** Forgets everything (settings kept). */
    void reset();

    /** What happened to attacks since the last takeAttackEvents() (BackscatterReporter). */
    struct AttackEvents
    {
        /** Vectors that reached the thresholds, with their figures at that packet. */
        QList<AttackRecord> detected;
        /** Attacks that timed out or were evicted, final figures; a vector that reaches the
         * thresholds only by ending (thresholds lowered meanwhile) is in both lists. */
        QList<AttackRecord> ended;
        quint64 dropped = 0; ///< events not kept because more than maxPending were waiting
    };
    /**
     * Starts (or stops) collecting AttackEvents; until then none are kept. At most @p maxPending
     * events of each kind wait for takeAttackEvents(); further ones are counted as dropped.
     * Thresholds lowered by setThresholds() detect a kept vector at its next packet or its end.
     */
    void setAttackEventsEnabled(bool enabled, qsizetype maxPending = 10000);
    AttackEvents takeAttackEvents();
    /** The latest capture time seen (ns), or 0 before the first time-stamped packet. */
    qint64 latestCaptureNs() const;

private:
    struct Vector;
    using Key = quint64; ///< victim << 8 | protocol

    void process(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded);
    void expireLocked(qint64 nowNs);
    void closeVector(std::unordered_map<Key, Vector>::iterator it, bool evicted);
    /** Frees ended attacks' evidence, oldest first, until @p needed more bytes fit the budget. */
    void reclaimEvidence(qint64 needed);
    void noteSyn(quint32 source, qint64 nowNs);
    bool synSeen(quint32 source, qint64 nowNs) const;
    AttackRecord recordOf(const Vector &vector) const;
    void addEvent(QList<AttackRecord> &events, AttackRecord record);

    mutable std::mutex m_mutex;
    BackscatterSettings m_settings;
    BackscatterCounters m_counters;
    PibsEmulator m_pibs;
    PibsLineCallback m_pibsCallback;
    std::unordered_map<Key, Vector> m_vectors;
    std::list<Key> m_lru; ///< most recently active first
    std::deque<AttackRecord> m_closed;
    size_t m_reclaimNext = 0; ///< the m_closed entries before it gave their evidence back already
    std::unordered_map<quint32, std::pair<qint64, std::list<quint32>::iterator>> m_synSeen;
    std::list<quint32> m_synLru; ///< most recently seen first
    QMap<qint64, std::array<quint32, kBackscatterClassCount>> m_perSecond;
    qint64 m_nowNs = 0;
    qint64 m_nextExpiryNs = 0;
    bool m_hasTime = false;
    bool m_eventsEnabled = false;
    qsizetype m_maxPendingEvents = 0;
    AttackEvents m_events;
};

} // namespace d4::analyzers::backscatter
