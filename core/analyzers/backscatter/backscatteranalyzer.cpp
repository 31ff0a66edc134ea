// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatteranalyzer.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace d4::analyzers::backscatter {

namespace {

constexpr qint64 kNanosPerSecond = 1000000000LL;
constexpr int kMaxWindowBuckets = AttackThresholds::kMaxWindowSteps;
constexpr qsizetype kTopPorts = 10;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

} // namespace

struct BackscatterAnalyzer::Vector
{
    AttackRecord record;
    std::unordered_set<quint32> telescopes;
    std::unordered_set<quint16> slash16s;
    std::unordered_set<quint16> attackerPorts;
    std::unordered_map<quint16, quint32> targetPorts; ///< port -> packets
    std::array<qint64, kMaxWindowBuckets> bucketIds{};
    std::array<quint32, kMaxWindowBuckets> bucketCounts{};
    std::list<Key>::iterator lru;
    bool detected = false; ///< reported in AttackEvents::detected
};

BackscatterAnalyzer::BackscatterAnalyzer(BackscatterSettings settings)
    : m_settings(std::move(settings))
{
}

BackscatterAnalyzer::~BackscatterAnalyzer() = default;

void BackscatterAnalyzer::setPibsLineCallback(PibsLineCallback callback)
{
    const std::lock_guard lock(m_mutex);
    m_pibsCallback = std::move(callback);
}

void BackscatterAnalyzer::setThresholds(const AttackThresholds &thresholds)
{
    const std::lock_guard lock(m_mutex);
    // The window and slide shape the per-vector buckets already counted: only the counts change.
    m_settings.thresholds.minPackets = thresholds.minPackets;
    m_settings.thresholds.minDurationNs = thresholds.minDurationNs;
    m_settings.thresholds.minWindowPackets = thresholds.minWindowPackets;
}

void BackscatterAnalyzer::setMonitoredPrefixes(const QList<MonitoredPrefix> &prefixes)
{
    const std::lock_guard lock(m_mutex);
    m_settings.monitoredPrefixes = prefixes;
}

BackscatterSettings BackscatterAnalyzer::settings() const
{
    const std::lock_guard lock(m_mutex);
    return m_settings;
}

void BackscatterAnalyzer::reset()
{
    const std::lock_guard lock(m_mutex);
    m_counters = {};
    m_pibs = {};
    m_vectors.clear();
    m_lru.clear();
    m_closed.clear();
    m_reclaimNext = 0;
    m_synSeen.clear();
    m_synLru.clear();
    m_perSecond.clear();
    m_nowNs = 0;
    m_nextExpiryNs = 0;
    m_hasTime = false;
    m_events = {};
}

void BackscatterAnalyzer::setAttackEventsEnabled(bool enabled, qsizetype maxPending)
{
    const std::lock_guard lock(m_mutex);
    m_eventsEnabled = enabled;
    m_maxPendingEvents = maxPending;
    if (!enabled) {
        m_events = {};
    }
}

BackscatterAnalyzer::AttackEvents BackscatterAnalyzer::takeAttackEvents()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

qint64 BackscatterAnalyzer::latestCaptureNs() const
{
    const std::lock_guard lock(m_mutex);
    return m_hasTime ? m_nowNs : 0;
}

void BackscatterAnalyzer::addEvent(QList<AttackRecord> &events, AttackRecord record)
{
    if (events.size() >= m_maxPendingEvents) {
        ++m_events.dropped;
        return;
    }
    events.append(std::move(record));
}

void BackscatterAnalyzer::onPacket(const capture::CapturePacket &packet,
                                   const capture::DecodedPacket &decoded)
{
    const std::lock_guard lock(m_mutex);
    process(packet, decoded);
}

void BackscatterAnalyzer::expire(qint64 nowNs)
{
    const std::lock_guard lock(m_mutex);
    expireLocked(nowNs);
}

void BackscatterAnalyzer::process(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded)
{
    ++m_counters.packets;
    if (packet.hasTimestamp) {
        if (!m_hasTime) {
            m_counters.firstNs = packet.timestampNs;
            m_nextExpiryNs = packet.timestampNs + kNanosPerSecond;
            m_hasTime = true;
        }
        m_counters.firstNs = qMin(m_counters.firstNs, packet.timestampNs);
        m_nowNs = qMax(m_nowNs, packet.timestampNs);
        m_counters.lastNs = m_nowNs;
    }
    const qint64 ts = packet.hasTimestamp ? packet.timestampNs : m_nowNs;
    if (m_settings.mode == BackscatterSettings::Mode::Pibs) {
        const QByteArray line = m_pibs.process(packet);
        if (!line.isEmpty()) {
            ++m_counters.pibsLines;
            ++m_counters.pibsLinesByFlags[static_cast<int>(packet.data[47])];
            if (m_pibsCallback) {
                m_pibsCallback(line);
            }
        }
    }
    if (m_nowNs >= m_nextExpiryNs) {
        expireLocked(m_nowNs);
        m_nextExpiryNs = m_nowNs + kNanosPerSecond;
    }
    if (!decoded.isIp()) {
        ++m_counters.classes[static_cast<size_t>(BackscatterClass::NotAnalysed)];
        return;
    }
    const Classification c = classify(decoded, m_settings.udpResponses);
    const auto classIndex = static_cast<size_t>(c.cls);
    if (decoded.source.version == 6) {
        ++m_counters.ipv6;
        ++m_counters.classesV6[classIndex];
        return;
    }
    ++m_counters.ipv4;
    ++m_counters.classes[classIndex];
    if (c.cls == BackscatterClass::Request) {
        noteSyn(decoded.source.v4, ts);
        if (c.statelessScanner) {
            ++m_counters.statelessScanners;
        }
        return;
    }
    if (!isBackscatter(c.cls)) {
        return;
    }
    const bool fromSynSource = synSeen(decoded.source.v4, ts);
    if (c.cls == BackscatterClass::Rst && fromSynSource) {
        ++m_counters.rstFromSynSources;
    }
    if (m_settings.excludeSynSources && fromSynSource) {
        ++m_counters.excludedSynSources;
        return;
    }
    ++m_counters.responses[static_cast<size_t>(c.response)];
    if (decoded.protocol == capture::DecodedPacket::kIcmp) {
        ++m_counters.icmpTypeCodes[static_cast<quint16>(decoded.icmpType << 8 | decoded.icmpCode)];
    }
    if (c.mismatch) {
        ++m_counters.icmpMismatches;
    }
    const qint64 second = floorDiv(ts, kNanosPerSecond);
    auto perSecond = m_perSecond.find(second);
    if (perSecond == m_perSecond.end()) {
        if (m_perSecond.size() >= m_settings.maxGlobalSeconds && second < m_perSecond.firstKey()) {
            perSecond = m_perSecond.end(); // older than everything kept: not charted
        } else {
            perSecond = m_perSecond.insert(second, {});
            while (m_perSecond.size() > m_settings.maxGlobalSeconds) {
                m_perSecond.erase(m_perSecond.begin());
            }
        }
    }
    if (perSecond != m_perSecond.end()) {
        ++(*perSecond)[classIndex];
    }

    // The vector of (victim, protocol).
    const Key key = static_cast<Key>(c.victim.v4) << 8 | c.protocol;
    auto it = m_vectors.find(key);
    if (it == m_vectors.end()) {
        while (!m_lru.empty() && static_cast<qsizetype>(m_vectors.size()) >= m_settings.maxVectors) {
            closeVector(m_vectors.find(m_lru.back()), true);
        }
        it = m_vectors.try_emplace(key).first;
        m_lru.push_front(key);
        it->second.lru = m_lru.begin();
        AttackRecord &record = it->second.record;
        record.victim = c.victim.v4;
        record.protocol = c.protocol;
        record.startNs = ts;
        record.latestNs = ts;
        record.firstAttackerPort = c.attackerPort;
        record.firstTargetPort = c.targetPort;
        record.initialPacketLength = packet.originalLength;
        record.active = true;
        it->second.bucketIds.fill(std::numeric_limits<qint64>::min());
        ++m_counters.vectorsCreated;
    } else {
        m_lru.splice(m_lru.begin(), m_lru, it->second.lru);
    }
    Vector &vector = it->second;
    AttackRecord &record = vector.record;
    ++record.packets;
    record.bytes += decoded.ipLength;
    record.startNs = qMin(record.startNs, ts);
    record.latestNs = qMax(record.latestNs, ts);
    ++record.responses[static_cast<size_t>(c.response)];
    if (c.mismatch) {
        ++record.icmpMismatches;
    }
    const auto cap = static_cast<size_t>(m_settings.maxSetSize);
    const auto insertCapped = [&](auto &set, auto value) {
        if (set.size() < cap) {
            set.insert(value);
        } else if (!set.contains(value)) {
            record.setsSaturated = true;
        }
    };
    insertCapped(vector.telescopes, c.telescope.v4);
    insertCapped(vector.slash16s, static_cast<quint16>(c.telescope.v4 >> 16));
    insertCapped(vector.attackerPorts, c.attackerPort);
    if (auto port = vector.targetPorts.find(c.targetPort); port != vector.targetPorts.end()) {
        ++port->second;
    } else if (vector.targetPorts.size() < cap) {
        vector.targetPorts.emplace(c.targetPort, 1);
    } else {
        record.setsSaturated = true;
    }

    // Sliding window: buckets of one slide; the window is the last `window / slide` of them.
    const qint64 slide = qMax<qint64>(1, m_settings.thresholds.slideNs);
    const int buckets = static_cast<int>(
        qBound<qint64>(1, m_settings.thresholds.windowNs / slide, qint64{kMaxWindowBuckets}));
    const qint64 bucket = floorDiv(ts, slide);
    const auto slot = static_cast<size_t>(((bucket % buckets) + buckets) % buckets);
    if (vector.bucketIds[slot] < bucket) {
        vector.bucketIds[slot] = bucket;
        vector.bucketCounts[slot] = 0;
    }
    if (vector.bucketIds[slot] == bucket) {
        ++vector.bucketCounts[slot];
        quint64 inWindow = 0;
        for (int i = 0; i < buckets; ++i) {
            if (vector.bucketIds[static_cast<size_t>(i)] > bucket - buckets &&
                vector.bucketIds[static_cast<size_t>(i)] <= bucket) {
                inWindow += vector.bucketCounts[static_cast<size_t>(i)];
            }
        }
        record.maxWindowPackets = qMax(record.maxWindowPackets, inWindow);
    }
    if (m_settings.evidence.enabled()) {
        reclaimEvidence(record.evidence.bytesNeeded(packet.capturedLength, m_settings.evidence));
        const quint64 refusedBefore = record.evidence.refused();
        m_counters.evidenceBytes += record.evidence.add(
            packet, ts, m_settings.evidence, m_settings.evidenceMaxBytes - m_counters.evidenceBytes);
        m_counters.evidenceRefused += record.evidence.refused() - refusedBefore;
    }
    // Timeline per slide bucket (for the per-victim chart).
    const qint64 bucketStart = bucket * slide;
    auto &timeline = record.timeline;
    if (!timeline.isEmpty() && timeline.constLast().first == bucketStart) {
        ++timeline.last().second;
    } else if (timeline.isEmpty() || timeline.constLast().first < bucketStart) {
        if (timeline.size() < m_settings.maxTimelineBuckets) {
            timeline.append({bucketStart, 1});
        }
    } else {
        for (auto entry = timeline.rbegin(); entry != timeline.rend(); ++entry) {
            if (entry->first == bucketStart) {
                ++entry->second;
                break;
            }
        }
    }
    if (m_eventsEnabled && !vector.detected && passesThresholds(record, m_settings.thresholds)) {
        vector.detected = true;
        addEvent(m_events.detected, recordOf(vector));
    }
}

void BackscatterAnalyzer::noteSyn(quint32 source, qint64 nowNs)
{
    auto it = m_synSeen.find(source);
    if (it != m_synSeen.end()) {
        it->second.first = nowNs;
        m_synLru.splice(m_synLru.begin(), m_synLru, it->second.second);
        return;
    }
    while (!m_synLru.empty() && static_cast<qsizetype>(m_synSeen.size()) >= m_settings.maxSynSeen) {
        m_synSeen.erase(m_synLru.back());
        m_synLru.pop_back();
        ++m_counters.synSeenEvicted;
    }
    if (m_settings.maxSynSeen <= 0) {
        return;
    }
    m_synLru.push_front(source);
    m_synSeen.emplace(source, std::make_pair(nowNs, m_synLru.begin()));
}

bool BackscatterAnalyzer::synSeen(quint32 source, qint64 nowNs) const
{
    const auto it = m_synSeen.find(source);
    return it != m_synSeen.end() && nowNs - it->second.first <= m_settings.synSeenExpiryNs;
}

void BackscatterAnalyzer::expireLocked(qint64 nowNs)
{
    // The LRU tail holds the least recently active vector; capture time is mostly monotonic, so
    // stopping at the first vector still active is exact enough and O(expired).
    while (!m_lru.empty()) {
        auto it = m_vectors.find(m_lru.back());
        if (nowNs - it->second.record.latestNs <= m_settings.inactivityTimeoutNs) {
            break;
        }
        closeVector(it, false);
    }
    while (!m_synLru.empty()) {
        auto it = m_synSeen.find(m_synLru.back());
        if (nowNs - it->second.first <= m_settings.synSeenExpiryNs) {
            break;
        }
        m_synSeen.erase(it);
        m_synLru.pop_back();
        ++m_counters.synSeenExpired;
    }
}

void BackscatterAnalyzer::closeVector(std::unordered_map<Key, Vector>::iterator it, bool evicted)
{
    AttackRecord record = recordOf(it->second);
    record.active = false;
    record.evicted = evicted;
    if (m_eventsEnabled && passesThresholds(record, m_settings.thresholds)) {
        if (!it->second.detected) {
            addEvent(m_events.detected, record);
        }
        addEvent(m_events.ended, record);
    }
    ++(evicted ? m_counters.vectorsEvicted : m_counters.vectorsExpired);
    m_lru.erase(it->second.lru);
    m_vectors.erase(it);
    // Evidence is for attacks: a vector ending below the thresholds frees its share of the budget
    // (lowering the thresholds later does not bring those packets back).
    if (!passesThresholds(record, m_settings.thresholds)) {
        if (record.evidence.keptPackets() > 0) {
            ++m_counters.evidenceReleased;
        }
        m_counters.evidenceBytes -= record.evidence.release(AttackEvidence::Release::BelowThresholds);
    }
    if (m_settings.maxClosedVectors <= 0) {
        m_counters.evidenceBytes -= record.evidence.memoryBytes();
        ++m_counters.closedEvicted;
        return;
    }
    m_closed.push_back(std::move(record));
    while (static_cast<qsizetype>(m_closed.size()) > m_settings.maxClosedVectors) {
        m_counters.evidenceBytes -= m_closed.front().evidence.memoryBytes();
        m_closed.pop_front();
        m_reclaimNext = m_reclaimNext > 0 ? m_reclaimNext - 1 : 0;
        ++m_counters.closedEvicted;
    }
}

void BackscatterAnalyzer::reclaimEvidence(qint64 needed)
{
    // Newer attacks matter more than ended ones: when the budget cannot take the next packet, the
    // oldest ended attacks give their packets back, oldest first (m_closed is in closing order).
    while (m_counters.evidenceBytes + needed > m_settings.evidenceMaxBytes &&
           m_reclaimNext < m_closed.size()) {
        AttackEvidence &evidence = m_closed[m_reclaimNext++].evidence;
        if (evidence.keptPackets() > 0) {
            m_counters.evidenceBytes -= evidence.release(AttackEvidence::Release::ForNewerAttacks);
            ++m_counters.evidenceReclaimed;
        }
    }
}

AttackRecord BackscatterAnalyzer::recordOf(const Vector &vector) const
{
    AttackRecord record = vector.record;
    record.telescopeAddresses = static_cast<quint32>(vector.telescopes.size());
    record.attackerSlash16s = static_cast<quint32>(vector.slash16s.size());
    record.attackerPorts = static_cast<quint32>(vector.attackerPorts.size());
    record.targetPorts = static_cast<quint32>(vector.targetPorts.size());
    QList<QPair<quint16, quint32>> ports;
    ports.reserve(static_cast<qsizetype>(vector.targetPorts.size()));
    for (const auto &[port, packets] : vector.targetPorts) {
        ports.append({port, packets});
    }
    const qsizetype top = qMin(kTopPorts, ports.size());
    std::partial_sort(ports.begin(), ports.begin() + top, ports.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    ports.resize(top);
    record.topTargetPorts = ports;
    return record;
}

BackscatterSnapshot BackscatterAnalyzer::snapshot() const
{
    const std::lock_guard lock(m_mutex);
    BackscatterSnapshot snapshot;
    snapshot.settings = m_settings;
    snapshot.counters = m_counters;
    snapshot.counters.activeVectors = static_cast<qint64>(m_vectors.size());
    snapshot.counters.closedVectors = static_cast<qint64>(m_closed.size());
    snapshot.counters.synSeenEntries = static_cast<qint64>(m_synSeen.size());
    snapshot.counters.pibsLines = m_counters.pibsLines;
    for (const AttackRecord &record : m_closed) {
        if (passesThresholds(record, m_settings.thresholds)) {
            snapshot.attacks.append(record);
        } else {
            ++snapshot.nonAttackVectors;
        }
    }
    for (const auto &[key, vector] : m_vectors) {
        Q_UNUSED(key)
        if (passesThresholds(vector.record, m_settings.thresholds)) {
            snapshot.attacks.append(recordOf(vector));
        } else {
            ++snapshot.nonAttackVectors;
        }
    }
    std::sort(snapshot.attacks.begin(), snapshot.attacks.end(),
              [](const AttackRecord &a, const AttackRecord &b) {
                  return a.startNs != b.startNs
                             ? a.startNs < b.startNs
                             : (a.victim != b.victim ? a.victim < b.victim : a.protocol < b.protocol);
              });
    snapshot.perSecond.reserve(m_perSecond.size());
    for (auto it = m_perSecond.cbegin(); it != m_perSecond.cend(); ++it) {
        snapshot.perSecond.append({it.key(), it.value()});
    }
    return snapshot;
}

} // namespace d4::analyzers::backscatter
