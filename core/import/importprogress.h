// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QMetaType>
#include <QString>

namespace d4::import {

/** A progress report of an ImportJob (emitted at least every 250 ms while it runs). */
struct ImportProgress
{
    quint64 bytesRead = 0;  ///< file bytes read (compressed bytes for gzip files)
    quint64 bytesTotal = 0; ///< size of all accepted files
    quint64 packets = 0;
    qint64 elapsedMs = 0;
    quint64 dnsTuples = 0;
    quint64 backscatterPackets = 0;
    QString currentFile; ///< the file of the last packet processed

    /** 0..100 from bytes. */
    double percent() const { return bytesTotal == 0 ? 0.0 : 100.0 * double(bytesRead) / double(bytesTotal); }
    double packetsPerSecond() const
    {
        return elapsedMs <= 0 ? 0.0 : 1000.0 * double(packets) / double(elapsedMs);
    }
    double bytesPerSecond() const
    {
        return elapsedMs <= 0 ? 0.0 : 1000.0 * double(bytesRead) / double(elapsedMs);
    }
};

} // namespace d4::import

Q_DECLARE_METATYPE(d4::import::ImportProgress)
