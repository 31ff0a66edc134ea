// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzers/backscatter/backscatterexport.h"

#include <QDateTime>
#include <QHostAddress>
#include <QStringList>

namespace d4::analyzers::backscatter {

namespace {

QJsonObject mispAttribute(const QString &relation, const QString &type, const QString &value)
{
    return QJsonObject{{QStringLiteral("object_relation"), relation},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("value"), value}};
}

} // namespace

QString BackscatterExport::ipv4Text(quint32 address)
{
    return QHostAddress(address).toString();
}

QString BackscatterExport::protocolName(quint8 protocol)
{
    switch (protocol) {
    case 1:
        return QStringLiteral("ICMP");
    case 6:
        return QStringLiteral("TCP");
    case 17:
        return QStringLiteral("UDP");
    case 58:
        return QStringLiteral("ICMPv6");
    default:
        return QString::number(protocol);
    }
}

QString BackscatterExport::isoTime(qint64 ns)
{
    const qint64 seconds = ns >= 0 ? ns / 1000000000LL : -((-ns + 999999999LL) / 1000000000LL);
    const qint64 fraction = ns - seconds * 1000000000LL;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           QStringLiteral(".%1Z").arg(fraction, 9, 10, QLatin1Char('0'));
}

QJsonObject BackscatterExport::attackToJson(const AttackRecord &a, const BackscatterSnapshot &snapshot)
{
    QJsonObject responses;
    for (int i = 0; i < kResponseKindCount; ++i) {
        responses.insert(QLatin1String(responseKindKey(static_cast<ResponseKind>(i))),
                         static_cast<qint64>(a.responses[i]));
    }
    QJsonArray topPorts;
    for (const auto &[port, packets] : a.topTargetPorts) {
        topPorts.append(
            QJsonObject{{QStringLiteral("port"), port}, {QStringLiteral("packets"), qint64(packets)}});
    }
    QJsonArray timeline;
    for (const auto &[start, packets] : a.timeline) {
        timeline.append(QJsonArray{QString::number(start), qint64(packets)});
    }
    const double estimated = snapshot.estimatedPps(a);
    return QJsonObject{
        {QStringLiteral("victim"), ipv4Text(a.victim)},
        {QStringLiteral("protocol"), protocolName(a.protocol)},
        {QStringLiteral("protocol_number"), a.protocol},
        {QStringLiteral("start"), isoTime(a.startNs)},
        {QStringLiteral("end"), isoTime(a.latestNs)},
        // Nanosecond times as strings: JSON numbers lose precision above 2^53.
        {QStringLiteral("start_ns"), QString::number(a.startNs)},
        {QStringLiteral("end_ns"), QString::number(a.latestNs)},
        {QStringLiteral("duration_s"), static_cast<double>(a.durationNs()) / 1e9},
        {QStringLiteral("packets"), static_cast<qint64>(a.packets)},
        {QStringLiteral("bytes"), static_cast<qint64>(a.bytes)},
        {QStringLiteral("max_window_packets"), static_cast<qint64>(a.maxWindowPackets)},
        {QStringLiteral("max_ppm"), a.maxPpm(snapshot.settings.thresholds.windowNs)},
        {QStringLiteral("observed_pps"), a.observedPps()},
        {QStringLiteral("estimated_pps"), estimated < 0 ? QJsonValue() : QJsonValue(estimated)},
        {QStringLiteral("telescope_addresses"), static_cast<qint64>(a.telescopeAddresses)},
        {QStringLiteral("attacker_slash16s"), static_cast<qint64>(a.attackerSlash16s)},
        {QStringLiteral("attacker_ports"), static_cast<qint64>(a.attackerPorts)},
        {QStringLiteral("target_ports"), static_cast<qint64>(a.targetPorts)},
        {QStringLiteral("distinct_counts_saturated"), a.setsSaturated},
        {QStringLiteral("first_attacker_port"), a.firstAttackerPort},
        {QStringLiteral("first_target_port"), a.firstTargetPort},
        {QStringLiteral("top_target_ports"), topPorts},
        {QStringLiteral("icmp_mismatches"), static_cast<qint64>(a.icmpMismatches)},
        {QStringLiteral("initial_packet_length"), static_cast<qint64>(a.initialPacketLength)},
        {QStringLiteral("responses"), responses},
        {QStringLiteral("active"), a.active},
        {QStringLiteral("evicted"), a.evicted},
        {QStringLiteral("timeline_slide_s"), static_cast<double>(snapshot.settings.thresholds.slideNs) / 1e9},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("evidence_packets"), static_cast<qint64>(a.evidence.keptPackets())},
        {QStringLiteral("evidence_not_kept"), static_cast<qint64>(a.evidence.notKept())},
    };
}

QJsonObject BackscatterExport::snapshotToJson(const BackscatterSnapshot &s)
{
    const BackscatterSettings &settings = s.settings;
    QJsonArray prefixes;
    for (const MonitoredPrefix &prefix : settings.monitoredPrefixes) {
        prefixes.append(prefix.toString());
    }
    const AttackThresholds &t = settings.thresholds;
    const QJsonObject settingsJson{
        {QStringLiteral("mode"), settings.mode == BackscatterSettings::Mode::Pibs
                                     ? QStringLiteral("pibs")
                                     : QStringLiteral("corsaro")},
        {QStringLiteral("min_packets"), static_cast<qint64>(t.minPackets)},
        {QStringLiteral("min_duration_s"), static_cast<double>(t.minDurationNs) / 1e9},
        {QStringLiteral("min_window_packets"), static_cast<qint64>(t.minWindowPackets)},
        {QStringLiteral("window_s"), static_cast<double>(t.windowNs) / 1e9},
        {QStringLiteral("slide_s"), static_cast<double>(t.slideNs) / 1e9},
        {QStringLiteral("inactivity_timeout_s"), static_cast<double>(settings.inactivityTimeoutNs) / 1e9},
        {QStringLiteral("udp_responses"), settings.udpResponses},
        {QStringLiteral("monitored_prefixes"), prefixes},
        {QStringLiteral("monitored_addresses"), static_cast<qint64>(settings.monitoredAddresses())},
        {QStringLiteral("rate_scale"), settings.rateScale()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(settings.warnings())},
        {QStringLiteral("evidence_first_packets"), static_cast<qint64>(settings.evidence.firstPackets)},
        {QStringLiteral("evidence_recent_packets"), static_cast<qint64>(settings.evidence.recentPackets)},
        {QStringLiteral("evidence_max_bytes"), settings.evidenceMaxBytes},
    };
    const BackscatterCounters &c = s.counters;
    QJsonObject classes;
    QJsonObject classesV6;
    for (int i = 0; i < kBackscatterClassCount; ++i) {
        const auto key = QLatin1String(backscatterClassKey(static_cast<BackscatterClass>(i)));
        classes.insert(key, static_cast<qint64>(c.classes[static_cast<size_t>(i)]));
        classesV6.insert(key, static_cast<qint64>(c.classesV6[static_cast<size_t>(i)]));
    }
    QJsonObject responses;
    for (int i = 0; i < kResponseKindCount; ++i) {
        responses.insert(QLatin1String(responseKindKey(static_cast<ResponseKind>(i))),
                         static_cast<qint64>(c.responses[static_cast<size_t>(i)]));
    }
    QJsonObject icmp;
    for (auto it = c.icmpTypeCodes.cbegin(); it != c.icmpTypeCodes.cend(); ++it) {
        icmp.insert(QStringLiteral("%1/%2").arg(it.key() >> 8).arg(it.key() & 0xFF),
                    static_cast<qint64>(it.value()));
    }
    const QJsonObject counters{
        {QStringLiteral("packets"), static_cast<qint64>(c.packets)},
        {QStringLiteral("ipv4"), static_cast<qint64>(c.ipv4)},
        {QStringLiteral("ipv6"), static_cast<qint64>(c.ipv6)},
        {QStringLiteral("backscatter"), static_cast<qint64>(c.backscatter())},
        {QStringLiteral("classes"), classes},
        {QStringLiteral("classes_ipv6"), classesV6},
        {QStringLiteral("responses"), responses},
        {QStringLiteral("icmp_type_code"), icmp},
        {QStringLiteral("icmp_mismatches"), static_cast<qint64>(c.icmpMismatches)},
        {QStringLiteral("stateless_scanners"), static_cast<qint64>(c.statelessScanners)},
        {QStringLiteral("rst_from_syn_sources"), static_cast<qint64>(c.rstFromSynSources)},
        {QStringLiteral("vectors_created"), static_cast<qint64>(c.vectorsCreated)},
        {QStringLiteral("vectors_expired"), static_cast<qint64>(c.vectorsExpired)},
        {QStringLiteral("vectors_evicted"), static_cast<qint64>(c.vectorsEvicted)},
        {QStringLiteral("closed_vectors_evicted"), static_cast<qint64>(c.closedEvicted)},
        {QStringLiteral("syn_seen_entries"), c.synSeenEntries},
        {QStringLiteral("syn_seen_evicted"), static_cast<qint64>(c.synSeenEvicted)},
        {QStringLiteral("active_vectors"), c.activeVectors},
        {QStringLiteral("non_attack_vectors"), static_cast<qint64>(s.nonAttackVectors)},
        {QStringLiteral("evidence_bytes"), c.evidenceBytes},
        {QStringLiteral("evidence_refused"), static_cast<qint64>(c.evidenceRefused)},
        {QStringLiteral("evidence_released_vectors"), static_cast<qint64>(c.evidenceReleased)},
        {QStringLiteral("evidence_reclaimed_attacks"), static_cast<qint64>(c.evidenceReclaimed)},
    };
    QJsonArray attacks;
    for (const AttackRecord &attack : s.attacks) {
        attacks.append(attackToJson(attack, s));
    }
    QJsonObject result{{QStringLiteral("settings"), settingsJson},
                       {QStringLiteral("counters"), counters},
                       {QStringLiteral("attacks"), attacks}};
    if (settings.mode == BackscatterSettings::Mode::Pibs) {
        QJsonObject byFlags;
        for (auto it = c.pibsLinesByFlags.cbegin(); it != c.pibsLinesByFlags.cend(); ++it) {
            byFlags.insert(QString::number(it.key()), static_cast<qint64>(it.value()));
        }
        result.insert(QStringLiteral("pibs"),
                      QJsonObject{{QStringLiteral("lines"), static_cast<qint64>(c.pibsLines)},
                                  {QStringLiteral("lines_by_tcp_flags"), byFlags}});
    }
    return result;
}

QByteArray BackscatterExport::attacksToCsv(const BackscatterSnapshot &s)
{
    QByteArray csv("victim,protocol,start_ns,end_ns,packets,bytes,max_ppm,estimated_pps,attacker_slash16s,"
                   "attacker_ports,target_ports,telescope_addresses,first_attacker_port,first_target_port,"
                   "icmp_mismatches\n");
    for (const AttackRecord &a : s.attacks) {
        const double estimated = s.estimatedPps(a);
        const QStringList fields{ipv4Text(a.victim),
                                 protocolName(a.protocol),
                                 QString::number(a.startNs),
                                 QString::number(a.latestNs),
                                 QString::number(a.packets),
                                 QString::number(a.bytes),
                                 QString::number(a.maxPpm(s.settings.thresholds.windowNs), 'f', 1),
                                 estimated < 0 ? QString() : QString::number(estimated, 'f', 1),
                                 QString::number(a.attackerSlash16s),
                                 QString::number(a.attackerPorts),
                                 QString::number(a.targetPorts),
                                 QString::number(a.telescopeAddresses),
                                 QString::number(a.firstAttackerPort),
                                 QString::number(a.firstTargetPort),
                                 QString::number(a.icmpMismatches)};
        csv += fields.join(QLatin1Char(',')).toUtf8();
        csv += '\n';
    }
    return csv;
}

QJsonObject BackscatterExport::attacksToMisp(const BackscatterSnapshot &s)
{
    QJsonArray objects;
    for (const AttackRecord &a : s.attacks) {
        QJsonArray attributes{
            mispAttribute(QStringLiteral("ip-dst"), QStringLiteral("ip-dst"), ipv4Text(a.victim)),
            mispAttribute(QStringLiteral("dst-port"), QStringLiteral("port"),
                          QString::number(a.firstTargetPort)),
            // The definition's values_list: TCP, UDP, ICMP, IP.
            mispAttribute(QStringLiteral("protocol"), QStringLiteral("text"),
                          a.protocol == 6 || a.protocol == 17 || a.protocol == 1 ? protocolName(a.protocol)
                                                                                 : QStringLiteral("IP")),
            mispAttribute(QStringLiteral("first-seen"), QStringLiteral("datetime"), isoTime(a.startNs)),
            mispAttribute(QStringLiteral("last-seen"), QStringLiteral("datetime"), isoTime(a.latestNs)),
            mispAttribute(
                QStringLiteral("text"), QStringLiteral("text"),
                QStringLiteral("Backscatter: %1 packets, max %2 per minute, %3 sensor address(es) hit")
                    .arg(a.packets)
                    .arg(a.maxPpm(s.settings.thresholds.windowNs), 0, 'f', 1)
                    .arg(a.telescopeAddresses)),
        };
        const double estimated = s.estimatedPps(a);
        if (estimated >= 0) {
            attributes.append(mispAttribute(QStringLiteral("total-pps"), QStringLiteral("counter"),
                                            QString::number(static_cast<qint64>(estimated))));
        }
        objects.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("ddos")},
            {QStringLiteral("meta-category"), QStringLiteral("network")},
            // MISP/misp-objects objects/ddos/definition.json, version 5.
            {QStringLiteral("template_uuid"), QStringLiteral("e2f124d6-f57c-4f93-99e6-8450545fa05d")},
            {QStringLiteral("template_version"), QStringLiteral("5")},
            {QStringLiteral("Attribute"), attributes}});
    }
    return QJsonObject{{QStringLiteral("Object"), objects}};
}

} // namespace d4::analyzers::backscatter
