// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "analyzebackscatter.h"

#include "analyzers/backscatter/backscatterexport.h"

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

QJsonValue AnalyzeBackscatter::toJson() const
{
    return BackscatterExport::snapshotToJson(m_analyzer.snapshot());
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
    }
    if (s.settings.mode == BackscatterSettings::Mode::Pibs) {
        out << "  PIBS lines:           " << c.pibsLines << '\n';
    }
}

} // namespace d4::app
