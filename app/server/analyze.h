// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QStringList>

namespace d4::app {

/**
 * `d4-server analyze FILE... [--json] [options]`: reads capture files (pcap/pcapng, gzip or not,
 * detected by content) in first-packet order, prints capinfos-like properties of each and the
 * results of every analysis (backscatter). @p arguments start with the program name, then
 * "analyze". Returns the process exit code: 0 all files read (warnings allowed), 1 a file was
 * rejected, 2 invalid command line.
 */
int runAnalyze(const QStringList &arguments);

} // namespace d4::app
