// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <tuple>

#include <QByteArrayList>
#include <QMap>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "analyzesection.h"

namespace d4::app {

/** The backscatter analysis of `d4-server analyze` (spec backscatter.md §6). */
class AnalyzeBackscatter final : public AnalyzeSection
{
public:
    explicit AnalyzeBackscatter(const analyzers::backscatter::BackscatterSettings &settings);

    void onPacket(const capture::CapturePacket &packet, const capture::DecodedPacket &decoded) override
    {
        m_analyzer.onPacket(packet, decoded);
    }
    QString key() const override { return QStringLiteral("backscatter"); }
    QJsonValue toJson() const override;
    void writeText(QTextStream &out) const override;
    /** In PIBS mode, PIBS's CSV lines (header first), for --pibs-csv. */
    const QByteArrayList &pibsLines() const { return m_pibsLines; }
    /**
     * --evidence-dir: writes one capture file per attack with evidence into @p directory (created
     * if needed), named by victim, protocol and start; the reports then name the files. False with
     * @p error when a file cannot be written.
     */
    bool writeEvidence(const QString &directory, QString &error);

private:
    using AttackKey = std::tuple<quint32, quint8, qint64>; ///< victim, protocol, start

    analyzers::backscatter::BackscatterAnalyzer m_analyzer;
    QByteArrayList m_pibsLines;
    bool m_evidenceWritten = false;
    QMap<AttackKey, QString> m_evidenceFiles;
};

} // namespace d4::app
