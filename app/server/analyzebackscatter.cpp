// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzebackscatter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include "analyzers/backscatter/backscatterexport.h"
#include "analyzers/backscatter/evidencewriter.h"

namespace d4::app {

using namespace analyzers::backscatter;

AnalyzeBackscatter::AnalyzeBackscatter(const BackscatterSettings &settings)
    : m_analyzer(settings)
{
    if (settings.mode == BackscatterSettings::Mode::Pibs) {
        m_pibsLines.append(PibsEmulator::csvHeader());
        m_analyzer.setPibsLineCallback([this](const QByteArray &line) { m_pibsLines.append(line); });
    }
}

bool AnalyzeBackscatter::writeEvidence(const QString &directory, QString &error)
{
    if (!QDir().mkpath(directory)) {
        error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    const QDir dir(directory);
    m_evidenceWritten = true;
    QSet<QString> used;
    for (const AttackRecord &attack : m_analyzer.snapshot().attacks) {
        if (attack.evidence.isEmpty()) {
            continue;
        }
        // Two attacks of one victim and protocol starting in the same nanosecond are possible
        // after an eviction: number the second one.
        const QString name = EvidenceWriter::fileName(attack);
        QString unique = name;
        for (int n = 2; used.contains(unique); ++n) {
            const QFileInfo info(name);
            unique = info.completeBaseName() + QLatin1Char('-') + QString::number(n) + QLatin1Char('.') +
                     info.suffix();
        }
        used.insert(unique);
        const QString path = dir.filePath(unique);
        if (!EvidenceWriter::write(attack, path, error)) {
            return false;
        }
        m_evidenceFiles.insert({attack.victim, attack.protocol, attack.startNs}, path);
    }
    return true;
}

QJsonValue AnalyzeBackscatter::toJson() const
{
    const BackscatterSnapshot snapshot = m_analyzer.snapshot();
    QJsonObject json = BackscatterExport::snapshotToJson(snapshot);
    if (!m_evidenceWritten) {
        return json;
    }
    // "attacks" follows snapshot.attacks; each gets the file written for it (null when none).
    QJsonArray attacks = json.value(QStringLiteral("attacks")).toArray();
    for (qsizetype i = 0; i < attacks.size() && i < snapshot.attacks.size(); ++i) {
        const AttackRecord &attack = snapshot.attacks.at(i);
        QJsonObject object = attacks.at(i).toObject();
        const QString path = m_evidenceFiles.value({attack.victim, attack.protocol, attack.startNs});
        object.insert(QStringLiteral("evidence_file"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
        if (path.isEmpty()) {
            object.insert(QStringLiteral("evidence_unavailable"), EvidenceWriter::unavailableReason(attack));
        }
        attacks.replace(i, object);
    }
    json.insert(QStringLiteral("attacks"), attacks);
    return json;
}

void AnalyzeBackscatter::writeText(QTextStream &out) const
{
    const BackscatterSnapshot s = m_analyzer.snapshot();
    const BackscatterCounters &c = s.counters;
    out << "Backscatter ("
        << (s.settings.mode == BackscatterSettings::Mode::Pibs ? "PIBS + Corsaro" : "Corsaro") << " mode)\n";
    out << "  Packets analysed:     " << c.packets << " (" << c.ipv4 << " IPv4, " << c.ipv6 << " IPv6)\n";
    out << "  Backscatter packets:  " << c.backscatter() << '\n';
    for (int i = 0; i < kBackscatterClassCount; ++i) {
        const quint64 count = c.classes[static_cast<size_t>(i)];
        if (count > 0) {
            out << "    " << backscatterClassKey(static_cast<BackscatterClass>(i)) << ": " << count << '\n';
        }
    }
    for (auto it = c.icmpTypeCodes.cbegin(); it != c.icmpTypeCodes.cend(); ++it) {
        out << "    icmp " << (it.key() >> 8) << '/' << (it.key() & 0xFF) << ": " << it.value() << '\n';
    }
    out << "  ICMP mismatches:      " << c.icmpMismatches << '\n';
    out << "  Vectors:              " << c.vectorsCreated << " created, " << c.vectorsExpired << " expired, "
        << c.vectorsEvicted << " evicted\n";
    if (s.settings.evidence.enabled()) {
        out << "  Evidence:             first " << s.settings.evidence.firstPackets << " and last "
            << s.settings.evidence.recentPackets << " packets per vector; " << c.evidenceBytes
            << " bytes held, " << c.evidenceRefused << " packets refused (memory budget), "
            << c.evidenceReclaimed << " ended attacks gave theirs to newer ones\n";
    }
    for (const QString &warning : s.settings.warnings()) {
        out << "  Note: " << warning << '\n';
    }
    out << "  Attacks:              " << s.attacks.size() << " (" << s.nonAttackVectors
        << " vectors below the thresholds)\n";
    for (const AttackRecord &a : s.attacks) {
        const double estimated = s.estimatedPps(a);
        out << "    " << BackscatterExport::ipv4Text(a.victim) << ' '
            << BackscatterExport::protocolName(a.protocol) << " port " << a.firstTargetPort << "  "
            << BackscatterExport::isoTime(a.startNs) << "  "
            << QString::number(static_cast<double>(a.durationNs()) / 1e9, 'f', 1) << " s  " << a.packets
            << " packets  " << a.bytes << " bytes  max "
            << QString::number(a.maxPpm(s.settings.thresholds.windowNs), 'f', 0) << " ppm  "
            << a.telescopeAddresses << " sensor address(es)";
        if (estimated >= 0) {
            out << "  est. " << QString::number(estimated, 'f', 0) << " pps";
        }
        out << '\n';
        if (m_evidenceWritten) {
            const QString path = m_evidenceFiles.value({a.victim, a.protocol, a.startNs});
            if (path.isEmpty()) {
                out << "      no evidence: " << EvidenceWriter::unavailableReason(a) << '\n';
            } else {
                out << "      evidence: " << path << " (" << a.evidence.keptPackets() << " packets, "
                    << a.evidence.notKept() << " not kept)\n";
            }
        }
    }
    if (s.settings.mode == BackscatterSettings::Mode::Pibs) {
        out << "  PIBS lines:           " << c.pibsLines << '\n';
    }
}

} // namespace d4::app
