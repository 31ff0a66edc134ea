// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::app {

/**
 * Installs the message handler of the headless programs: "<time> - <LEVEL> - <category>: <message>"
 * on stderr (the reference's log line shape). @p verbose enables debug output of every d4.* category.
 */
void installLogHandler(bool verbose);

} // namespace d4::app
