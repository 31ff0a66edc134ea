// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArrayList>

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

private:
    analyzers::backscatter::BackscatterAnalyzer m_analyzer;
    QByteArrayList m_pibsLines;
};

} // namespace d4::app
