// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::forward {

/** What SpoolSegmentScanner found between two offsets of a segment file. */
struct SpoolScanResult
{
    quint64 end = 0;          ///< offset just after the last good record
    quint64 records = 0;      ///< good records in [from, end)
    quint64 payloadBytes = 0; ///< their bytes, without framing
    bool corrupt = false;     ///< stopped before the limit at a record that is not whole and sound
    bool unreadable = false;  ///< the file could not be opened or read at all (problem says why)
    QString problem;          ///< why, for the log
};

/**
 * Walks the framed records (spoolframing.h) of one spool segment file in large reads, without
 * keeping them: ForwardSpool uses it to rebuild its counts on open and to count the records
 * between two offsets. Stops at the first record with an impossible length, a bad CRC (when
 * checking) or that runs past the limit.
 */
class SpoolSegmentScanner final
{
public:
    /** Scans @p path from @p from up to @p limit (or the end of the file, if shorter). */
    static SpoolScanResult scan(const QString &path, quint64 from, quint64 limit, bool verifyChecksums);
};

} // namespace d4::forward
