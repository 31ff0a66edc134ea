// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QDateTime>
#include <QString>

namespace d4::analyzers::backscatter {

/**
 * The retention of the files BackscatterReporter creates under `<data>/backscatter/` ([Backscatter]
 * retention_days): removes those last modified before a cutoff. Only names the reporter writes
 * are touched: `attacks-YYYY-MM-DD.ndjson` in the attacks directory and EvidenceWriter's
 * `<victim>-<protocol>-<start>[-n].pcap[ng]` in the evidence directory; any other file (and any
 * subdirectory) is left alone. Any thread.
 */
class BackscatterRetention final
{
public:
    /** True when @p fileName is an attacks file name. */
    static bool isAttacksFile(const QString &fileName);
    /** True when @p fileName is an evidence pcap name. */
    static bool isEvidenceFile(const QString &fileName);
    /**
     * Removes the attack files of @p directory and the evidence pcaps of @p evidenceDirectory (either
     * may be empty: skipped) last modified before @p cutoff. Returns how many were removed; those
     * that could not be are logged.
     */
    static int removeOlderThan(const QString &directory, const QString &evidenceDirectory,
                               const QDateTime &cutoff);
};

} // namespace d4::analyzers::backscatter
