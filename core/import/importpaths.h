// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>
#include <QStringList>

namespace d4::import {

/** Turning what the user dropped or named into capture files. Stateless; any thread. */
class ImportPaths final
{
public:
    /** Files stay as given; folders are replaced by their files (recursively, sorted by path). */
    static QStringList expand(const QStringList &paths);
    /**
     * True when the first bytes of @p path are a pcap, pcapng or gzip magic (content, not name);
     * else false with @p why set to a sentence naming the file. A gzip file is fully checked
     * only when read.
     */
    static bool looksLikeCapture(const QString &path, QString *why = nullptr);
};

} // namespace d4::import
