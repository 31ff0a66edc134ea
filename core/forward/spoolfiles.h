// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

#include "forward/forwardspool.h"

/**
 * The names and the cursor file of a spool directory (docs/forwarding.md, "The spool"): segment
 * files `<16-digit sequence>.seg` and one `acknowledged` file holding "<segment> <offset>\n".
 */
namespace d4::forward::spoolfiles {

inline constexpr quint64 kLastSequence = 9'999'999'999'999'999; ///< the largest with 16 digits

QString segmentFileName(quint64 sequence);
/** True, with @p sequence, for a name segmentFileName() makes. */
bool parseSegmentFileName(const QString &name, quint64 &sequence);
QString acknowledgedFileName();

/**
 * Reads the acknowledged cursor at @p path; a missing file leaves @p cursor as it is (nothing was
 * acknowledged yet). False with @p message when the file cannot be read or is damaged.
 */
bool readAcknowledged(const QString &path, SpoolCursor &cursor, QString &message);
/** Replaces the file atomically (write, fsync, rename). False with @p message on failure. */
bool saveAcknowledged(const QString &path, const SpoolCursor &cursor, QString &message);

} // namespace d4::forward::spoolfiles
