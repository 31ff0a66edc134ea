// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QJsonValue>
#include <QString>
#include <QTextStream>

#include "capture/packetsink.h"

namespace d4::app {

/**
 * One analysis of `d4-server analyze`: it sees every decoded packet of every file (in first-packet
 * order) and contributes one top-level member to the JSON report and one block to the text report.
 *
 * Extension point: a later analysis (e.g. passive DNS records extracted from DNS responses) is a
 * new AnalyzeSection whose key() is "passive_dns" and whose toJson() returns its array; add it in
 * Analyzer::sections() (analyze.cpp). Nothing else in the report changes.
 */
class AnalyzeSection : public capture::PacketSink
{
public:
    /** The member name in the JSON report, e.g. "backscatter". */
    virtual QString key() const = 0;
    /** Called once all files are read. */
    virtual QJsonValue toJson() const = 0;
    virtual void writeText(QTextStream &out) const = 0;
};

} // namespace d4::app
